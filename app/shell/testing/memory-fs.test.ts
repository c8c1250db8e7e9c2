import { describe, expect, it } from 'vitest';
import type { AbsPath } from '../../engine/ids.ts';
import { chardev, dir, file, memoryFs, symlink } from './memory-fs.ts';

const p = (s: string) => s as AbsPath;

describe('memory fs: reading', () => {
  const fs = () =>
    memoryFs({
      '/etc/hosts': 'h\n',
      '/etc/link': symlink('hosts'),
      '/abs': symlink('/etc'),
      '/up': symlink('../etc/hosts'),
      '/dangling': symlink('/nowhere'),
      '/loop1': symlink('/loop2'),
      '/loop2': symlink('/loop1'),
      '/var': dir(0o700),
    });

  it('follows symlinks for stat and readFile, not for lstat', () => {
    const f = fs();
    expect(f.readFile(p('/etc/link'))).toEqual({ ok: true, value: 'h\n' });
    expect(f.readFile(p('/abs/hosts'))).toEqual({ ok: true, value: 'h\n' });
    expect(f.readFile(p('/up'))).toEqual({ ok: true, value: 'h\n' });
    const st = f.lstat(p('/etc/link'));
    expect(st.ok && st.value).toMatchObject({ kind: 'symlink', target: 'hosts', size: 5 });
  });

  it('gives ELOOP after 40 links and ENOENT for a dangling one', () => {
    const f = fs();
    expect(f.stat(p('/loop1'))).toEqual({ ok: false, errno: 'ELOOP' });
    expect(f.stat(p('/dangling'))).toEqual({ ok: false, errno: 'ENOENT' });
    expect(f.lstat(p('/dangling')).ok).toBe(true);
  });

  it('reports ENOTDIR through a file and ENOENT through a missing dir', () => {
    const f = fs();
    expect(f.stat(p('/etc/hosts/x'))).toEqual({ ok: false, errno: 'ENOTDIR' });
    expect(f.stat(p('/nope/x'))).toEqual({ ok: false, errno: 'ENOENT' });
  });

  it('lists a directory in byte order', () => {
    const f = memoryFs({ '/d/b': '', '/d/B': '', '/d/a': '', '/d/_': '' });
    const r = f.readdir(p('/d'));
    expect(r.ok && r.value.map((e) => e.name)).toEqual(['B', '_', 'a', 'b']);
  });

  it('resolves realpath through links', () => {
    expect(fs().realpath(p('/abs/link'))).toEqual({ ok: true, value: '/etc/hosts' });
    expect(fs().realpath(p('/up'))).toEqual({ ok: true, value: '/etc/hosts' });
  });
});

