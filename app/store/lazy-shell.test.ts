import { describe, expect, it, vi } from 'vitest';
import { realShell } from './real-shell.ts';
import type { ShellApi } from './shell-api.ts';
import { SUGGESTED_COMMAND } from './session-slice.ts';
import { createAppStore } from './store.ts';
import { diskCatalogLoader } from './testing/page-store.ts';
import { scriptedShell } from './testing/scripted-shell.ts';

// The page loads the shell's code after it first renders: a store given a shell loader.

/** A loader the test lets arrive (or fail) when it chooses. */
function heldLoader(shell: ShellApi) {
  let arrive!: () => void;
  let fail!: (e: Error) => void;
  const ready = new Promise<ShellApi>((resolve, reject) => {
    arrive = () => resolve(shell);
    fail = reject;
  });
  return { load: () => ready, arrive, fail };
}

const outputs = (store: ReturnType<typeof createAppStore>): string[] =>
  store.getState().transcript.map((e) => e.output.map((c) => c.text).join(''));

describe('a store whose shell is still loading', () => {
  it('shows an empty machine at the host prompt', () => {
    const store = createAppStore(heldLoader(scriptedShell()).load);
    const s = store.getState();
    expect(s.prompt).toBe('$ ');
    expect(s.session.world.images.size).toBe(0);
    expect(s.session.world.containers.size).toBe(0);
    expect(s.transcript).toEqual([]);
  });

  it('runs the lines typed before the shell arrived after it, in order', async () => {
    const held = heldLoader(scriptedShell());
    const store = createAppStore(held.load);
    store.getState().run('print 1');
    store.getState().run('create web');
    store.getState().run('print 2');
    expect(store.getState().transcript).toEqual([]);
    expect(store.getState().history).toEqual(['print 1', 'create web', 'print 2']);
    held.arrive();
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(3));
    expect(store.getState().transcript.map((e) => e.command)).toEqual(['print 1', 'create web', 'print 2']);
    expect(outputs(store)).toEqual(['x', '', 'xx']);
    expect(store.getState().session.world.containers.size).toBe(1);
  });

  it('runs lines at once once the shell is here', async () => {
    const held = heldLoader(scriptedShell());
    const store = createAppStore(held.load);
    held.arrive();
    await vi.waitFor(() => expect(store.getState().session.world.images.size).toBe(1));
    store.getState().run('print 3');
    expect(outputs(store)).toEqual(['xxx']);
  });

  it('says the machine could not be loaded when its code fails to arrive', async () => {
    const held = heldLoader(scriptedShell());
    const store = createAppStore(held.load);
    store.getState().run('print 1');
    held.fail(new TypeError('Failed to fetch dynamically imported module'));
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(1));
    expect(store.getState().transcript[0]!.exitCode).toBe(70);
    expect(outputs(store)[0]).toMatch(/could not be loaded \(Failed to fetch dynamically imported module\)/);
  });
});

describe('a loading shell and the catalog together', () => {
  it('starts with nginx pulled whichever arrives first, then runs the waiting lines in order', async () => {
    for (const shellFirst of [true, false]) {
      const held = heldLoader(realShell);
      const store = createAppStore(held.load, diskCatalogLoader);
      store.getState().run('echo one');
      if (shellFirst) held.arrive();
      const catalog = store.getState().loadCatalog();
      store.getState().run('docker images nginx');
      if (!shellFirst) setTimeout(held.arrive, 10);
      await catalog;
      await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(2));
      const [one, images] = outputs(store);
      expect(one).toBe('one\n');
      expect(images).toMatch(/^REPOSITORY .*\nnginx +latest /);
      // Lines were typed, so the page does not suggest a first command.
      expect(store.getState().suggestion).not.toBe(SUGGESTED_COMMAND);
    }
  });
});
