import { describe, expect, it } from 'vitest';
import { realShell } from '../store/real-shell.ts';
import { containerSteps } from './container-steps.ts';

const run = (lines: string[]) => {
  let s = realShell.createSession();
  const worlds = [s.world];
  for (const l of lines) {
    s = realShell.runLine(s, l).session;
    worlds.push(s.world);
  }
  return worlds;
};

describe('containerSteps', () => {
  it('tells a new container: an init layer and an empty upper over shared read-only layers', () => {
    const [w0, w1, w2] = run(['docker run -d --name web demo', 'docker run -d --name web2 demo']);
    const first = containerSteps(w0!, w1!);
    expect(first.created).toHaveLength(1);
    expect(first.created[0]!.text).toMatch(
      /^Container web gets an init layer and a fresh, empty upper on top of demo's 3 read-only layers: nothing is copied\.$/,
    );
    expect(first.created[0]!.highlights.map((h) => h.mark)).toEqual(['new', 'new']);
    expect(containerSteps(w1!, w2!).created[0]!.text).toMatch(/2 containers share those layers now\.$/);
  });

  it('tells a removed container: its upper goes with what was written in it, the image stays', () => {
    const [, , w2, w3] = run([
      'docker run -d --name web demo',
      'docker exec web sh -c "echo hello > /greeting"',
      'docker rm -f web',
    ]);
    const { created, removed } = containerSteps(w2!, w3!);
    expect(created).toEqual([]);
    expect(removed[0]!.text).toBe(
      "docker rm deletes web's upper and init layers (6 bytes written in it are gone); the image's layers stay, untouched.",
    );
  });
});
