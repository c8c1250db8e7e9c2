import { describe, expect, it } from 'vitest';
import { boxWith, P } from '../../engine/testing/builders.ts';
import { MemoryFs, chardev, dir, file, symlink } from '../testing/memory-fs.ts';
import { runCommand } from '../testing/run-command.ts';
import { ls } from './ls.ts';
import { NGINX_ROOT, boxWithRoot, sh } from './read-testing.ts';

const lines = (...rows: string[]): string => rows.map((r) => r + '\n').join('');

describe('ls in a container', () => {
  it('sorts uppercase names first, as the C locale does', () => {
    const box = boxWithRoot(NGINX_ROOT);
    box.run((fs) => fs.writeFile(P('/TEST'), 'Hello World\n', { append: false }));
    const r = sh(box, ls, ['/']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['TEST', 'bin', 'boot', 'dev']);
  });

  it('prints one name per line into a pipe', () => {
    expect(sh(boxWith(), ls, ['/data']).stdout).toBe(lines('a.txt', 'c.txt', 'sub'));
  });

  it("lays the blog's listing out in GNU's columns on a wide terminal", () => {
    const box = boxWithRoot(NGINX_ROOT);
    box.run((fs) => fs.writeFile(P('/TEST'), 'Hello World\n', { append: false }));
    expect(sh(box, ls, [], { tty: true, columns: 120 }).stdout).toBe(
      lines(
        'TEST  boot  docker-entrypoint.d   etc   lib    lib64   media  opt   root  sbin  sys  usr',
        'bin   dev   docker-entrypoint.sh  home  lib32  libx32  mnt    proc  run   srv   tmp  var',
      ),
    );
  });

  it('fits as many columns as leave each line narrower than the terminal', () => {
    const box = boxWithRoot(NGINX_ROOT);
    const wide = lines(
      'bin   dev                  docker-entrypoint.sh  home  lib32  libx32  mnt  proc  run   srv  tmp  var',
      'boot  docker-entrypoint.d  etc                   lib   lib64  media   opt  root  sbin  sys  usr',
    );
    // The two-row layout's first line is 100 characters: it needs a terminal of at least 101.
    expect(sh(box, ls, [], { tty: true, columns: 101 }).stdout).toBe(wide);
    expect(sh(box, ls, [], { tty: true, columns: 100 }).stdout).not.toBe(wide);
    expect(sh(box, ls, [], { tty: true, columns: 80 }).stdout).toBe(
      lines(
        'bin   docker-entrypoint.d   home   lib64   mnt   root  srv  usr',
        'boot  docker-entrypoint.sh  lib    libx32  opt   run   sys  var',
        'dev   etc                   lib32  media   proc  sbin  tmp',
      ),
    );
  });

  it('falls back to a single column when even two do not fit', () => {
    const r = sh(boxWith(), ls, ['/data'], { tty: true, columns: 8 });
    expect(r.stdout).toBe(lines('a.txt', 'c.txt', 'sub'));
  });

  it('shows dotfiles with -a (with . and ..) and -A (without)', () => {
    const box = boxWith();
    expect(sh(box, ls, ['/']).stdout).not.toContain('.dockerenv');
    expect(sh(box, ls, ['-a', '/']).stdout.split('\n').slice(0, 4)).toEqual(['.', '..', '.dockerenv', 'bin']);
    expect(sh(box, ls, ['-A', '/']).stdout.split('\n').slice(0, 2)).toEqual(['.dockerenv', 'bin']);
  });

  it('lists files first, then each directory under a header, with blank lines between', () => {
    const r = sh(boxWith(), ls, ['/opt', '/etc/config', '/data']);
    expect(r.stdout).toBe(lines('/etc/config', '', '/data:', 'a.txt', 'c.txt', 'sub', '', '/opt:', 'app'));
  });

  it('reports a missing operand with exit status 2 and lists the rest', () => {
    const r = sh(boxWith(), ls, ['/x', '/data/sub']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ls: cannot access '/x': No such file or directory\n");
    expect(r.stdout).toBe(lines('/data/sub:', 'b.txt'));
  });

  it('rejects an unknown option with exit status 2', () => {
    const r = sh(boxWith(), ls, ['-Z']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ls: invalid option -- 'Z'\nTry 'ls --help' for more information.\n");
  });

  it('lists a directory itself with -d', () => {
    expect(sh(boxWith(), ls, ['-d', '/data', '/opt']).stdout).toBe(lines('/data', '/opt'));
  });

  it('recurses with -R, headers relative to the operand', () => {
    const box = boxWith();
    expect(sh(box, ls, ['-R'], { cwd: '/data' }).stdout).toBe(
      lines('.:', 'a.txt', 'c.txt', 'sub', '', './sub:', 'b.txt'),
    );
    expect(sh(box, ls, ['-R', '/opt/']).stdout).toBe(lines('/opt/:', 'app', '', '/opt/app:', 'run'));
  });

  it('marks types with -F', () => {
    const r = sh(boxWith(), ls, ['-F', '/', '/etc'], { tty: true, columns: 200 });
    expect(r.stdout).toBe(
      lines(
        '/:',
        'bin/  data/  dev/  etc/  lib/  opt/  proc/  root/  sys/  tmp/',
        '',
        '/etc:',
        'config  hostname  hosts  mtab@  resolv.conf',
      ),
    );
  });

  it('quotes names that need it on a terminal and lines the others up', () => {
    const box = boxWith();
    box.run((fs) => fs.writeFile(P('/tmp/a b'), '', { append: false }));
    box.run((fs) => fs.writeFile(P('/tmp/c'), '', { append: false }));
    expect(sh(box, ls, ['/tmp'], { tty: true }).stdout).toBe(lines("'a b'   c"));
    expect(sh(box, ls, ['/tmp']).stdout).toBe(lines('a b', 'c'));
  });

  it('never copies anything up', () => {
    const box = boxWith();
    sh(box, ls, ['-laR', '/']);
    sh(box, ls, ['-lF', '/etc/mtab', '/data/a.txt']);
    expect(box.upper()).toEqual([]);
  });
});

describe('ls on the host', () => {
  it('sorts case-insensitively, as en_US.UTF-8 does (srv  TEST  tmp)', () => {
    const box = boxWithRoot(NGINX_ROOT);
    box.run((fs) => fs.writeFile(P('/TEST'), 'Hello World\n', { append: false }));
    expect(sh(box, ls, [], { tty: true, columns: 120, where: 'host' }).stdout).toBe(
      lines(
        'bin   dev                  docker-entrypoint.sh  home  lib32  libx32  mnt  proc  run   srv  TEST  usr',
        'boot  docker-entrypoint.d  etc                   lib   lib64  media   opt  root  sbin  sys  tmp   var',
      ),
    );
  });

  it('ignores punctuation when ordering, and puts dotfiles among the others', () => {
    const fs = new MemoryFs();
    for (const n of ['b', '.a', 'A-c', 'ab', 'lib64', 'lib', 'lib32']) fs.seed(`/d/${n}`, '');
    expect(runCommand(ls, fs, ['-A', '/d'], { where: 'host' }).stdout).toBe(
      lines('.a', 'ab', 'A-c', 'b', 'lib', 'lib32', 'lib64'),
    );
    expect(runCommand(ls, fs, ['-A', '/d']).stdout).toBe(
      lines('.a', 'A-c', 'ab', 'b', 'lib', 'lib32', 'lib64'),
    );
  });
});

describe('ls -l', () => {
  it('prints total, modes, links, owners, sizes and dates aligned as GNU does', () => {
    const r = sh(boxWith(), ls, ['-l', '/']);
    expect(r.stdout).toBe(
      lines(
        'total 40',
        'drwxr-xr-x  2 root root 4096 Nov 14 22:13 bin',
        'drwxr-xr-x  3 root root 4096 Nov 14 22:13 data',
        'drwxr-xr-x  5 root root 4096 Jan 22 11:00 dev',
        'drwxr-xr-x  2 root root 4096 Jan 22 11:00 etc',
        'drwxr-xr-x  2 root root 4096 Nov 14 22:13 lib',
        'drwxr-xr-x  3 root root 4096 Nov 14 22:13 opt',
        'drwxr-xr-x  3 root root 4096 Jan 22 11:00 proc',
        'drwx------  2 root root 4096 Nov 14 22:13 root',
        'drwxr-xr-x 12 root root 4096 Jan 22 11:00 sys',
        'drwxrwxrwt  2 root root 4096 Nov 14 22:13 tmp',
      ),
    );
  });

  it('shows a symlink and its target, not what it points to', () => {
    expect(sh(boxWith(), ls, ['-l', '/etc/mtab']).stdout).toBe(
      lines('lrwxrwxrwx 1 root root 12 Jan 22 11:00 /etc/mtab -> /proc/mounts'),
    );
  });

  it("shows a device's major and minor numbers in the size column", () => {
    const fs = new MemoryFs()
      .seed('/dev/null', chardev(1, 3))
      .seed('/dev/tty', chardev(5, 0))
      .seed('/dev/log', file('x'.repeat(12345)));
    expect(runCommand(ls, fs, ['-l', '/dev']).stdout).toBe(
      lines(
        'total 16',
        '-rw-r--r-- 1 root root 12345 Nov 14 22:13 log',
        'crw-rw-rw- 1 root root  1, 3 Nov 14 22:13 null',
        'crw-rw-rw- 1 root root  5, 0 Nov 14 22:13 tty',
      ),
    );
  });

  it('shows the year instead of the time for files older than six months', () => {
    const box = boxWith();
    box.run((fs) => {
      fs.writeFile(P('/tmp/old'), 'x', { append: false });
      fs.utimes(P('/tmp/old'), 1600000000);
    });
    expect(sh(box, ls, ['-l', '/tmp/old']).stdout).toBe(
      lines('-rw-r--r-- 1 root root 1 Sep 13  2020 /tmp/old'),
    );
  });

  it('shows setuid, setgid and sticky bits as s, S, t and T', () => {
    const fs = new MemoryFs()
      .seed('/x/a', file('', 0o4755))
      .seed('/x/b', file('', 0o2644))
      .seed('/x/c', dir(0o1777))
      .seed('/x/d', dir(0o1770))
      .seed('/x/e', symlink('a'));
    const r = runCommand(ls, fs, ['-l', '/x']).stdout.split('\n');
    expect(r.slice(1, 6).map((l) => l.split(' ')[0])).toEqual([
      '-rwsr-xr-x',
      '-rw-r-Sr--',
      'drwxrwxrwt',
      'drwxrwx--T',
      'lrwxrwxrwx',
    ]);
  });

  it('prints sizes like 4.0K with -h', () => {
    const fs = new MemoryFs().seed('/h/big', file('x'.repeat(1536))).seed('/h/small', 'abc');
    expect(runCommand(ls, fs, ['-lh', '/h']).stdout).toBe(
      lines(
        'total 8.0K',
        '-rw-r--r-- 1 root root 1.5K Nov 14 22:13 big',
        '-rw-r--r-- 1 root root    3 Nov 14 22:13 small',
      ),
    );
  });
});

describe('ls on a huge directory', () => {
  it('lists 100k entries in columns without quadratic work', () => {
    const fs = new MemoryFs();
    for (let i = 0; i < 100_000; i++) fs.seed(`/big/f${(i * 7919) % 100_000}`, '');
    const t0 = Date.now();
    const r = runCommand(ls, fs, ['/big'], { tty: true, columns: 80 });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('f0 ')).toBe(true);
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 60_000);
});
