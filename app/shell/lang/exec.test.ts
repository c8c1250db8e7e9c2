import { describe, expect, it } from 'vitest';
import { MAX_COMMANDS_PER_LINE } from './limits.ts';
import { chardev, file, memoryFs } from '../testing/memory-fs.ts';
import { path, run, session } from './test-shell.ts';

describe('and-or lists', () => {
  it('runs the right side of && only after success and of || only after failure', () => {
    expect(
      run('true && echo yes; false && echo no; false || echo rescued; true || echo skipped').stdout,
    ).toBe('yes\nrescued\n');
  });

  it('keeps going through a chain: a skipped command leaves the status as it was', () => {
    expect(run('false && echo x || echo y').stdout).toBe('y\n');
    expect(run('false && echo x; echo $?').stdout).toBe('1\n');
  });

  it('negates a pipeline with !', () => {
    expect(run('! false && echo ok').stdout).toBe('ok\n');
    expect(run('! true; echo $?').stdout).toBe('1\n');
  });
});

describe('$?', () => {
  it('is the status of the last pipeline, carried across lines', () => {
    const s = session();
    s.run('fails');
    expect(s.run('echo $?').stdout).toBe('1\n');
    expect(s.run('echo $?').stdout).toBe('0\n');
  });

  it('is 127 after a missing command and 2 after a syntax error', () => {
    expect(run('nope; echo $?').stdout).toBe('127\n');
    const s = session();
    s.run('echo a ||');
    expect(s.run('echo $?').stdout).toBe('2\n');
  });

  it('is what execLine returns as exitCode', () => {
    expect(run('mixed').exitCode).toBe(3);
  });
});

describe('pipelines', () => {
  it('feeds each command’s stdout to the next one’s stdin', () => {
    expect(run('echo hello | cat | cat').stdout).toBe('hello\n');
  });

  it('takes the status of the last command', () => {
    expect(run('fails | true').exitCode).toBe(0);
    expect(run('true | fails').exitCode).toBe(1);
  });

  it('lets stderr of a piped command reach the terminal', () => {
    const r = run('mixed | cat');
    expect(r.stderr).toBe('err1\n');
    expect(r.stdout).toBe('out1\nout2\n');
  });

  it('pipes stderr too with |&', () => {
    expect(run('mixed |& cat').output).toEqual([{ stream: 'stdout', text: 'out1\nerr1\nout2\n' }]);
  });

  it('runs builtins in a pipeline in a subshell, so cd and exit there change nothing', () => {
    const s = session();
    const r = s.run('cd /tmp | cat; exit 4 | cat; echo still here');
    expect(r.exited).toBeNull();
    expect(r.stdout).toBe('still here\n');
    expect(s.state.cwd).toBe('/');
  });

  it('tells a command whether its stdout is the terminal', () => {
    expect(run('isatty').stdout).toBe('tty\n');
    expect(run('isatty | cat').stdout).toBe('not a tty\n');
    expect(run('isatty > /tmp/o; cat /tmp/o').stdout).toBe('not a tty\n');
  });
});

describe('terminal output', () => {
  it('keeps stdout and stderr interleaved in the order written', () => {
    expect(run('mixed').output).toEqual([
      { stream: 'stdout', text: 'out1\n' },
      { stream: 'stderr', text: 'err1\n' },
      { stream: 'stdout', text: 'out2\n' },
    ]);
  });
});

describe('command lookup', () => {
  it('says "command not found" in bash and "not found" with a line number in dash', () => {
    expect(run('nope').stderr).toBe('bash: nope: command not found\n');
    expect(run('nope', { shell: 'sh' }).stderr).toBe('sh: 1: nope: not found\n');
  });

  it('numbers dash messages by the lines the shell has read', () => {
    const s = session({ shell: 'sh' });
    s.run('true');
    s.run('');
    expect(s.run('nope').stderr).toBe('sh: 3: nope: not found\n');
    s.run('echo a;;');
    expect(s.run('nope').stderr).toBe('sh: 4: nope: not found\n'); // dash does not count a line it rejected
  });

  it('offers only the commands that exist where the shell runs', () => {
    expect(run('docker', { where: 'container' }).exitCode).toBe(127);
    expect(run('docker', { where: 'host' }).exitCode).toBe(0);
  });

  it('runs a command named by path when an executable file is there', () => {
    const fs = memoryFs({ '/bin/cat': file('', 0o755), '/tmp/notes': 'x', '/dev/null': chardev(1, 3) });
    const s = session({ fs });
    expect(s.run('echo hi | /bin/cat').stdout).toBe('hi\n');
    expect(s.run('/usr/bin/cat')).toMatchObject({
      stderr: 'bash: /usr/bin/cat: No such file or directory\n',
      exitCode: 127,
    });
    expect(s.run('/tmp/notes')).toMatchObject({
      stderr: 'bash: /tmp/notes: Permission denied\n',
      exitCode: 126,
    });
    expect(s.run('/tmp')).toMatchObject({ stderr: 'bash: /tmp: Is a directory\n', exitCode: 126 });
  });

  it('runs nothing for a word that expands to nothing, and keeps its redirections', () => {
    const s = session();
    const r = s.run('$EMPTY > /tmp/made');
    expect(r.exitCode).toBe(0);
    expect(s.fs.readFile(path('/tmp/made')).ok).toBe(true);
  });

  it('calls beforeCommand once per simple command with its name', () => {
    const names: string[] = [];
    run('echo a | cat; > /tmp/x; A=1', { beforeCommand: (n) => names.push(n) });
    expect(names).toEqual(['echo', 'cat', '', '']);
  });
});

