import { describe, expect, it } from 'vitest';
import { selectMachineFresh } from './session-slice.ts';
import { pageStore } from './testing/page-store.ts';

describe('resetMachine', () => {
  it('starts over as the page does: nginx pulled, no containers, on the host, the history kept', async () => {
    const store = await pageStore();
    expect(selectMachineFresh(store.getState())).toBe(true);
    store.getState().run('docker run --name nginx -d nginx');
    store.getState().run('docker exec -it nginx /bin/bash');
    store.getState().undo();
    expect(selectMachineFresh(store.getState())).toBe(false);
    store.getState().resetMachine();
    const s = store.getState();
    expect(selectMachineFresh(s)).toBe(true);
    expect(s.session.world.containers.size).toBe(0);
    expect(s.prompt).toBe('$ ');
    expect(s.transcript).toEqual([]);
    expect(s.done).toEqual([]);
    expect(s.undone).toEqual([]);
    expect(s.focusContainerId).toBeNull();
    expect(s.player.steps).toEqual([]);
    expect(s.suggestion).toBe('docker run --name nginx -d nginx');
    expect(s.history).toEqual(['docker run --name nginx -d nginx', 'docker exec -it nginx /bin/bash']);
    // The name is free again, and nginx needs no pull.
    s.run('docker run --name nginx -d nginx');
    const entry = store.getState().transcript.at(-1)!;
    expect(entry.exitCode).toBe(0);
    expect(entry.output.map((o) => o.text).join('')).not.toContain('Pulling');
  });

  it('undoing every command gets back to the fresh machine', async () => {
    const store = await pageStore();
    store.getState().run('docker run --name nginx -d nginx');
    store.getState().undo();
    expect(selectMachineFresh(store.getState())).toBe(true);
  });
});
