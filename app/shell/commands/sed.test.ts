import { describe, expect, it } from 'vitest';
import { P, boxWith } from '../../engine/testing/builders.ts';
import { runCommand } from '../testing/run-command.ts';
import { sed } from './sed.ts';
import { translateRegex } from './write-sed-regex.ts';
import { content, look, sh } from './write-testing.ts';

/** sed over stdin, for the editing language itself. */
const pipe = (input: string, ...args: string[]) => sh(boxWith(), sed, args, { stdin: input });

describe('sed editing', () => {
  it.each([
    ['s/a/b/', 'aaa\n', 'baa\n'],
    ['s/a/b/g', 'aaa\n', 'bbb\n'],
    ['s/a/b/2', 'aaa\n', 'aba\n'],
    ['s/a/b/2g', 'aaaa\n', 'abbb\n'],
    ['s/A/b/I', 'xa\n', 'xb\n'],
    ['s|/usr|/opt|', '/usr/bin\n', '/opt/bin\n'],
    ['s/\\(a\\)\\(b\\)/\\2\\1/', 'ab\n', 'ba\n'],
    ['s/[0-9]\\+/<&>/g', 'a1b22\n', 'a<1>b<22>\n'],
    ['s/a*/x/g', 'baaac\n', 'xbxcx\n'],
    ['s/x*/-/g', 'abc\n', '-a-b-c-\n'],
    ['s/.*/\\U&/', 'up\n', 'UP\n'],
    ['s/\\w\\+/\\u&/g', 'hello world\n', 'Hello World\n'],
    ['s/a\\|b/X/g', 'abc\n', 'XXc\n'],
    ['s/^/> /', 'q\n', '> q\n'],
    ['s/$/;/', 'q\n', 'q;\n'],
    ['s/a.c/X/', 'a\nc\n', 'a\nc\n'],
    ['s/\\./!/g', 'a.b\n', 'a!b\n'],
    ['s/[[:space:]]*$//', 'x  \n', 'x\n'],
    ['s/a/\\n/', 'bab\n', 'b\nb\n'],
    ['s/a{2}/X/', 'aa a{2}\n', 'aa X\n'],
    ['y/abc/xyz/', 'aabbcc\n', 'xxyyzz\n'],
    ['2d', '1\n2\n3\n', '1\n3\n'],
    ['$d', '1\n2\n3\n', '1\n2\n'],
    ['/2/,/4/d', '1\n2\n3\n4\n5\n', '1\n5\n'],
    ['2,3!d', '1\n2\n3\n4\n', '2\n3\n'],
    ['0~2d', '1\n2\n3\n4\n', '1\n3\n'],
    ['2,+1d', '1\n2\n3\n4\n', '1\n4\n'],
    ['/x/{s/x/y/;s/y/z/}', 'x\na\n', 'z\na\n'],
    ['2q', '1\n2\n3\n', '1\n2\n'],
    ['=', 'a\nb\n', '1\na\n2\nb\n'],
    ['s/a/b/;s/b/c/', 'a\n', 'c\n'],
    ['p', 'a', 'a\na'],
  ])('%s on %j gives %j', (script, input, want) => {
    const r = pipe(input, script);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(want);
  });

  it('prints only what is asked with -n', () => {
    expect(pipe('a\nb\nc\n', '-n', '/b/p').stdout).toBe('b\n');
    expect(pipe('a\nb\n', '-n', 's/a/x/p').stdout).toBe('x\n');
    expect(pipe('a\nb\nc\n', '-n', '$p').stdout).toBe('c\n');
  });

  it('reads extended regexps with -E', () => {
    expect(pipe('ab12\n', '-E', 's/([a-z]+)([0-9]+)/\\2\\1/').stdout).toBe('12ab\n');
    expect(pipe('aaa\n', '-r', 's/a{2}/X/').stdout).toBe('Xa\n');
  });

  it('runs several -e expressions as one script', () => {
    expect(pipe('a\n', '-e', 's/a/b/', '-e', 's/b/c/').stdout).toBe('c\n');
  });

  it('exits with the code given to q', () => {
    const r = pipe('a\nb\n', '1q5');
    expect(r).toMatchObject({ code: 5, stdout: 'a\n' });
  });

  it('treats several files as one stream, $ being the last line of the last', () => {
    const r = sh(boxWith(), sed, ['-n', '$p;1p', '/data/a.txt', '/data/c.txt']);
    expect(r.stdout).toBe('a\nc\n');
  });

  it('uses the last regex for an empty one', () => {
    expect(pipe('abc\n', '/b/s//X/').stdout).toBe('aXc\n');
  });
});