describe('assignments', () => {
  it('sets a variable that the shell sees but does not export', () => {
    const s = session();
    s.run('A=1');
    expect(s.run('echo $A').stdout).toBe('1\n');
    expect(s.run('env').stdout).not.toContain('A=1');
    s.run('export A');
    expect(s.run('env').stdout).toContain('A=1');
  });

  it('passes a prefix assignment to that command only', () => {
    const s = session();
    expect(s.run('A=x env').stdout).toContain('A=x\n');
    expect(s.run('echo "[$A]"').stdout).toBe('[]\n');
  });

  it('expands the words before the prefix assignment applies', () => {
    expect(run('A=1; A=2 echo $A').stdout).toBe('1\n');
  });

  it('keeps an exported variable exported when it is reassigned', () => {
    const s = session();
    s.run('export A=1; A=2');
    expect(s.run('env').stdout).toContain('A=2');
  });
});

describe('exit', () => {
  it('stops the rest of the line and reports the code', () => {
    const r = run('echo a; exit 3; echo b');
    expect(r.stdout).toBe('a\n');
    expect(r.exited).toEqual({ code: 3 });
    expect(r.exitCode).toBe(3);
  });

  it('stops an && chain too', () => {
    expect(run('true && exit 5 && echo no').exited).toEqual({ code: 5 });
  });
});

describe('robustness', () => {
  it('turns an exception from a command into an internal error and goes on', () => {
    const r = run('boom; echo after');
    expect(r.stderr).toBe('bash: internal error: kaput\n');
    expect(r.stdout).toBe('after\n');
  });

  it('refuses, before running anything, a line with more commands than the limit', () => {
    const s = session();
    const r = s.run('echo x >> /tmp/count;'.repeat(MAX_COMMANDS_PER_LINE + 1));
    expect(r.stderr).toMatch(/runs at most 10000/);
    expect(r.exitCode).toBe(1);
    expect(s.fs.readFile(path('/tmp/count')).ok).toBe(false);
  });

  it('runs a line at the limit', () => {
    const r = run('true;'.repeat(MAX_COMMANDS_PER_LINE));
    expect(r.exitCode).toBe(0);
  });

  it('does not change the caller’s ShellEnv maps', () => {
    const s = session();
    const before = s.state;
    s.run('export X=1; cd /tmp');
    expect(before.env.has('X')).toBe(false);
    expect(before.cwd).toBe('/');
  });
});

describe('syntax errors', () => {
  it('are worded like bash and like dash', () => {
    expect(run('echo a && && b').stderr).toBe("bash: syntax error near unexpected token `&&'\n");
    expect(run('echo a && && b', { shell: 'sh' }).stderr).toBe('sh: 1: Syntax error: "&&" unexpected\n');
    expect(run('echo >').stderr).toBe("bash: syntax error near unexpected token `newline'\n");
    expect(run('echo >', { shell: 'sh' }).stderr).toBe('sh: 1: Syntax error: newline unexpected\n');
    expect(run("echo 'a").stderr).toBe("bash: unexpected EOF while looking for matching `''\n");
    expect(run("echo 'a", { shell: 'sh' }).stderr).toBe('sh: 1: Syntax error: Unterminated quoted string\n');
    expect(run('echo a |').stderr).toBe('bash: syntax error: unexpected end of file\n');
  });

  it('run nothing of the line that holds them', () => {
    expect(run('echo a; echo b )').stdout).toBe('');
  });

  it('still run the other lines of a multi-line paste', () => {
    expect(run('echo one\necho ; ;\necho three').stdout).toBe('one\nthree\n');
  });
});
