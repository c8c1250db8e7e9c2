import { describe, expect, it } from 'vitest';
import { session } from '../test-shell.ts';

describe('export', () => {
  it('lists exported variables sorted, as declare -x lines with escapes', () => {
    const s = session({ vars: { B: '2', A: 'x"y$z\\w`' } });
    s.run('LOCAL=1');
    expect(s.run('export').stdout).toBe('declare -x A="x\\"y\\$z\\\\w\\`"\ndeclare -x B="2"\n');
  });

  it('lists like dash in sh, with single quotes', () => {
    const s = session({ vars: { Q: "it's" }, shell: 'sh' });
    expect(s.run('export -p').stdout).toBe(`export Q='it'"'"'s'\n`);
  });

  it('exports NAME=value and existing NAME', () => {
    const s = session({ vars: {} });
    s.run('A=1; export A B=2');
    expect(s.run('env').stdout).toBe('A=1\nB=2\n');
  });

  it('rejects an invalid name and goes on with the others in bash', () => {
    const s = session({ vars: {} });
    expect(s.run('export 1a=b C=3')).toMatchObject({
      stderr: "bash: export: `1a=b': not a valid identifier\n",
      exitCode: 1,
    });
    expect(s.run('env').stdout).toBe('C=3\n');
  });

  it('rejects an invalid name like dash in sh', () => {
    expect(session({ shell: 'sh' }).run('export 1a=b')).toMatchObject({
      stderr: 'sh: 1: export: 1a: bad variable name\n',
      exitCode: 2,
    });
  });
});

describe('unset', () => {
  it('removes a variable, exported or not', () => {
    const s = session({ vars: { A: '1' } });
    s.run('B=2; unset A B');
    expect(s.run('echo "[$A$B]"; env').stdout).toBe('[]\n');
  });

  it('rejects an unknown option', () => {
    expect(session().run('unset -x A')).toMatchObject({
      stderr: 'bash: unset: -x: invalid option\nunset: usage: unset [-f] [-v] [-n] [name ...]\n',
      exitCode: 2,
    });
  });
});
