import { describe, expect, it } from 'vitest';
import { realShell } from '../store/real-shell.ts';
import { createAppStore } from '../store/store.ts';
import { deflate, toBase64Url } from './codec.ts';
import { decodeSession, encodeSession, withFragment } from './link.ts';
import { LIMITS } from './session-data.ts';

/**
 * Links made by earlier versions of the app, pinned: each must keep opening, to the same session, in
 * every later version. Add one here for each new format version; never change one.
 */
const PINNED_V1 =
  'v=1&s=eJyrVkpWsopWSslPzk4tUigqzVPQTVHQ1c1LzE1VKE9NUkhJzc1X0oHJp1akJivoZpaApYozlHSUUpMz8hVilDxSc3LyFcLzi3JSYpQU7OwU9ENcg0NA8hWZJQj9KZlpaSC9SrG1ACoFJn0';
const PINNED_V1_LESSON =
  'v=1&s=eJyrVkpWsopWSslPzk4tUigqzVPQTVHQ1c1LzE1VKE9NUkhJzc1XitVRylGyUkrKyU_XLckvLVLSUSpWsjKuBQBSjBL3';

const v1 = async (json: string) => `v=1&s=${toBase64Url(await deflate(json))}`;

describe('a session link', () => {
  it('made with version 1 still opens to the same session', async () => {
    const r = await decodeSession(`#${PINNED_V1}`);
    expect(r).toEqual({
      kind: 'ok',
      data: {
        commands: [
          'docker run -d --name web demo',
          'docker exec -it web sh',
          'echo "Hello World" >> /TEST',
          'exit',
          'docker diff web',
        ],
      },
    });
    // Opening it runs the lines on a fresh machine: the same container with the same file.
    const store = createAppStore(realShell);
    if (r.kind === 'ok') for (const line of r.data.commands) store.getState().run(line);
    const s = store.getState();
    expect(
      s.transcript
        .at(-1)
        ?.output.map((c) => c.text)
        .join(''),
    ).toBe('A /TEST\n');
    expect([...s.session.world.containers.values()].map((c) => c.name)).toEqual(['web']);
  });

  it('made with version 1 keeps its lesson and step', async () => {
    expect(await decodeSession(PINNED_V1_LESSON)).toEqual({
      kind: 'ok',
      data: { commands: ['docker run -d --name web demo'], lesson: 'blog-tour', step: 3 },
    });
  });

  it('round-trips the commands, the lesson and the step', async () => {
    const data = { commands: ['ls /', 'echo "한글 ✓" > /a'], lesson: 'whiteouts', step: 2 };
    const fragment = await encodeSession(data);
    expect(fragment).toMatch(/^v=1&s=[A-Za-z0-9_-]+$/);
    expect(await decodeSession(fragment)).toEqual({ kind: 'ok', data });
  });

  it('is none when the fragment holds no session', async () => {
    expect(await decodeSession('')).toEqual({ kind: 'none' });
    expect(await decodeSession('#section-2')).toEqual({ kind: 'none' });
  });

  it('is refused when tampered with: damaged data, a wrong shape, an unknown version', async () => {
    const good = await encodeSession({ commands: ['ls'] });
    const damaged = good.slice(0, -6) + 'AAAAAA';
    expect(await decodeSession(damaged)).toMatchObject({ kind: 'error', error: 'invalid' });
    expect(await decodeSession('v=1&s=%3Cscript%3E')).toMatchObject({ kind: 'error', error: 'invalid' });
    expect(await decodeSession(await v1('{"c": "rm -rf /"}'))).toMatchObject({
      kind: 'error',
      error: 'invalid',
    });
    expect(await decodeSession(await v1('{"c": [1]}'))).toMatchObject({ kind: 'error', error: 'invalid' });
    expect(await decodeSession(await v1('{"c": [], "l": "<img src=x>"}'))).toMatchObject({
      kind: 'error',
      error: 'invalid',
    });
    expect(await decodeSession(await v1('{"c": ["a\\nb"]}'))).toMatchObject({
      kind: 'error',
      error: 'invalid',
    });
    expect(await decodeSession('v=99&s=abc')).toMatchObject({ kind: 'error', error: 'unknownVersion' });
    expect(await decodeSession('s=abc')).toMatchObject({ kind: 'error', error: 'unknownVersion' });
  });

  it('is refused when too large, before or after inflating', async () => {
    const long = `v=1&s=${'A'.repeat(LIMITS.linkChars + 1)}`;
    expect(await decodeSession(long)).toMatchObject({ kind: 'error', error: 'tooLarge' });
    // A few hundred bytes that inflate to megabytes.
    const bomb = await v1(`{"c": ["${'x'.repeat(5_000_000)}"]}`);
    expect(bomb.length).toBeLessThan(20_000);
    expect(await decodeSession(bomb)).toMatchObject({ kind: 'error', error: 'tooLarge' });
    const many = await v1(JSON.stringify({ c: Array.from({ length: LIMITS.commands + 1 }, () => 'ls') }));
    expect(await decodeSession(many)).toMatchObject({ kind: 'error', error: 'invalid' });
  });

  it('goes into the fragment of the page URL, keeping its path and query', () => {
    expect(withFragment('https://blog.example/tools/layerlab/?lang=ko#old', 'v=1&s=x')).toBe(
      'https://blog.example/tools/layerlab/?lang=ko#v=1&s=x',
    );
  });
});
