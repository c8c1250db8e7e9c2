import { describe, expect, it } from 'vitest';
import { boxWith, P } from '../../engine/testing/builders.ts';
import { MemoryFs } from '../testing/memory-fs.ts';
import { runCommand } from '../testing/run-command.ts';
import { find } from './find.ts';
import { sh } from './read-testing.ts';

const out = (...rows: string[]): string => rows.map((r) => r + '\n').join('');

describe('find', () => {
  it('walks from . in pre-order, children in byte order', () => {
    expect(sh(boxWith(), find, [], { cwd: '/data' }).stdout).toBe(
      out('.', './a.txt', './c.txt', './sub', './sub/b.txt'),
    );
  });

  it('prints paths as the starting point was typed', () => {
    const box = boxWith();
    expect(sh(box, find, ['/opt/', 'sub'], { cwd: '/data' }).stdout).toBe(
      out('/opt/', '/opt/app', '/opt/app/run', 'sub', 'sub/b.txt'),
    );
  });

  it('matches -name and -iname on the last component, -path on the whole path', () => {
    const box = boxWith();
    box.run((fs) => fs.writeFile(P('/data/Upper.TXT'), '', { append: false }));
    expect(sh(box, find, ['/', '-name', '*.txt']).stdout).toBe(
      out('/data/a.txt', '/data/c.txt', '/data/sub/b.txt'),
    );
    expect(sh(box, find, ['/data', '-iname', '*.txt', '-name', 'U*']).stdout).toBe(out('/data/Upper.TXT'));
    expect(sh(box, find, ['/', '-path', '/data/*/b*']).stdout).toBe(out('/data/sub/b.txt'));
  });

  it('filters by type without following symlinks', () => {
    const box = boxWith();
    expect(sh(box, find, ['/etc', '-type', 'l']).stdout).toBe(out('/etc/mtab'));
    expect(sh(box, find, ['/dev', '-maxdepth', '1', '-type', 'c']).stdout).toBe(
      out('/dev/console', '/dev/full', '/dev/null', '/dev/random', '/dev/tty', '/dev/urandom', '/dev/zero'),
    );
    expect(sh(box, find, ['/data', '-type', 'f,d', '-name', 's*']).stdout).toBe(out('/data/sub'));
  });

  it('limits depth with -maxdepth and -mindepth', () => {
    const box = boxWith();
    expect(sh(box, find, ['/data', '-maxdepth', '1']).stdout).toBe(
      out('/data', '/data/a.txt', '/data/c.txt', '/data/sub'),
    );
    expect(sh(box, find, ['/data', '-mindepth', '2']).stdout).toBe(out('/data/sub/b.txt'));
    expect(sh(box, find, ['/data', '-maxdepth', '0']).stdout).toBe(out('/data'));
  });

  it('negates with ! and -not, joins with implicit -a, -o and parentheses', () => {
    const box = boxWith();
    expect(sh(box, find, ['/data', '!', '-name', '*.txt']).stdout).toBe(out('/data', '/data/sub'));
    expect(sh(box, find, ['/data', '-not', '-type', 'd', '-name', 'c*']).stdout).toBe(out('/data/c.txt'));
    expect(sh(box, find, ['/data', '/opt', '-name', 'a.txt', '-o', '-name', 'run']).stdout).toBe(
      out('/data/a.txt', '/opt/app/run'),
    );
    expect(sh(box, find, ['/data', '(', '-name', 'a*', '-o', '-name', 'b*', ')', '-type', 'f']).stdout).toBe(
      out('/data/a.txt', '/data/sub/b.txt'),
    );
  });

  it('finds empty files and directories', () => {
    expect(sh(boxWith(), find, ['/', '-path', '/sys', '-prune', '-o', '-empty', '-print']).stdout).toBe(
      out('/.dockerenv', '/dev/mqueue', '/dev/pts', '/dev/shm', '/proc/1/cmdline', '/root', '/tmp'),
    );
  });

  it('formats with -printf: %p %P %f %y %s %m %h', () => {
    const r = sh(boxWith(), find, ['/data', '-printf', '%p|%P|%f|%y|%s|%m|%h\\n']);
    expect(r.stdout).toBe(
      out(
        '/data||data|d|4096|755|',
        '/data/a.txt|a.txt|a.txt|f|2|644|/data',
        '/data/c.txt|c.txt|c.txt|f|2|644|/data',
        '/data/sub|sub|sub|d|4096|755|/data',
        '/data/sub/b.txt|sub/b.txt|b.txt|f|2|644|/data/sub',
      ),
    );
    expect(
      sh(boxWith(), find, ['.', '-maxdepth', '0', '-printf', '%h %-4f|%5s|\\n'], { cwd: '/tmp' }).stdout,
    ).toBe('. .   | 4096|\n');
  });

  it('reports a missing starting point, goes on, and exits 1', () => {
    const r = sh(boxWith(), find, ['/x', '/opt']);
    expect(r.code).toBe(1);
    expect(r.output).toBe("find: '/x': No such file or directory\n/opt\n/opt/app\n/opt/app/run\n");
  });

  it('quotes with the locale: curly quotes on the host', () => {
    expect(sh(boxWith(), find, ['/x'], { where: 'host' }).stderr).toBe(
      'find: \u2018/x\u2019: No such file or directory\n',
    );
  });

  it.each([
    [['-foo'], "find: unknown predicate `-foo'\n"],
    [['-name'], "find: missing argument to `-name'\n"],
    [['-type', 'q'], 'find: Unknown argument to -type: q\n'],
    [['-maxdepth', 'x'], "find: Expected a positive decimal integer argument to -maxdepth, but got 'x'\n"],
    [['-name', 'a', 'b'], "find: paths must precede expression: `b'\n"],
    [
      ['-name', 'a', '/etc'],
      "find: paths must precede expression: `/etc'\nfind: possible unquoted pattern after predicate `-name'?\n",
    ],
    [
      ['(', '-name', 'a'],
      "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n",
    ],
    [['(', ')'], 'find: invalid expression; empty parentheses are not allowed.\n'],
    [['-name', 'x', ')'], "find: invalid expression; you have too many ')'\n"],
    [['-o'], "find: invalid expression; you have used a binary operator '-o' with nothing before it.\n"],
    [
      ['-name', 'x', '-o'],
      "find: invalid expression; you have used a binary operator '-o' with nothing after it.\n",
    ],
    [['!'], "find: expected an expression after '!'\n"],
    [['-newer', '/nope'], "find: '/nope': No such file or directory\n"],
  ])('fails before it starts on %j', (args, stderr) => {
    expect(sh(boxWith(), find, ['/data', ...args])).toMatchObject({ code: 1, stdout: '', stderr });
  });

  it('warns about a global option after a test, as GNU find does', () => {
    const r = sh(boxWith(), find, ['/data', '-name', 'sub', '-maxdepth', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(out('/data/sub'));
    expect(r.stderr).toBe(
      'find: warning: you have specified the global option -maxdepth after the argument -name, but global options are not positional, i.e., -maxdepth affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n',
    );
  });

  it('prunes, quits, prints NUL-terminated names and lists contents first with -depth', () => {
    const box = boxWith();
    expect(sh(box, find, ['/', '-name', 'proc', '-prune', '-o', '-name', '1', '-print']).stdout).toBe('');
    expect(sh(box, find, ['/data', '-name', '*.txt', '-print', '-quit']).stdout).toBe(out('/data/a.txt'));
    expect(sh(box, find, ['/opt', '-print0']).stdout).toBe('/opt\0/opt/app\0/opt/app/run\0');
    expect(sh(box, find, ['/opt', '-depth']).stdout).toBe(out('/opt/app/run', '/opt/app', '/opt'));
  });

  it('compares times with -newer and sizes with -size', () => {
    const box = boxWith();
    box.run((fs) => fs.writeFile(P('/data/new'), 'x'.repeat(2000), { append: false }));
    expect(sh(box, find, ['/data', '-type', 'f', '-newer', '/data/a.txt']).stdout).toBe(out('/data/new'));
    expect(sh(box, find, ['/data', '-type', 'f', '-size', '+1k']).stdout).toBe(out('/data/new'));
    expect(sh(box, find, ['/data', '-type', 'f', '-size', '-2c']).stdout).toBe('');
  });

  it('does not descend into a symlink to a directory', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('/data', P('/link')));
    expect(sh(box, find, ['/link']).stdout).toBe(out('/link'));
  });

  it('follows symlinks named as starting points with -H, and all of them with -L', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('/opt', P('/link')));
    expect(sh(box, find, ['-H', '/link']).stdout).toBe(out('/link', '/link/app', '/link/app/run'));
    box.run((fs) => fs.symlink('/opt/app', P('/opt/applink')));
    expect(sh(box, find, ['-L', '/opt', '-type', 'f']).stdout).toBe(out('/opt/app/run', '/opt/applink/run'));
  });

  it('stops at a symlink loop with -L and says so', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('..', P('/opt/app/up')));
    const r = sh(box, find, ['-L', '/opt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(out('/opt', '/opt/app', '/opt/app/run', '/opt/app/up'));
    expect(r.stderr).toBe(
      "find: File system loop detected; '/opt/app/up' is part of the same file system loop as '/opt'.\n",
    );
  });

  it('never copies anything up', () => {
    const box = boxWith();
    sh(box, find, ['/', '-empty', '-printf', '%p %s %m\\n']);
    expect(box.upper()).toEqual([]);
  });

  it('walks 100k entries without quadratic work', () => {
    const fs = new MemoryFs();
    for (let i = 0; i < 100_000; i++) fs.seed(`/big/f${i}`, '');
    const t0 = Date.now();
    const r = runCommand(find, fs, ['/big', '-name', 'f9999*']);
    expect(r.stdout.split('\n').length).toBe(12);
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 60_000);
});
