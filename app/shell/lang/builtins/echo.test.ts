import { describe, expect, it } from 'vitest';
import { run } from '../test-shell.ts';

describe('echo in bash', () => {
  it('joins its arguments with spaces and ends with a newline', () => {
    expect(run('echo a  b   c').stdout).toBe('a b c\n');
    expect(run('echo').stdout).toBe('\n');
  });

  it('does not interpret escapes by default', () => {
    expect(run(`echo 'a\\nb'`).stdout).toBe('a\\nb\n');
  });

  it('takes -n, -e, -E alone or combined, and only leading ones', () => {
    expect(run(`echo -n hi`).stdout).toBe('hi');
    expect(run(`echo -ne 'a\\tb\\n'`).stdout).toBe('a\tb\n');
    expect(run(`echo -e -E 'a\\tb'`).stdout).toBe('a\\tb\n');
    expect(run(`echo a -n`).stdout).toBe('a -n\n');
    expect(run(`echo -x -- -n-`).stdout).toBe('-x -- -n-\n');
  });

  it('with -e reads octal only as \\0nnn and stops everything at \\c', () => {
    expect(run(`echo -e '\\0101\\101\\x41'`).stdout).toBe('A\\101A\n');
    expect(run(`echo -e 'a\\cb' c`).stdout).toBe('a');
  });
});

describe('echo in dash', () => {
  it('always interprets escapes, including \\c', () => {
    expect(run(`echo 'a\\nb' '\\101'`, { shell: 'sh' }).stdout).toBe('a\nb A\n');
    expect(run(`echo 'a\\cb'`, { shell: 'sh' }).stdout).toBe('a');
  });

  it('knows only a first -n', () => {
    expect(run('echo -e x', { shell: 'sh' }).stdout).toBe('-e x\n');
    expect(run('echo -n -e x', { shell: 'sh' }).stdout).toBe('-e x');
  });
});
