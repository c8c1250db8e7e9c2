import { describe, expect, it } from 'vitest';
import { run } from './test-shell.ts';

const echo = (words: string, shell: 'bash' | 'sh' = 'bash') => run(`echo ${words}`, { shell }).text;

describe('brace expansion', () => {
  it('expands comma lists with their prefix and suffix, left to right', () => {
    expect(echo('a{b,c}d x{1,2}y{a,b}')).toBe('abd acd x1ya x1yb x2ya x2yb\n');
  });

  it('expands numeric and letter sequences, stepped, reversed and zero-padded', () => {
    expect(echo('{1..3} {3..1} {1..10..4} {05..10..2} {c..a} {-1..1}')).toBe(
      '1 2 3 3 2 1 1 5 9 05 07 09 c b a -1 0 1\n',
    );
  });

  it('expands nested groups', () => {
    expect(echo('{a,{b,c}} {x{1,2}}')).toBe('a b c {x1} {x2}\n');
  });

  it('leaves groups without a comma, quoted braces and ${…} alone', () => {
    expect(echo(`{} {a} "{a,b}" \\{a,b\\} \${A:-{a,b}}`)).toBe('{} {a} {a,b} {a,b} {a,b}\n');
  });

  it('runs before tilde and parameter expansion', () => {
    expect(run('X=v; echo ~/{a,b} {$X,w}', { vars: { HOME: '/h' } }).stdout).toBe('/h/a /h/b v w\n');
  });

  it('does not exist in dash', () => {
    expect(echo('a{b,c}', 'sh')).toBe('a{b,c}\n');
  });

  it('refuses an expansion too large for a browser tab', () => {
    expect(echo('{1..100000000}')).toBe('bash: brace expansion too large for this simulator\n');
    expect(echo('{a,b}'.repeat(30))).toBe('bash: brace expansion too large for this simulator\n');
  });
});
