import { describe, expect, it, vi } from 'vitest';
import type { KeyValue } from './saved.ts';
import { CORRUPT_KEY, debounce, keepPrevious, loadSaved, PREVIOUS_KEY, SAVED_KEY, save } from './saved.ts';

const memory = (init: Record<string, string> = {}): KeyValue & { map: Map<string, string> } => {
  const map = new Map(Object.entries(init));
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
};

describe('the saved session', () => {
  it('saves with a format version and loads back', () => {
    const store = memory();
    save(store, { commands: ['docker ps'], lesson: 'tour', step: 1 });
    expect(JSON.parse(store.map.get(SAVED_KEY)!)).toEqual({ v: 1, c: ['docker ps'], l: 'tour', s: 1 });
    expect(loadSaved(store)).toEqual({
      kind: 'ok',
      data: { commands: ['docker ps'], lesson: 'tour', step: 1 },
    });
  });

  it('pins version 1 of the saved format', () => {
    const store = memory({ [SAVED_KEY]: '{"v":1,"c":["docker run -d --name web demo","docker ps"]}' });
    expect(loadSaved(store)).toEqual({
      kind: 'ok',
      data: { commands: ['docker run -d --name web demo', 'docker ps'] },
    });
  });

  it('is none when nothing was saved', () => {
    expect(loadSaved(memory())).toEqual({ kind: 'none' });
  });

  it.each([
    ['not JSON', '{"v":1,"c":["ls"'],
    ['an unknown version', '{"v":7,"c":[]}'],
    ['the wrong shape', '{"v":1,"c":"ls"}'],
  ])('when corrupted (%s) is reported and moved aside, not destroyed', (_what, raw) => {
    const store = memory({ [SAVED_KEY]: raw });
    expect(loadSaved(store)).toMatchObject({ kind: 'corrupt' });
    expect(store.map.get(CORRUPT_KEY)).toBe(raw);
    expect(store.map.has(SAVED_KEY)).toBe(false);
  });

  it('is kept under another key before a link or a file replaces it', () => {
    const store = memory({ [SAVED_KEY]: '{"v":1,"c":["ls"]}' });
    keepPrevious(store);
    expect(store.map.get(PREVIOUS_KEY)).toBe('{"v":1,"c":["ls"]}');
  });

  it('survives a browser that refuses storage', () => {
    const refusing: KeyValue = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(loadSaved(refusing)).toEqual({ kind: 'none' });
    expect(save(refusing, { commands: [] })).toBe(false);
  });
});

describe('debounce', () => {
  it('runs once after a burst, and at once on flush', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d();
    d();
    d();
    vi.advanceTimersByTime(99);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    d();
    d.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});
