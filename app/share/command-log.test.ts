import { describe, expect, it } from 'vitest';
import { realShell } from '../store/real-shell.ts';
import { createAppStore } from '../store/store.ts';
import { UNDO_LIMIT } from '../store/undo-slice.ts';
import { CommandLog } from './command-log.ts';

describe('the command log', () => {
  it('follows run, undo and redo as the undo stack does', () => {
    const store = createAppStore(realShell);
    const log = new CommandLog();
    store.subscribe((s) => log.update(s.done));
    const s = () => store.getState();
    s().run('docker run -d --name a demo');
    s().run('docker run -d --name b demo');
    s().undo();
    expect(log.lines()).toEqual(['docker run -d --name a demo']);
    s().redo();
    expect(log.lines()).toEqual(['docker run -d --name a demo', 'docker run -d --name b demo']);
  });

  it('keeps the lines the undo stack forgets past its cap', () => {
    const store = createAppStore(realShell);
    const log = new CommandLog();
    store.subscribe((s) => log.update(s.done));
    const lines = Array.from({ length: UNDO_LIMIT + 5 }, (_, i) => `echo ${i}`);
    for (const line of lines) store.getState().run(line);
    expect(store.getState().done).toHaveLength(UNDO_LIMIT);
    expect(log.lines()).toEqual(lines);
  });
});
