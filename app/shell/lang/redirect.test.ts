import { describe, expect, it } from 'vitest';
import type { WriteOptions } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { chardev, dir, memoryFs } from '../testing/memory-fs.ts';
import { path, session } from './test-shell.ts';

/** A session whose Fs remembers every writeFile call. */
function recorded(seed: Parameters<typeof memoryFs>[0] = {}) {
  const fs = memoryFs({ '/tmp': dir(), '/dev/null': chardev(1, 3), '/root': dir(), ...seed });
  const writes: string[] = [];
  const original = fs.writeFile.bind(fs);
  fs.writeFile = (p: AbsPath, data: string, o: WriteOptions) => {
    writes.push(`${p} ${JSON.stringify(data)} ${o.append ? 'append' : 'trunc'}`);
    return original(p, data, o);
  };
  const s = session({ fs, cwd: '/tmp' });
  const read = (p: string): string | null => {
    const r = fs.readFile(path(p));
    return r.ok ? r.value : null;
  };
  return { ...s, writes, read };
}

describe('output redirection', () => {
  it('> creates or truncates the file before the command runs, then writes its output in one call', () => {
    const s = recorded({ '/tmp/f': 'old\n' });
    s.run('echo new > f');
    expect(s.writes).toEqual(['/tmp/f "" trunc', '/tmp/f "new\\n" trunc']);
    expect(s.read('/tmp/f')).toBe('new\n');
  });

  it('creates the target even when the command fails or writes nothing', () => {
    const s = recorded();
    s.run('fails > out1; true > out2; nope > out3');
    expect([s.read('/tmp/out1'), s.read('/tmp/out2'), s.read('/tmp/out3')]).toEqual(['', '', '']);
  });

  it('truncates before the command reads, as `cat f > f` shows', () => {
    const s = recorded({ '/tmp/f': 'data\n' });
    s.run('cat f > f');
    expect(s.read('/tmp/f')).toBe('');
  });

  it('>> appends, and opens the file even when nothing is written (: >> f copies up)', () => {
    const s = recorded({ '/tmp/f': 'a\n' });
    s.run('echo b >> f');
    s.run(': >> f');
    expect(s.read('/tmp/f')).toBe('a\nb\n');
    expect(s.writes).toEqual(['/tmp/f "" append', '/tmp/f "b\\n" append', '/tmp/f "" append']);
  });

  it('creates new files with mode 0666 minus the umask', () => {
    const s = recorded();
    s.run('echo > f');
    const st = s.fs.stat(path('/tmp/f'));
    expect(st.ok && st.value.mode).toBe(0o644);
  });

  it('sends 2> to a file and leaves stdout on the terminal', () => {
    const s = recorded();
    const r = s.run('mixed 2> err');
    expect(r.output).toEqual([{ stream: 'stdout', text: 'out1\nout2\n' }]);
    expect(s.read('/tmp/err')).toBe('err1\n');
  });

  it('interleaves both streams in one file with > f 2>&1 and with &>', () => {
    const s = recorded();
    s.run('mixed > a 2>&1; mixed &> b');
    expect(s.read('/tmp/a')).toBe('out1\nerr1\nout2\n');
    expect(s.read('/tmp/b')).toBe('out1\nerr1\nout2\n');
  });

  it('applies redirections left to right: 2>&1 > f keeps stderr on the terminal', () => {
    const s = recorded();
    const r = s.run('mixed 2>&1 > f');
    expect(r.output).toEqual([{ stream: 'stdout', text: 'err1\n' }]);
    expect(s.read('/tmp/f')).toBe('out1\nout2\n');
  });

  it('writes >&2 to the terminal’s stderr', () => {
    const s = recorded();
    expect(s.run('echo oops >&2').output).toEqual([{ stream: 'stderr', text: 'oops\n' }]);
  });

  it('discards writes to /dev/null without touching the filesystem', () => {
    const s = recorded();
    const r = s.run('mixed > /dev/null 2>/dev/null; echo x >> /dev/null');
    expect(r.output).toEqual([]);
    expect(s.writes).toEqual([]);
  });

  it('silences "command not found" with 2>/dev/null, since the message goes through the redirection', () => {
    expect(recorded().run('nope 2>/dev/null').output).toEqual([]);
  });
});

describe('input redirection', () => {
  it('< feeds a file to stdin', () => {
    const s = recorded({ '/tmp/in': 'hello\n' });
    expect(s.run('cat < in').stdout).toBe('hello\n');
  });

  it('< /dev/null is empty', () => {
    expect(recorded().run('cat < /dev/null').stdout).toBe('');
  });
});

describe('redirection errors', () => {
  it('reports them like bash, does not run the command and returns 1', () => {
    const s = recorded({ '/tmp/file': '' });
    expect(s.run('echo hi > /nope/x')).toMatchObject({
      stderr: 'bash: /nope/x: No such file or directory\n',
      stdout: '',
      exitCode: 1,
    });
    expect(s.run('echo hi > file/x').stderr).toBe('bash: file/x: Not a directory\n');
    expect(s.run('echo hi > /tmp').stderr).toBe('bash: /tmp: Is a directory\n');
    expect(s.run('cat < /nope').stderr).toBe('bash: /nope: No such file or directory\n');
    expect(s.run('echo > ""').stderr).toBe('bash: : No such file or directory\n');
  });

  it('reports them like dash in sh', () => {
    const s = session({ shell: 'sh' });
    expect(s.run('echo hi > /nope/x').stderr).toBe('sh: 1: cannot create /nope/x: Directory nonexistent\n');
    expect(s.run('cat < /nope').stderr).toBe('sh: 2: cannot open /nope: No such file\n');
  });

  it('calls a target that expands to several words or none ambiguous', () => {
    const s = recorded();
    expect(s.run('echo > $NOPE').stderr).toBe('bash: $NOPE: ambiguous redirect\n');
    expect(s.run('X="a b"; echo > $X').stderr).toBe('bash: $X: ambiguous redirect\n');
  });

  it('does not split the target in dash', () => {
    const s = session({ shell: 'sh', cwd: '/tmp' });
    s.run('X="a b"; echo hi > $X');
    expect(s.fs.readFile(path('/tmp/a b')).ok).toBe(true);
  });

  it('rejects duplicating a descriptor that is not open', () => {
    expect(recorded().run('echo >&7').stderr).toBe('bash: 7: Bad file descriptor\n');
  });

  it('still creates files opened before the failing redirection', () => {
    const s = recorded();
    s.run('echo > first > /nope/x');
    expect(s.read('/tmp/first')).toBe('');
  });

  it('goes on with the rest of the line, as bash does', () => {
    expect(recorded().run('echo > /nope/x; echo next').stdout).toBe('next\n');
  });
});
