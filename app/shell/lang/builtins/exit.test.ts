import { describe, expect, it } from 'vitest';
import { run, session } from '../test-shell.ts';

describe('exit', () => {
  it('says "exit" in bash and leaves with the given code, modulo 256', () => {
    expect(run('exit 3')).toMatchObject({ stderr: 'exit\n', exited: { code: 3 } });
    expect(run('exit 256').exited).toEqual({ code: 0 });
    expect(run('exit -1').exited).toEqual({ code: 255 });
  });

  it('leaves silently in dash', () => {
    expect(run('exit 4', { shell: 'sh' })).toMatchObject({ output: [], exited: { code: 4 } });
  });

  it('uses the last status without an argument', () => {
    expect(run('false; exit').exited).toEqual({ code: 1 });
  });

  it('leaves with 2 on a non-numeric argument in bash, but stays in dash', () => {
    expect(run('exit abc')).toMatchObject({
      stderr: 'exit\nbash: exit: abc: numeric argument required\n',
      exited: { code: 2 },
    });
    expect(run('exit abc', { shell: 'sh' })).toMatchObject({
      stderr: 'sh: 1: exit: Illegal number: abc\n',
      exited: null,
      exitCode: 2,
    });
  });

  it('refuses two arguments in bash and stays', () => {
    const s = session();
    expect(s.run('exit 1 2')).toMatchObject({
      stderr: 'exit\nbash: exit: too many arguments\n',
      exited: null,
      exitCode: 1,
    });
  });
});

describe('true, false and :', () => {
  it('succeed, fail and succeed, ignoring arguments', () => {
    expect(run('true x; echo $?; false x; echo $?; : x; echo $?').stdout).toBe('0\n1\n0\n');
  });
});
