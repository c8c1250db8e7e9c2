import { describe, expect, it } from 'vitest';
import type { AbsPath, LayerId } from '../engine/ids.ts';
import { selectPointer, selectSelectedPath } from './selectors.ts';
import { createAppStore } from './store.ts';
import { scriptedShell } from './testing/scripted-shell.ts';

const newStore = () => createAppStore(scriptedShell());

describe('the pointer', () => {
  it('starts empty, with nothing in the inspector', () => {
    const s = newStore().getState();
    expect(selectPointer(s)).toBeNull();
    expect(selectSelectedPath(s)).toBeNull();
  });

  it('holds what a diff line points at until it is cleared', () => {
    const store = newStore();
    store.getState().setPointer({ path: '/etc/app' as AbsPath, layer: 'abc' as LayerId, source: 'diff' });
    expect(selectPointer(store.getState())).toEqual({ path: '/etc/app', layer: 'abc', source: 'diff' });
    store.getState().setPointer(null);
    expect(selectPointer(store.getState())).toBeNull();
  });

  it('does not notify subscribers when the same thing is pointed at again', () => {
    const store = newStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().setPointer({ layer: 'abc' as LayerId, source: 'history' });
    store.getState().setPointer({ layer: 'abc' as LayerId, source: 'history' });
    store.getState().setSelectedPath('/etc' as AbsPath);
    store.getState().setSelectedPath('/etc' as AbsPath);
    expect(calls).toBe(2);
  });
});
