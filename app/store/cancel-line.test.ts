import { describe, expect, it } from 'vitest';
import { createAppStore } from './store.ts';
import { scriptedShell } from './testing/scripted-shell.ts';

describe('cancelLine (Ctrl+C at the prompt)', () => {
  it('shows the line with ^C after it, with no output, and runs nothing', () => {
    const store = createAppStore(scriptedShell());
    const before = store.getState().session;
    store.getState().cancelLine('docker rm -f web');
    const [entry] = store.getState().transcript;
    expect(entry).toMatchObject({ prompt: '$ ', where: 'host', command: 'docker rm -f web^C', output: [] });
    expect(store.getState().session).toBe(before);
  });

  it('keeps the line out of the history', () => {
    const store = createAppStore(scriptedShell());
    store.getState().run('print 1');
    store.getState().cancelLine('half typed');
    expect(store.getState().history).toEqual(['print 1']);
    expect(store.getState().transcript.map((e) => e.command)).toEqual(['print 1', 'half typed^C']);
  });
});
