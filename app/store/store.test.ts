import { describe, expect, it } from 'vitest';
import { selectCurrentFrame, selectFocusContainer } from './selectors.ts';
import { createAppStore } from './store.ts';
import { scriptedShell } from './testing/scripted-shell.ts';
import { MAX_COMMAND_CHARS, MAX_ENTRIES, MAX_OUTPUT_CHARS } from './transcript.ts';

const newStore = () => createAppStore(scriptedShell());

describe('a new store', () => {
  it('starts on the host prompt with an empty transcript and history', () => {
    const s = newStore().getState();
    expect(s.prompt).toBe('$ ');
    expect(s.transcript).toEqual([]);
    expect(s.history).toEqual([]);
    expect(s.focusContainerId).toBeNull();
    expect(selectCurrentFrame(s)?.where).toBe('host');
  });
});

describe('run', () => {
  it('appends the prompt it was typed at, the command, its output and exit code', () => {
    const store = newStore();
    store.getState().run('dokcer ps');
    const [entry] = store.getState().transcript;
    expect(entry).toMatchObject({
      prompt: '$ ',
      where: 'host',
      command: 'dokcer ps',
      output: [{ stream: 'stderr', text: 'bash: dokcer: command not found\n' }],
      exitCode: 127,
      commandOmitted: 0,
      outputOmitted: 0,
    });
  });

  it('gives every entry a new id', () => {
    const store = newStore();
    store.getState().run('print 1');
    store.getState().run('print 1');
    const [a, b] = store.getState().transcript;
    expect(a!.id).not.toBe(b!.id);
  });

  it('merges adjacent chunks of one stream and keeps stderr apart', () => {
    const store = newStore();
    store.getState().run('mixed');
    expect(store.getState().transcript[0]!.output).toEqual([
      { stream: 'stdout', text: 'ab' },
      { stream: 'stderr', text: 'c\n' },
    ]);
  });

  it('moves the prompt into a container shell and back out on exit', () => {
    const store = newStore();
    store.getState().run('create web');
    store.getState().run('enter web');
    expect(store.getState().prompt).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    store.getState().run('exit');
    expect(store.getState().prompt).toBe('$ ');
    expect(store.getState().transcript.map((e) => e.where)).toEqual(['host', 'host', 'container']);
    expect(store.getState().transcript.map((e) => e.prompt)).toEqual([
      '$ ',
      '$ ',
      expect.stringMatching(/^root@/),
    ]);
  });

  it('keeps the session going when the shell throws, with a message on stderr', () => {
    const store = newStore();
    store.getState().run('create web');
    const before = store.getState().session;
    store.getState().run('throw');
    const s = store.getState();
    expect(s.session).toBe(before);
    expect(s.transcript[1]!.output).toEqual([{ stream: 'stderr', text: 'layerlab: internal error: boom\n' }]);
    expect(s.transcript[1]!.exitCode).not.toBe(0);
    s.run('print 2');
    expect(store.getState().transcript[2]!.output).toEqual([{ stream: 'stdout', text: 'xx' }]);
  });
});

describe('a huge output', () => {
  it('is cut to the output cap with the number of characters left out', () => {
    const store = newStore();
    store.getState().run(`print ${MAX_OUTPUT_CHARS + 1234}`);
    const [entry] = store.getState().transcript;
    expect(entry!.output[0]!.text).toHaveLength(MAX_OUTPUT_CHARS);
    expect(entry!.outputOmitted).toBe(1234);
  });
});

describe('a huge pasted line', () => {
  it('is cut in the transcript but kept whole in the history', () => {
    const store = newStore();
    const line = `nosuch ${'a'.repeat(200_000)}`;
    store.getState().run(line);
    const s = store.getState();
    expect(s.transcript[0]!.command).toHaveLength(MAX_COMMAND_CHARS);
    expect(s.transcript[0]!.commandOmitted).toBe(line.length - MAX_COMMAND_CHARS);
    expect(s.history).toEqual([line]);
  });
});

describe('the transcript', () => {
  it(`keeps only the last ${MAX_ENTRIES} entries`, () => {
    const store = newStore();
    for (let i = 0; i < MAX_ENTRIES + 5; i++) store.getState().run(`print ${i % 3}`);
    const t = store.getState().transcript;
    expect(t).toHaveLength(MAX_ENTRIES);
    expect(t[0]!.id).toBe(6);
  });

  it('drops the oldest entries when their output passes the size budget, never the newest', () => {
    const store = newStore();
    for (let i = 0; i < 8; i++) store.getState().run(`print ${MAX_OUTPUT_CHARS}`);
    const t = store.getState().transcript;
    expect(t.length).toBeLessThan(8);
    expect(t[t.length - 1]!.id).toBe(8);
  });

  it('is emptied by clearTranscript, which keeps the machine and the history', () => {
    const store = newStore();
    store.getState().run('create web');
    const session = store.getState().session;
    store.getState().clearTranscript();
    expect(store.getState().transcript).toEqual([]);
    expect(store.getState().session).toBe(session);
    expect(store.getState().history).toEqual(['create web']);
  });
});

describe('the history', () => {
  it('records typed lines oldest first, without blank lines or an immediate repeat', () => {
    const store = newStore();
    for (const line of ['print 1', '', '   ', 'print 1', 'mixed', 'print 1']) store.getState().run(line);
    expect(store.getState().history).toEqual(['print 1', 'mixed', 'print 1']);
  });
});

describe('the focus container', () => {
  it('follows the container a command created, and the one whose shell is open', () => {
    const store = newStore();
    store.getState().run('create a');
    store.getState().run('create b');
    expect(selectFocusContainer(store.getState())?.name).toBe('b');
    store.getState().run('enter a');
    expect(selectFocusContainer(store.getState())?.name).toBe('a');
    store.getState().run('exit');
    store.getState().run('print 1');
    expect(selectFocusContainer(store.getState())?.name).toBe('a');
  });
});

describe('settings', () => {
  it('start light in English and toggle the theme', () => {
    const store = newStore();
    expect(store.getState().theme).toBe('light');
    expect(store.getState().language).toBe('en');
    store.getState().toggleTheme();
    expect(store.getState().theme).toBe('dark');
    store.getState().setTheme('light');
    expect(store.getState().theme).toBe('light');
  });
});
