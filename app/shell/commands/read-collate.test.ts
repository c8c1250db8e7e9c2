import { describe, expect, it } from 'vitest';
import { collation, sortBy } from './read-collate.ts';

const sorted = (names: string[], where: 'container' | 'host'): string[] => sortBy(names, (n) => n, where);

describe('collation', () => {
  it('is byte order in a container', () => {
    expect(sorted(['b', 'TEST', 'a', '_', 'B', '.x'], 'container')).toEqual([
      '.x',
      'B',
      'TEST',
      '_',
      'a',
      'b',
    ]);
  });

  it('ignores case and punctuation first on the host, like glibc en_US.UTF-8', () => {
    expect(sorted(['tmp', 'TEST', 'srv', 'sys'], 'host')).toEqual(['srv', 'sys', 'TEST', 'tmp']);
    expect(sorted(['docker-entrypoint.sh', 'docker-entrypoint.d'], 'host')).toEqual([
      'docker-entrypoint.d',
      'docker-entrypoint.sh',
    ]);
    expect(sorted(['libx32', 'lib64', 'lib', 'lib32'], 'host')).toEqual(['lib', 'lib32', 'lib64', 'libx32']);
  });

  it('breaks ties by accents, then lowercase before uppercase, then bytes', () => {
    expect(sorted(['B', 'b', '\u00e9', 'e', 'E'], 'host')).toEqual(['b', 'B', 'e', 'E', '\u00e9']);
    expect(sorted(['a-b', 'ab', 'a_b'], 'host')).toEqual(['a-b', 'a_b', 'ab']);
  });

  it('says two strings are equal only when they are', () => {
    const c = collation('host');
    expect(c.compare(c.key('a'), c.key('a'))).toBe(0);
    expect(c.compare(c.key('a'), c.key('A'))).toBeLessThan(0);
  });
});
