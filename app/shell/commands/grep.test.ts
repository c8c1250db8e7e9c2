import { describe, expect, it } from 'vitest';
import { boxWith } from '../../engine/testing/builders.ts';
import { grep } from './grep.ts';
import { sh } from './read-testing.ts';

describe('grep', () => {
  it('prints matching lines and exits 0, or nothing and exits 1', () => {
    const box = boxWith();
    expect(sh(box, grep, ['ip6-all', '/etc/hosts'])).toMatchObject({
      code: 0,
      stdout: 'ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n',
    });
    expect(sh(box, grep, ['nothing', '/etc/hosts'])).toMatchObject({ code: 1, stdout: '' });
  });

  it('prefixes file names when there are several files, and line numbers with -n', () => {
    const r = sh(boxWith(), grep, ['-n', 'v2\\|a', '/etc/config', '/data/a.txt']);
    expect(r.stdout).toBe('/etc/config:1:v2\n/data/a.txt:1:a\n');
    expect(sh(boxWith(), grep, ['-h', 'v', '/etc/config', '/data/a.txt']).stdout).toBe('v2\n');
    expect(sh(boxWith(), grep, ['-H', 'v', '/etc/config']).stdout).toBe('/etc/config:v2\n');
  });

  it('reads standard input with no file and for -', () => {
    expect(sh(boxWith(), grep, ['b'], { stdin: 'a\nb\n' }).stdout).toBe('b\n');
    expect(sh(boxWith(), grep, ['-H', 'b', '-'], { stdin: 'b' }).stdout).toBe('(standard input):b\n');
  });

  it('takes -i, -v, -c, -l, -w, -x, -o and -q', () => {
    const box = boxWith();
    const stdin = 'Apple pie\napple\npineapple\nbanana\n';
    expect(sh(box, grep, ['-i', 'APPLE'], { stdin }).stdout).toBe('Apple pie\napple\npineapple\n');
    expect(sh(box, grep, ['-v', 'apple'], { stdin }).stdout).toBe('Apple pie\nbanana\n');
    expect(sh(box, grep, ['-c', 'apple'], { stdin }).stdout).toBe('2\n');
    expect(sh(box, grep, ['-w', 'apple'], { stdin }).stdout).toBe('apple\n');
    expect(sh(box, grep, ['-x', 'apple'], { stdin }).stdout).toBe('apple\n');
    expect(sh(box, grep, ['-o', 'ap*le'], { stdin }).stdout).toBe('apple\napple\n');
    expect(sh(box, grep, ['-q', 'banana'], { stdin })).toMatchObject({ code: 0, stdout: '' });
    expect(sh(box, grep, ['-l', 'a', '/etc/config', '/data/a.txt', '/data/c.txt']).stdout).toBe(
      '/data/a.txt\n',
    );
  });

  it('prints the leftmost-longest match with -o, as POSIX requires', () => {
    expect(sh(boxWith(), grep, ['-oE', 'a|ab|abc'], { stdin: 'xabcx abx\n' }).stdout).toBe('abc\nab\n');
  });

  it('speaks BRE by default and ERE with -E, literal strings with -F', () => {
    const stdin = 'a+b\naab\n(x)\n';
    expect(sh(boxWith(), grep, ['a+b'], { stdin }).stdout).toBe('a+b\n');
    expect(sh(boxWith(), grep, ['-E', 'a+b'], { stdin }).stdout).toBe('aab\n');
    expect(sh(boxWith(), grep, ['\\(x\\)'], { stdin }).stdout).toBe('(x)\n');
    expect(sh(boxWith(), grep, ['-F', '(x)'], { stdin }).stdout).toBe('(x)\n');
    expect(sh(boxWith(), grep, ['-E', 'a{2}b'], { stdin }).stdout).toBe('aab\n');
    expect(sh(boxWith(), grep, ['[[:digit:]]\\{1,\\}'], { stdin: 'x\n42\n' }).stdout).toBe('42\n');
  });

  it('matches back-references', () => {
    expect(sh(boxWith(), grep, ['\\(l\\)\\1'], { stdin: 'hello\nworld\n' }).stdout).toBe('hello\n');
    expect(sh(boxWith(), grep, ['-E', '^(.+)-\\1$'], { stdin: 'ab-ab\nab-ba\n' }).stdout).toBe('ab-ab\n');
  });

  it.each([
    [['[abc'], 'grep: Unmatched [, [^, [:, [., or [=\n'],
    [['-E', '(a'], 'grep: Unmatched ( or \\(\n'],
    [['\\(a'], 'grep: Unmatched ( or \\(\n'],
    [['a\\)'], 'grep: Unmatched ) or \\)\n'],
    [['a\\{1'], 'grep: Unmatched \\{\n'],
    [['-E', 'a{2,1}'], 'grep: Invalid content of \\{\\}\n'],
    [['[[:nope:]]'], 'grep: Invalid character class name\n'],
    [['[z-a]'], 'grep: Invalid range end\n'],
    [['a\\'], 'grep: Trailing backslash\n'],
    [['\\(a\\)\\2'], 'grep: Invalid back reference\n'],
    [['[:space:]'], 'grep: character class syntax is [[:space:]], not [:space:]\n'],
  ])('rejects the bad pattern %j with exit status 2', (args, stderr) => {
    expect(sh(boxWith(), grep, [...args, '/etc/hosts'])).toMatchObject({ code: 2, stdout: '', stderr });
  });

  it('warns about stray backslashes and leading repetitions, as grep 3.8 does', () => {
    expect(sh(boxWith(), grep, ['\\d'], { stdin: 'd\n' })).toMatchObject({
      code: 0,
      output: 'grep: warning: stray \\ before d\nd\n',
    });
    expect(sh(boxWith(), grep, ['-E', '*a'], { stdin: 'a\n' }).stderr).toBe(
      'grep: warning: * at start of expression\n',
    );
  });

  it('reports missing files and directories with exit status 2, unless -q found a line', () => {
    const r = sh(boxWith(), grep, ['v2', '/x', '/etc', '/etc/config']);
    expect(r.code).toBe(2);
    expect(r.output).toBe(
      'grep: /x: No such file or directory\ngrep: /etc: Is a directory\n/etc/config:v2\n',
    );
    expect(sh(boxWith(), grep, ['-q', 'v2', '/x', '/etc/config']).code).toBe(0);
    expect(sh(boxWith(), grep, ['-s', 'v2', '/x']).output).toBe('');
  });

  it('searches directories with -r, naming files from the operand', () => {
    const box = boxWith();
    expect(sh(box, grep, ['-r', '^[bc]$', '/data']).stdout).toBe('/data/c.txt:c\n/data/sub/b.txt:b\n');
    expect(sh(box, grep, ['-r', 'b'], { cwd: '/data' }).stdout).toBe('sub/b.txt:b\n');
    expect(sh(box, grep, ['-rl', 'app', '/opt']).stdout).toBe('/opt/app/run\n');
  });

  it('says a binary file matches instead of printing it', () => {
    expect(sh(boxWith(), grep, ['x'], { stdin: 'a\0x\n' })).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'grep: (standard input): binary file matches\n',
    });
    expect(sh(boxWith(), grep, ['-a', 'x'], { stdin: 'a\0x\n' }).stdout).toBe('a\0x\n');
  });

  it('takes several patterns with -e and newlines', () => {
    expect(sh(boxWith(), grep, ['-e', 'v1', '-e', 'v2', '/etc/config']).stdout).toBe('v2\n');
    expect(sh(boxWith(), grep, ['a\nc'], { stdin: 'a\nb\nc\n' }).stdout).toBe('a\nc\n');
  });

  it('needs a pattern, and rejects unknown options with its usage line', () => {
    const usage = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
    expect(sh(boxWith(), grep, [])).toMatchObject({ code: 2, stderr: usage });
    expect(sh(boxWith(), grep, ['-Z', 'x'])).toMatchObject({
      code: 2,
      stderr: `grep: invalid option -- 'Z'\n${usage}`,
    });
  });

  it('stays fast on patterns that make backtracking engines explode', () => {
    const t0 = Date.now();
    const r = sh(boxWith(), grep, ['-E', '(a|aa)*c'], { stdin: 'a'.repeat(100_000) + '\n' });
    expect(r.code).toBe(1);
    expect(sh(boxWith(), grep, ['-E', '(x+x+)+y'], { stdin: 'x'.repeat(5_000) + 'y\n' }).code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('gives up on a runaway back-reference with memory exhausted instead of hanging', () => {
    const r = sh(boxWith(), grep, ['\\(a*\\)*b\\1'], { stdin: 'a'.repeat(40) + '\n' });
    expect(r).toMatchObject({ code: 2, stderr: 'grep: memory exhausted\n' });
  });

  it('searches a 1 MB paste', () => {
    const stdin = Array.from({ length: 50_000 }, (_, i) => `line ${i} of text`).join('\n') + '\n';
    const r = sh(boxWith(), grep, ['-c', '-E', '^line [0-9]*7 of'], { stdin });
    expect(r.stdout).toBe('5000\n');
  });

  it('never copies a lower file up', () => {
    const box = boxWith();
    sh(box, grep, ['-r', 'x', '/']);
    expect(box.upper()).toEqual([]);
  });
});
