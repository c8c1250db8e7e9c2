import { describe, expect, it } from 'vitest';
import { realShell } from './real-shell.ts';
import { createAppStore } from './store.ts';
import { UNDO_LIMIT, worldBefore } from './undo-slice.ts';

const newStore = () => {
  const store = createAppStore(realShell);
  store.getState().setSpeed(0);
  return store;
};
const typed = (store: ReturnType<typeof newStore>, ...lines: string[]) => {
  for (const l of lines) store.getState().run(l);
};
const lastOutput = (store: ReturnType<typeof newStore>): string =>
  store
    .getState()
    .transcript.at(-1)!
    .output.map((c) => c.text)
    .join('');

describe('undo and redo of whole commands', () => {
  it('undo puts the machine back as it was before the last command, and drops its line', () => {
    const store = newStore();
    typed(store, 'docker run -d --name web demo', 'docker exec -it web sh', 'echo hi >> /etc/app/app.conf');
    const after = store.getState().session.world;
    store.getState().undo();
    const s = store.getState();
    expect(s.transcript.map((e) => e.command)).toEqual([
      'docker run -d --name web demo',
      'docker exec -it web sh',
    ]);
    expect(s.session.world).not.toBe(after);
    expect(s.prompt).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    typed(store, 'cat /etc/app/app.conf');
    expect(lastOutput(store)).not.toContain('hi');
  });

  it('redo brings the command back with the same world and plays its steps again', () => {
    const store = newStore();
    typed(store, 'docker run -d --name web demo', 'docker exec -it web sh', 'rm /etc/os-release');
    const after = store.getState().session.world;
    const steps = store.getState().player.steps;
    store.getState().undo();
    expect(store.getState().player.steps[0]?.text).toMatch(/^Undone: rm \/etc\/os-release/);
    store.getState().redo();
    const s = store.getState();
    expect(s.session.world).toBe(after);
    expect(s.transcript.at(-1)?.command).toBe('rm /etc/os-release');
    expect(s.player.steps).toBe(steps);
  });

  it('undo of `docker exec -it` leaves the container shell; of `docker run`, the container is gone', () => {
    const store = newStore();
    typed(store, 'docker run -d --name web demo', 'docker exec -it web sh');
    store.getState().undo();
    expect(store.getState().prompt).toBe('$ ');
    store.getState().undo();
    expect(store.getState().session.world.containers.size).toBe(0);
    expect(store.getState().focusContainerId).toBeNull();
    store.getState().undo(); // nothing left: no change, no error
    expect(store.getState().transcript).toEqual([]);
  });

  it('a new command forgets what was undone', () => {
    const store = newStore();
    typed(store, 'docker run -d --name web demo', 'docker ps');
    store.getState().undo();
    expect(store.getState().undone).toHaveLength(1);
    typed(store, 'docker images');
    expect(store.getState().undone).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().transcript.map((e) => e.command)).toEqual([
      'docker run -d --name web demo',
      'docker images',
    ]);
  });

  it('goTo jumps to any point of the timeline and back', () => {
    const store = newStore();
    typed(
      store,
      'docker run -d --name one demo',
      'docker run -d --name two demo',
      'docker run -d --name three demo',
    );
    store.getState().goTo(1);
    expect([...store.getState().session.world.containers.values()].map((c) => c.name)).toEqual(['one']);
    store.getState().goTo(3);
    expect(store.getState().session.world.containers.size).toBe(3);
    expect(store.getState().transcript).toHaveLength(3);
  });

  it('knows the world a remembered command started from (the stack stages its changes on it)', () => {
    const store = newStore();
    typed(store, 'docker run -d --name web demo');
    const before = store.getState().session.world;
    typed(store, 'docker rm -f web');
    expect(worldBefore(store.getState(), store.getState().player.steps)).toBe(before);
  });

  it('keeps at most UNDO_LIMIT commands', () => {
    const store = newStore();
    for (let i = 0; i < UNDO_LIMIT + 5; i++) typed(store, 'true');
    expect(store.getState().done).toHaveLength(UNDO_LIMIT);
  });
});
