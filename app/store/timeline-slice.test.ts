import { describe, expect, it } from 'vitest';
import { realShell } from './real-shell.ts';
import { selectCurrentStep } from './selectors.ts';
import { createAppStore } from './store.ts';

function demoStore() {
  const store = createAppStore(realShell);
  store.getState().run('docker run -d --name web demo');
  store.getState().run('docker exec -it web sh');
  return store;
}

describe('a typed line', () => {
  it('loads its steps into the player, which starts playing the first', () => {
    const store = demoStore();
    store.getState().run('echo hi >> /etc/app/app.conf');
    const s = store.getState();
    expect(s.player.steps.map((x) => x.kind)).toEqual([
      'copy-up-parents',
      'copy-up-prepare',
      'copy-up-move',
      'write',
    ]);
    expect(s.player.playing).toBe(true);
    expect(selectCurrentStep(s)?.kind).toBe('copy-up-parents');
  });

  it('finishes the animation still playing when the next line is typed, logging its narration', () => {
    const store = demoStore();
    store.getState().run('echo hi >> /etc/app/app.conf');
    store.getState().run('echo again >> /etc/app/app.conf');
    const s = store.getState();
    expect(s.player.log.some((t) => t.startsWith('Copy-up:'))).toBe(true);
    expect(s.player.steps.map((x) => x.kind)).toEqual(['write']);
  });
});

describe('playback actions', () => {
  it('tick advances while playing; step back and forward pause; a stale tick is ignored', () => {
    const store = demoStore();
    store.getState().run('echo hi >> /etc/app/app.conf');
    const first = selectCurrentStep(store.getState());
    store.getState().tick(first);
    expect(store.getState().player.index).toBe(1);
    store.getState().tick(first);
    expect(store.getState().player.index).toBe(1);
    store.getState().stepBack();
    expect(store.getState().player).toMatchObject({ index: 0, playing: false });
    store.getState().stepForward();
    expect(store.getState().player.index).toBe(1);
    store.getState().play();
    expect(store.getState().player.playing).toBe(true);
    store.getState().pause();
    expect(store.getState().player.playing).toBe(false);
    store.getState().setSpeed(0);
    expect(store.getState().player.speed).toBe(0);
  });
});