describe('memory fs: writing', () => {
  it('creates files with 0666 & ~umask and dirs with 0777 & ~umask, stamping the clock', () => {
    let now = 1800000000;
    const f = memoryFs({}, { clock: () => now });
    f.writeFile(p('/f'), 'x', { append: false });
    now++;
    f.mkdir(p('/d'));
    expect(f.stat(p('/f'))).toMatchObject({ value: { mode: 0o644, mtime: 1800000000, size: 1 } });
    expect(f.stat(p('/d'))).toMatchObject({ value: { mode: 0o755, mtime: 1800000001 } });
    expect(f.stat(p('/'))).toMatchObject({ value: { mtime: 1800000001, nlink: 3 } });
  });

  it('appends, and appending nothing leaves the mtime', () => {
    let now = 1;
    const f = memoryFs({ '/f': 'a' }, { clock: () => now });
    now = 5;
    f.writeFile(p('/f'), '', { append: true });
    expect(f.stat(p('/f'))).toMatchObject({ value: { mtime: 1700000000 } });
    f.writeFile(p('/f'), 'b', { append: true });
    expect(f.readFile(p('/f'))).toEqual({ ok: true, value: 'ab' });
    expect(f.stat(p('/f'))).toMatchObject({ value: { mtime: 5 } });
  });

  it('creates the target of a dangling symlink, unless exclusive', () => {
    const f = memoryFs({ '/l': symlink('/t') });
    expect(f.writeFile(p('/l'), 'x', { append: false, exclusive: true })).toEqual({
      ok: false,
      errno: 'EEXIST',
    });
    f.writeFile(p('/l'), 'x', { append: false });
    expect(f.readFile(p('/t'))).toEqual({ ok: true, value: 'x' });
  });

  it('refuses to write a directory and discards writes to a device', () => {
    const f = memoryFs({ '/d': dir(), '/dev/null': chardev(1, 3) });
    expect(f.writeFile(p('/d'), 'x', { append: false })).toEqual({ ok: false, errno: 'EISDIR' });
    expect(f.writeFile(p('/dev/null'), 'x', { append: false }).ok).toBe(true);
    expect(f.readFile(p('/dev/null'))).toEqual({ ok: true, value: '' });
  });

  it('unlinks files, not dirs, and rmdirs only empty dirs', () => {
    const f = memoryFs({ '/d/f': '', '/e': dir() });
    expect(f.unlink(p('/d'))).toEqual({ ok: false, errno: 'EISDIR' });
    expect(f.rmdir(p('/d'))).toEqual({ ok: false, errno: 'ENOTEMPTY' });
    expect(f.rmdir(p('/d/f'))).toEqual({ ok: false, errno: 'ENOTDIR' });
    expect(f.unlink(p('/d/f')).ok).toBe(true);
    expect(f.rmdir(p('/d')).ok).toBe(true);
    expect(f.rmdir(p('/'))).toEqual({ ok: false, errno: 'EBUSY' });
    expect(f.dump()).toEqual(['/e/']);
  });

  it('renames with the kernel’s checks', () => {
    const f = memoryFs({ '/a/x': '1', '/b': dir(), '/c/y': '', '/f': 'f' });
    expect(f.rename(p('/a'), p('/a/sub'))).toEqual({ ok: false, errno: 'EINVAL' });
    expect(f.rename(p('/a'), p('/c'))).toEqual({ ok: false, errno: 'ENOTEMPTY' });
    expect(f.rename(p('/a'), p('/f'))).toEqual({ ok: false, errno: 'ENOTDIR' });
    expect(f.rename(p('/f'), p('/b'))).toEqual({ ok: false, errno: 'EISDIR' });
    expect(f.rename(p('/a'), p('/b')).ok).toBe(true);
    expect(f.rename(p('/f'), p('/b/x')).ok).toBe(true);
    expect(f.dump()).toEqual(['/b/', '/b/x', '/c/', '/c/y']);
  });

  it('hard-links files, sharing content and counting links', () => {
    const f = memoryFs({ '/a': 'x', '/d': dir() });
    expect(f.link(p('/d'), p('/e'))).toEqual({ ok: false, errno: 'EPERM' });
    f.link(p('/a'), p('/b'));
    f.writeFile(p('/b'), 'y', { append: true });
    expect(f.readFile(p('/a'))).toEqual({ ok: true, value: 'xy' });
    expect(f.stat(p('/a'))).toMatchObject({ value: { nlink: 2 } });
  });

  it('changes metadata through symlinks and keeps the mtime on chmod', () => {
    const f = memoryFs({ '/f': file('x', 0o600), '/l': symlink('/f') });
    f.chmod(p('/l'), 0o4755);
    f.chown(p('/l'), 1, 2);
    expect(f.stat(p('/f'))).toMatchObject({ value: { mode: 0o4755, uid: 1, gid: 2, mtime: 1700000000 } });
    f.utimes(p('/f'), 42);
    expect(f.stat(p('/f'))).toMatchObject({ value: { mtime: 42 } });
    f.truncate(p('/f'), 3);
    expect(f.readFile(p('/f'))).toEqual({ ok: true, value: 'x\0\0' });
  });

  it('records what it did as engine events', () => {
    const f = memoryFs();
    f.mkdir(p('/d'));
    f.writeFile(p('/d/f'), 'abc', { append: false });
    f.unlink(p('/d/f'));
    expect(f.events().map((e) => e.type)).toEqual(['create', 'create', 'write', 'remove']);
  });

  it('refuses names longer than NAME_MAX', () => {
    expect(memoryFs().writeFile(p('/' + 'n'.repeat(256)), '', { append: false })).toEqual({
      ok: false,
      errno: 'ENAMETOOLONG',
    });
  });
});
