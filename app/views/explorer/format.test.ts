import { describe, expect, it } from 'vitest';
import { formatSize, hexPeek, looksBinary, modeString } from './format.ts';

describe('modeString', () => {
  it('prints a plain file as ls -l does', () => {
    expect(modeString('file', 0o644)).toBe('-rw-r--r--');
    expect(modeString('file', 0o755)).toBe('-rwxr-xr-x');
  });

  it('prints directories, symlinks and whiteouts with their type letter', () => {
    expect(modeString('dir', 0o700)).toBe('drwx------');
    expect(modeString('symlink', 0o777)).toBe('lrwxrwxrwx');
    expect(modeString('whiteout', 0)).toBe('c---------');
  });

  it('shows the sticky, setuid and setgid bits with and without execute', () => {
    expect(modeString('dir', 0o1777)).toBe('drwxrwxrwt');
    expect(modeString('dir', 0o1666)).toBe('drw-rw-rwT');
    expect(modeString('file', 0o4755)).toBe('-rwsr-xr-x');
    expect(modeString('file', 0o2644)).toBe('-rw-r-Sr--');
  });
});

describe('looksBinary', () => {
  it('takes text with newlines and tabs as text', () => {
    expect(looksBinary('server {\n\tlisten 80;\n}\n', 23)).toBe(false);
  });

  it('takes an ELF header or a size past the content as binary', () => {
    expect(looksBinary('\x7fELF (bash)\n', 12)).toBe(true);
    expect(looksBinary('abc', 4096)).toBe(true);
  });
});

describe('hexPeek', () => {
  it('shows 16 bytes a line with offsets and printable characters', () => {
    const lines = hexPeek('\x7fELF (bash)\nmore text', 21);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      offset: '00000000',
      hex: '7f 45 4c 46 20 28 62 61  73 68 29 0a 6d 6f 72 65',
      ascii: '.ELF (bash).more',
    });
    expect(lines[1]).toEqual({ offset: '00000010', hex: '20 74 65 78 74', ascii: ' text' });
  });

  it('puts 8 bytes a line when asked, for a narrow column', () => {
    const lines = hexPeek('\x7fELF (bash)\n', 12, 64, 8);
    expect(lines.map((l) => l.hex)).toEqual(['7f 45 4c 46 20 28 62 61', '73 68 29 0a']);
    expect(lines[1]!.offset).toBe('00000008');
  });

  it('reads bytes past the content as zeros, and stops at the peek size', () => {
    const lines = hexPeek('A', 100, 32);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.hex).toBe('41 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00');
    expect(lines[1]!.ascii).toBe('................');
  });
});

describe('formatSize', () => {
  it('uses decimal units as docker does', () => {
    expect(formatSize(957)).toBe('957 B');
    expect(formatSize(12_400)).toBe('12.4 kB');
    expect(formatSize(74_800_000)).toBe('74.8 MB');
  });
});