describe('sed messages', () => {
  it.each([
    ['s/a/b', "sed: -e expression #1, char 5: unterminated `s' command\n"],
    ['s/a/b/x', "sed: -e expression #1, char 7: unknown option to `s'\n"],
    ['k', "sed: -e expression #1, char 1: unknown command: `k'\n"],
    ['s/\\(/x/', 'sed: -e expression #1, char 7: Unmatched ( or \\(\n'],
    ['s/a/\\1/', "sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS\n"],
    ['s/a/b/gg', "sed: -e expression #1, char 8: multiple `g' options to `s' command\n"],
    ['/x', 'sed: -e expression #1, char 2: unterminated address regex\n'],
    ['1,', "sed: -e expression #1, char 2: unexpected `,'\n"],
    ['{p', "sed: -e expression #1, char 2: unmatched `{'\n"],
    ['}', "sed: -e expression #1, char 1: unexpected `}'\n"],
    ['p x', 'sed: -e expression #1, char 3: extra characters after command\n'],
    ['1', 'sed: -e expression #1, char 1: missing command\n'],
    ['0p', 'sed: -e expression #1, char 2: invalid usage of line address 0\n'],
    ['s/[[:foo:]]//', 'sed: -e expression #1, char 13: Invalid character class name\n'],
    ['s/a\\{2,1\\}//', 'sed: -e expression #1, char 12: Invalid content of \\{\\}\n'],
  ])('%s', (script, message) => {
    const r = pipe('a\n', script);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(1);
  });

  it('reports an unreadable file, goes on, and exits 2', () => {
    const r = sh(boxWith(), sed, ['p', '/x', '/data/a.txt']);
    expect(r.stderr).toBe("sed: can't read /x: No such file or directory\n");
    expect(r.stdout).toBe('a\na\n');
    expect(r.code).toBe(2);
  });

  it('stops with "no previous regular expression" at run time', () => {
    const r = pipe('a\n', 's//x/');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('sed: -e expression #1, char 0: no previous regular expression\n');
  });

  it('prints its usage without a script', () => {
    const r = pipe('');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Usage: sed /);
  });
});

