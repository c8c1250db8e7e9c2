import { describe, expect, it } from 'vitest';
import { boxWith, P } from '../../engine/testing/builders.ts';
import { sh } from './read-testing.ts';
import { stat } from './stat.ts';

describe('stat', () => {
  it("prints GNU's default layout for a regular file", () => {
    const r = sh(boxWith(), stat, ['/etc/config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        [
          '^  File: /etc/config',
          '  Size: 3         \tBlocks: 8          IO Block: 4096   regular file',
          'Device: 0,52\tInode: \\d+ +Links: 1',
          'Access: \\(0644/-rw-r--r--\\)  Uid: \\(    0/    root\\)   Gid: \\(    0/    root\\)',
          'Access: 2023-11-14 22:13:20.000000000 \\+0000',
          'Modify: 2023-11-14 22:13:20.000000000 \\+0000',
          'Change: 2023-11-14 22:13:20.000000000 \\+0000',
          ' Birth: -\n$',
        ].join('\n'),
      ),
    );
  });

  it('names an empty file, a directory and a character device by their types', () => {
    const box = boxWith();
    expect(sh(box, stat, ['-c', '%F', '/.dockerenv', '/tmp', '/dev/null']).stdout).toBe(
      'regular empty file\ndirectory\ncharacter special file\n',
    );
  });

  it('adds the device type to the third line for a device', () => {
    const lines = sh(boxWith(), stat, ['/dev/null']).stdout.split('\n');
    expect(lines[2]).toMatch(/^Device: 0,53\tInode: \d+ +Links: 1 {5}Device type: 1,3$/);
    expect(lines[3]).toBe('Access: (0666/crw-rw-rw-)  Uid: (    0/    root)   Gid: (    0/    root)');
  });

  it('reports on a symlink itself, and on its target with -L', () => {
    const box = boxWith();
    expect(sh(box, stat, ['/etc/mtab']).stdout.split('\n').slice(0, 2)).toEqual([
      '  File: /etc/mtab -> /proc/mounts',
      '  Size: 12        \tBlocks: 0          IO Block: 4096   symbolic link',
    ]);
    expect(sh(box, stat, ['-L', '-c', '%N %F', '/etc/mtab']).stdout).toBe('/etc/mtab regular file\n');
  });

  it('expands -c directives, with printf widths and flags', () => {
    const r = sh(boxWith(), stat, ['-c', '%n|%s|%a|%04a|%A|%U:%G|%u:%g|%h|%b|%f|%Y|%y|%%|%-5s|%5s|', '/tmp']);
    expect(r.stdout).toBe(
      '/tmp|4096|1777|1777|drwxrwxrwt|root:root|0:0|2|8|43ff|1700000000|2023-11-14 22:13:20.000000000 +0000|%|4096 | 4096|\n',
    );
  });

  it('prints raw modes in hex with %f and the modes of files and links', () => {
    expect(sh(boxWith(), stat, ['-c', '%f %a', '/etc/config', '/etc/mtab']).stdout).toBe(
      '81a4 644\na1ff 777\n',
    );
  });

  it('interprets escapes and adds no newline with --printf', () => {
    expect(sh(boxWith(), stat, ['--printf', '%n\\t%s\\n', '/etc/config']).stdout).toBe('/etc/config\t3\n');
  });

  it('says cannot statx for a missing file, goes on, and exits 1', () => {
    const r = sh(boxWith(), stat, ['-c', '%n', '/x', '/tmp']);
    expect(r.code).toBe(1);
    expect(r.output).toBe("stat: cannot statx '/x': No such file or directory\n/tmp\n");
  });

  it('needs an operand', () => {
    expect(sh(boxWith(), stat, [])).toMatchObject({
      code: 1,
      stderr: "stat: missing operand\nTry 'stat --help' for more information.\n",
    });
  });

  it('never copies a lower file up', () => {
    const box = boxWith();
    sh(box, stat, ['/data/a.txt', '/data', '/opt/app/run']);
    expect(box.upper()).toEqual([]);
  });

  it('reports a file of the upper with the logical clock time', () => {
    const box = boxWith();
    box.run((fs) => fs.writeFile(P('/new'), 'x\n', { append: false }));
    expect(sh(box, stat, ['-c', '%y %s', '/new']).stdout).toBe('2024-01-22 11:00:01.000000000 +0000 2\n');
  });
});
