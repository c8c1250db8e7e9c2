import { describe, expect, it } from 'vitest';
import { realShell } from './real-shell.ts';
import { createAppStore } from './store.ts';

const newStore = () => {
  const store = createAppStore(realShell);
  store.getState().setSpeed(0);
  return store;
};

describe('switching the language', () => {
  it('keeps the session, and tells the lines run after it in the new language', () => {
    const store = newStore();
    store.getState().run('docker run -d --name web demo');
    expect(store.getState().player.steps[0]!.text).toMatch(/^Container web gets an init layer/);

    store.getState().setLanguage('ko');
    const s = store.getState();
    expect(s.transcript.map((e) => e.command)).toEqual(['docker run -d --name web demo']);
    expect([...s.session.world.containers.values()].map((c) => c.name)).toEqual(['web']);

    store.getState().run('docker exec -it web sh');
    store.getState().run('echo hi >> /etc/app/app.conf');
    const texts = store.getState().player.steps.map((st) => st.text);
    expect(texts.some((t) => t.startsWith('복사 후 쓰기(copy-on-write): '))).toBe(true);
  });

  it('tells undo and redo in the language of the moment', () => {
    const store = newStore();
    store.getState().setLanguage('ko');
    store.getState().run('docker run -d --name web demo');
    store.getState().undo();
    expect(store.getState().player.steps[0]!.text).toBe(
      '실행 취소: docker run -d --name web demo — 머신이 이 명령 전의 상태로 돌아갔습니다.',
    );
  });
});
