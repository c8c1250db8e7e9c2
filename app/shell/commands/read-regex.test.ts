import { describe, expect, it } from 'vitest';
import type { MatchOptions } from './read-regex.ts';
import { RegexError, compileGrep } from './read-regex.ts';

const base: MatchOptions = { syntax: 'basic', icase: false, word: false, line: false, utf8: false };

/** Every -o match of a pattern in a line. */
function matches(pattern: string, line: string, o: Partial<MatchOptions> = {}): string[] {
  const m = compileGrep([pattern], { ...base, ...o }, () => {});
  const out: string[] = [];
  for (let from = 0; from <= line.length;) {
    const s = m.search(line, from);
    if (!s) break;
    if (s.end > s.start) out.push(line.slice(s.start, s.end));
    from = s.end > s.start ? s.end : s.start + 1;
  }
  return out;
}

const error = (pattern: string, o: Partial<MatchOptions> = {}): string => {
  try {
    compileGrep([pattern], { ...base, ...o }, () => {});
    return 'no error';
  } catch (e) {
    return e instanceof RegexError ? e.message : String(e);
  }
};

describe('grep regular expressions', () => {
  it('finds the leftmost match, and the longest one there', () => {
    expect(matches('a|ab|abc', 'xabcx', { syntax: 'extended' })).toEqual(['abc']);
    expect(matches('\\(a\\|ab\\)\\(c\\|bcd\\)', 'abcd')).toEqual(['abcd']);
    expect(matches('x*', 'axxb')).toEqual(['xx']);
  });

  it('treats BRE operators by context: * first is literal, ^ and $ only at the ends', () => {
    expect(matches('*a', '*a')).toEqual(['*a']);
    expect(matches('a^b$c', 'a^b$c')).toEqual(['a^b$c']);
    expect(matches('^ab$', 'ab')).toEqual(['ab']);
    expect(matches('a\\{2,3\\}', 'aaaa')).toEqual(['aaa']);
    expect(matches('a\\+b\\?', 'aab')).toEqual(['aab']);
  });

  it('reads ERE intervals, and a { that is no interval as itself', () => {
    expect(matches('a{2}', 'aaa', { syntax: 'extended' })).toEqual(['aa']);
    expect(matches('a{,2}b', 'aaab', { syntax: 'extended' })).toEqual(['aab']);
    expect(matches('a{x', 'a{x', { syntax: 'extended' })).toEqual(['a{x']);
  });

  it('knows bracket expressions, classes and GNU escapes', () => {
    expect(matches('[]a-c]', 'x]b')).toEqual([']', 'b']);
    expect(matches('[^[:alpha:]]', 'a1b')).toEqual(['1']);
    expect(matches('\\w\\+', 'foo bar_1')).toEqual(['foo', 'bar_1']);
    expect(matches('\\<b', 'ab b')).toEqual(['b']);
    expect(matches('o\\b', 'foo food')).toEqual(['o']);
    expect(matches('[.-.]', 'a.b')).toEqual(['.']);
  });

  it('folds case with -i, and matches whole words or lines with -w and -x', () => {
    expect(matches('[a-c]X', 'Bx', { icase: true })).toEqual(['Bx']);
    expect(matches('foo', 'foobar foo', { word: true })).toEqual(['foo']);
    expect(compileGrep(['fo*'], { ...base, line: true }, () => {}).test('foo')).toBe(true);
    expect(compileGrep(['fo'], { ...base, line: true }, () => {}).test('foo')).toBe(false);
  });

  it('treats non-ASCII letters as word characters only under UTF-8', () => {
    expect(matches('\\w\\+', 'caf\u00e9', { utf8: true })).toEqual(['caf\u00e9']);
    expect(matches('\\w\\+', 'caf\u00e9')).toEqual(['caf']);
  });

  it('runs back-references', () => {
    expect(matches('\\(ab*\\)c\\1', 'abbcabb abcab')).toEqual(['abbcabb', 'abcab']);
    expect(matches('(a)(b)\\2\\1', 'abba', { syntax: 'extended' })).toEqual(['abba']);
  });

  it("reports glibc's messages for bad patterns", () => {
    expect(error('[a')).toBe('Unmatched [, [^, [:, [., or [=');
    expect(error('a\\{1,0\\}')).toBe('Invalid content of \\{\\}');
    expect(error('a{99999}', { syntax: 'extended' })).toBe('Regular expression too big');
    expect(error('[[.ab.]]')).toBe('Invalid collation character');
    expect(error(')', { syntax: 'extended' })).toBe('no error');
  });

  it('warns like grep 3.8 about stray backslashes', () => {
    const warnings: string[] = [];
    compileGrep(['\\/\\ x\\.'], base, (w) => warnings.push(w));
    expect(warnings).toEqual(['stray \\ before /', 'stray \\ before white space']);
  });

  it('matches in time linear in the line, whatever the pattern', () => {
    const t0 = Date.now();
    expect(compileGrep(['(a*)*b'], { ...base, syntax: 'extended' }, () => {}).test('a'.repeat(200_000))).toBe(
      false,
    );
    expect(
      compileGrep(['(a|a)*b'], { ...base, syntax: 'extended' }, () => {}).test('a'.repeat(200_000)),
    ).toBe(false);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
