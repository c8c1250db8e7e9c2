import { describe, expect, it } from 'vitest';
import { localeQuote, quoteAlways, quoteFile, shellQuote } from './read-quote.ts';

describe("quoting file names as GNU's quotearg does", () => {
  it('leaves plain names alone and quotes shell metacharacters', () => {
    expect(shellQuote('a.txt', { utf8: false })).toBe('a.txt');
    expect(shellQuote('a b', { utf8: false })).toBe("'a b'");
    expect(shellQuote('x=1', { utf8: false })).toBe("'x=1'");
    expect(shellQuote("it's", { utf8: false })).toBe('"it\'s"');
  });

  it("escapes control characters as $'\\n'", () => {
    expect(shellQuote('a\nb', { utf8: false })).toBe("'a'$'\\n''b'");
    expect(shellQuote('\n', { utf8: false })).toBe("''$'\\n'");
  });

  it('shows non-ASCII bytes as octal escapes in the C locale, as is under UTF-8', () => {
    expect(shellQuote('\u00e9', { utf8: false })).toBe("''$'\\303\\251'");
    expect(shellQuote('\u00e9', { utf8: true })).toBe('\u00e9');
  });

  it('always quotes for quoteaf, also quotes colons for quotef, curls quotes under UTF-8', () => {
    expect(quoteAlways('/x', 'container')).toBe("'/x'");
    expect(quoteFile('a:b', 'container')).toBe("'a:b'");
    expect(quoteFile('/etc', 'container')).toBe('/etc');
    expect(localeQuote('/x', 'container')).toBe("'/x'");
    expect(localeQuote('/x', 'host')).toBe('\u2018/x\u2019');
  });
});
