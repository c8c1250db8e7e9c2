import { describe, expect, it } from 'vitest';
import { dir, memoryFs, symlink } from '../testing/memory-fs.ts';
import { run, session } from './test-shell.ts';

/** argv as the command receives it, one per line in brackets. */
const argv = (words: string, options: Parameters<typeof run>[1] = {}): string =>
  run(`printf '[%s]' ${words}`, options).stdout;

describe('parameter expansion', () => {
  it('expands $VAR, ${VAR}, $HOME and an unset variable to nothing', () => {
    expect(argv('$HOME ${HOME}x $NOPE', { vars: { HOME: '/root' } })).toBe('[/root][/rootx]');
  });

  it('expands inside double quotes but not inside single quotes', () => {
    expect(argv(`"$HOME" '$HOME'`, { vars: { HOME: '/root' } })).toBe('[/root][$HOME]');
  });

  it('gives $0 the shell name and $# zero', () => {
    expect(run('echo $0 $#').stdout).toBe('bash 0\n');
    expect(run('echo $0', { shell: 'sh' }).stdout).toBe('sh\n');
  });

  it('supports ${#V}, ${V:-x}, ${V-x}, ${V:+x} and ${V:=x}', () => {
    const s = session();
    s.run('E=; S=set');
    expect(s.run(`printf '[%s]' \${#S} \${E:-d} "\${E-d}" \${S:+alt} \${E:+alt} \${N:=new} $N`).stdout).toBe(
      '[3][d][][alt][new][new]',
    );
  });

  it('stops the whole line on ${V?message} and on a bad substitution', () => {
    expect(run('echo ${V?is missing}; echo after')).toMatchObject({
      stderr: 'bash: V: is missing\n',
      stdout: '',
      exitCode: 1,
    });
    expect(run('echo ${V:?}')).toMatchObject({ stderr: 'bash: V: parameter null or not set\n' });
    expect(run('echo ${x/a/b}; echo after').stderr).toBe('bash: ${x/a/b}: bad substitution\n');
    expect(run('echo ${x/a/b}', { shell: 'sh' })).toMatchObject({
      stderr: 'sh: 1: Bad substitution\n',
      exitCode: 2,
    });
  });
});

describe('tilde', () => {
  it('expands a leading ~ and ~/ to $HOME, only unquoted', () => {
    expect(argv(`~ ~/x a~ "~" ~"/x"`, { vars: { HOME: '/root' } })).toBe('[/root][/root/x][a~][~][~/x]');
  });

  it('expands ~user from /etc/passwd and leaves an unknown user alone', () => {
    const fs = memoryFs({
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33::/var/www:/usr/sbin/nologin\n',
    });
    expect(argv('~root ~www-data/html ~nobody ~root"/x"', { fs })).toBe(
      '[/root][/var/www/html][~nobody][~root/x]',
    );
  });

  it('expands ~ at the start of an assignment value', () => {
    expect(run('D=~/d; echo $D', { vars: { HOME: '/h' } }).stdout).toBe('/h/d\n');
  });
});

describe('field splitting', () => {
  it('splits unquoted expansions on blanks and newlines, not quoted ones', () => {
    expect(run(`X=' a  b\tc\n'; printf '[%s]' $X "$X"`).stdout).toBe('[a][b][c][ a  b\tc\n]');
  });

  it('drops unquoted empty expansions but keeps quoted empty words', () => {
    expect(argv(`$E "" "$E" x$E`)).toBe('[][][x]');
  });

  it('joins split fields with adjacent literal text', () => {
    expect(run(`X='1 2'; printf '[%s]' a$X'b'`).stdout).toBe('[a1][2b]');
  });

  it('does not split literal text of the word itself', () => {
    expect(argv(`"a b"c`)).toBe('[a bc]');
  });
});

describe('pathname expansion', () => {
  const tree = () =>
    memoryFs({
      '/w/a.txt': '',
      '/w/b.txt': '',
      '/w/B.txt': '',
      '/w/.hidden': '',
      '/w/d/x.conf': '',
      '/w/d/y.conf': '',
      '/w/e/z.conf': '',
      '/w/link': symlink('d'),
      '/w/sp ace': '',
      '/root': dir(),
    });
  const glob = (words: string, shell: 'bash' | 'sh' = 'bash') =>
    argv(words, { fs: tree(), cwd: '/w', shell });

  it('matches *, ? and bracket sets, sorted in byte order', () => {
    expect(glob('*.txt')).toBe('[B.txt][a.txt][b.txt]');
    expect(glob('?.txt [ab].txt [!a].txt [a-b].txt')).toBe(
      '[B.txt][a.txt][b.txt][a.txt][b.txt][B.txt][b.txt][a.txt][b.txt]',
    );
    expect(glob('[[:upper:]]*')).toBe('[B.txt]');
  });

  it('leaves a pattern that matches nothing as typed', () => {
    expect(glob('*.none "q"*')).toBe('[*.none][q*]');
  });

  it('does not glob quoted or escaped wildcards', () => {
    expect(glob(`"*.txt" '*' \\*`)).toBe('[*.txt][*][*]');
  });

  it('matches hidden files only with a leading dot; bash skips . and .., dash does not', () => {
    expect(glob('.*')).toBe('[.hidden]');
    expect(glob('.*', 'sh')).toBe('[.][..][.hidden]');
    expect(glob('*hidden')).toBe('[*hidden]');
  });

  it('expands across path components, through symlinked directories', () => {
    expect(glob('*/*.conf')).toBe('[d/x.conf][d/y.conf][e/z.conf][link/x.conf][link/y.conf]');
    expect(glob('/w/?/z.conf')).toBe('[/w/e/z.conf]');
    expect(glob('*/x.conf')).toBe('[d/x.conf][link/x.conf]');
  });

  it('matches only directories when the pattern ends in /', () => {
    expect(glob('*/')).toBe('[d/][e/][link/]');
  });

  it('does not split a matched name that holds a blank', () => {
    expect(glob('sp*')).toBe('[sp ace]');
  });

  it('globs the result of an unquoted expansion', () => {
    expect(argv('$P', { fs: tree(), cwd: '/w', vars: { P: '*.txt' } })).toBe('[B.txt][a.txt][b.txt]');
    expect(argv('"$P"', { fs: tree(), cwd: '/w', vars: { P: '*.txt' } })).toBe('[*.txt]');
  });
});
