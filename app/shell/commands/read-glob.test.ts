import { describe, expect, it } from 'vitest';
import { glob } from './read-glob.ts';

describe('fnmatch for find', () => {
  it('matches *, ? and sets, a leading dot and slashes included', () => {
    expect(glob('*.txt')('.hidden.txt')).toBe(true);
    expect(glob('a?c')('abc')).toBe(true);
    expect(glob('/data/*')('/data/sub/b.txt')).toBe(true);
    expect(glob('[!a]*')('abc')).toBe(false);
    expect(glob('[[:digit:]x]')('7')).toBe(true);
    expect(glob('[]]')(']')).toBe(true);
  });

  it('quotes with a backslash and takes an unclosed [ as itself', () => {
    expect(glob('\\*')('*')).toBe(true);
    expect(glob('\\*')('a')).toBe(false);
    expect(glob('[ab')('[ab')).toBe(true);
  });

  it('folds case for -iname', () => {
    expect(glob('*.TXT', true)('a.txt')).toBe(true);
    expect(glob('[A-C]x', true)('bX')).toBe(true);
  });

  it('takes linear time on patterns with many stars', () => {
    const t0 = Date.now();
    expect(glob('*a*a*a*a*a*a*b')('a'.repeat(4000))).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});
