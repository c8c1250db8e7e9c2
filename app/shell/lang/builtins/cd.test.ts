import { describe, expect, it } from 'vitest';
import { dir, memoryFs, symlink } from '../../testing/memory-fs.ts';
import { session } from '../test-shell.ts';

const fs = () => memoryFs({ '/root': dir(), '/etc/hosts': '', '/var/log': dir(), '/l': symlink('/var/log') });

describe('cd', () => {
  it('changes directory relative to the current one and updates PWD and OLDPWD', () => {
    const s = session({ fs: fs(), cwd: '/var' });
    s.run('cd log');
    expect(s.state.cwd).toBe('/var/log');
    expect(s.run('echo $PWD $OLDPWD').stdout).toBe('/var/log /var\n');
    expect(s.run('pwd').stdout).toBe('/var/log\n');
  });

  it('goes home without an argument', () => {
    const s = session({ fs: fs(), cwd: '/etc' });
    s.run('cd');
    expect(s.state.cwd).toBe('/root');
  });

  it('goes back with cd - and prints where it went', () => {
    const s = session({ fs: fs() });
    s.run('cd /etc');
    expect(s.run('cd -').stdout).toBe('/\n');
    expect(s.state.cwd).toBe('/');
  });

  it('keeps the symlink in the logical path, and pwd -P resolves it', () => {
    const s = session({ fs: fs() });
    s.run('cd /l');
    expect(s.run('pwd').stdout).toBe('/l\n');
    expect(s.run('pwd -P').stdout).toBe('/var/log\n');
    s.run('cd ..');
    expect(s.state.cwd).toBe('/');
  });

  it('reports errors like bash', () => {
    const s = session({ fs: fs() });
    expect(s.run('cd /x')).toMatchObject({
      stderr: 'bash: cd: /x: No such file or directory\n',
      exitCode: 1,
    });
    expect(s.run('cd /etc/hosts').stderr).toBe('bash: cd: /etc/hosts: Not a directory\n');
    expect(s.run('cd a b').stderr).toBe('bash: cd: too many arguments\n');
    expect(s.run('cd -').stderr).toBe('bash: cd: OLDPWD not set\n');
    expect(s.state.cwd).toBe('/');
  });

  it('reports errors like dash in sh', () => {
    const s = session({ fs: fs(), shell: 'sh' });
    expect(s.run('cd /x')).toMatchObject({ stderr: "sh: 1: cd: can't cd to /x\n", exitCode: 2 });
  });

  it('says HOME not set when there is no HOME', () => {
    expect(session({ fs: fs(), vars: {} }).run('cd').stderr).toBe('bash: cd: HOME not set\n');
  });
});