describe('sed -i', () => {
  it('writes a temporary file beside the original and renames it over it', () => {
    const box = boxWith();
    const fs = box.fs();
    const r = runCommand(sed, fs, ['-i', 's/v2/v3/', '/etc/config']);
    box.keep(fs);
    expect(r).toMatchObject({ code: 0, output: '' });
    const steps = fs.events().flatMap((e) => (e.type === 'lookup' || e.type === 'read' ? [] : [e]));
    const tmp = steps.find((e) => e.type === 'create')!;
    expect(tmp.type === 'create' && tmp.path).toMatch(/^\/etc\/sed[A-Za-z0-9]{6}$/);
    expect(steps.map((e) => e.type)).toEqual([
      'copy-up', // /etc, to hold the temporary file
      'create', // sedXXXXXX, O_EXCL, mode 0600
      'write',
      'chown',
      'chmod', // the original's mode
      'rename', // over /etc/config
    ]);
    expect(box.upper()).toEqual(['etc/', 'etc/config "v3\\n" 644']);
    expect(box.diff()).toEqual(['C /etc', 'C /etc/config']);
  });

  it('keeps the mode of the file it edits', () => {
    const box = boxWith();
    sh(box, sed, ['-i', 's/busybox/sh/', '/bin/sh']);
    expect(look(box, '/bin/sh')).toMatchObject({ mode: 0o755 });
    expect(content(box, '/bin/sh')).toBe('#!/bin/sh\n');
  });

  it('keeps a backup with a suffix', () => {
    const box = boxWith();
    sh(box, sed, ['-i.bak', 's/a/A/', '/data/a.txt']);
    expect(content(box, '/data/a.txt')).toBe('A\n');
    expect(content(box, '/data/a.txt.bak')).toBe('a\n');
  });

  it('edits each file on its own (line numbers restart)', () => {
    const box = boxWith();
    sh(box, sed, ['-i', '1s/^/1:/', '/data/a.txt', '/data/c.txt']);
    expect(content(box, '/data/a.txt')).toBe('1:a\n');
    expect(content(box, '/data/c.txt')).toBe('1:c\n');
  });

  it('matches the blog: the edited file and its ancestors show as changed', () => {
    const box = boxWith([
      [{ path: '/etc/nginx/conf.d/default.conf', type: 'file', content: 'server {\n  listen 80;\n}\n' }],
    ]);
    sh(box, sed, ['-i', 's/server/srv/', '/etc/nginx/conf.d/default.conf']);
    expect(content(box, '/etc/nginx/conf.d/default.conf')).toBe('srv {\n  listen 80;\n}\n');
    expect(box.diff()).toEqual([
      'C /etc',
      'C /etc/nginx',
      'C /etc/nginx/conf.d',
      'C /etc/nginx/conf.d/default.conf',
    ]);
  });

  it('will not edit a directory, and removes its temporary file on a run-time error', () => {
    const box = boxWith();
    const r = sh(box, sed, ['-i', 's/a/b/', '/data']);
    expect(r).toMatchObject({ code: 4, stderr: "sed: couldn't edit /data: not a regular file\n" });
    const e = sh(box, sed, ['-i', 's//x/', '/data/a.txt']);
    expect(e.code).toBe(1);
    expect(box.upper()).toEqual(['data/']);
    expect(content(box, '/data/a.txt')).toBe('a\n');
  });

  it('needs input files', () => {
    expect(sh(boxWith(), sed, ['-i', 's/a/b/'])).toMatchObject({ code: 4, stderr: 'sed: no input files\n' });
  });

  it('truncates the file after q, as GNU sed does', () => {
    const box = boxWith();
    box.run((fs) => fs.writeFile(P('/tmp/f'), '1\n2\n3\n', { append: false }));
    sh(box, sed, ['-i', '2q', '/tmp/f']);
    expect(content(box, '/tmp/f')).toBe('1\n2\n');
  });
});

describe('sed regexps', () => {
  it('turns BRE into JS', () => {
    expect(translateRegex('a\\{2,3\\}', false)).toEqual({ ok: true, source: 'a{2,3}', groups: 0 });
    expect(translateRegex('*a', false)).toEqual({ ok: true, source: '\\*a', groups: 0 });
    expect(translateRegex('a^b$c', false)).toEqual({ ok: true, source: 'a\\^b\\$c', groups: 0 });
    expect(translateRegex('a**', false)).toEqual({ ok: true, source: '(?:a*)*', groups: 0 });
    expect(translateRegex('\\(ab\\)*\\1', false)).toEqual({ ok: true, source: '(ab)*\\1', groups: 1 });
  });

  it('gives glibc messages for what it cannot read', () => {
    expect(translateRegex('a\\', false)).toEqual({ ok: false, message: 'Trailing backslash' });
    expect(translateRegex('[a', false)).toEqual({ ok: false, message: 'Unmatched [, [^, [:, [., or [=' });
    expect(translateRegex('*a', true)).toEqual({
      ok: false,
      message: 'Invalid preceding regular expression',
    });
    expect(translateRegex('a)', true)).toEqual({ ok: false, message: 'Unmatched ) or \\)' });
    expect(translateRegex('\\(a\\1\\)', false)).toEqual({ ok: false, message: 'Invalid back reference' });
    expect(translateRegex('[z-a]', false)).toEqual({ ok: false, message: 'Invalid range end' });
  });
});
