import { describe, expect, it } from 'vitest';
import { header, paxRecord, splitName, tarBytes } from './tar.ts';

/** Reads back the fields this writer sets, the way tar(1) would. */
function readHeader(block: Buffer): {
  name: string;
  prefix: string;
  mode: number;
  size: number;
  mtime: number;
  type: string;
  link: string;
  checksum: number;
} {
  const text = (start: number, length: number): string =>
    block
      .subarray(start, start + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  const octal = (start: number, length: number): number => parseInt(text(start, length).trim(), 8);
  return {
    name: text(0, 100),
    prefix: text(345, 155),
    mode: octal(100, 8),
    size: octal(124, 12),
    mtime: octal(136, 12),
    type: text(156, 1),
    link: text(157, 100),
    checksum: octal(148, 8),
  };
}

function checksumOf(block: Buffer): number {
  let sum = 0;
  block.forEach((byte, i) => (sum += i >= 148 && i < 156 ? 0x20 : byte));
  return sum;
}

describe('tar header', () => {
  it('carries a checksum that counts its own field as spaces', () => {
    const block = header({
      name: 'data/a.txt',
      prefix: '',
      mode: 0o644,
      size: 2,
      mtime: 1700000000,
      typeflag: '0',
    });
    expect(block.length).toBe(512);
    expect(readHeader(block).checksum).toBe(checksumOf(block));
    expect(block.subarray(257, 263).toString('latin1')).toBe('ustar\0');
  });

  it('writes owner 0:0, the fixed mtime and the mode in octal', () => {
    const archive = tarBytes([{ kind: 'file', name: 'a', mode: 0o600, data: Buffer.from('hi\n') }]);
    const fields = readHeader(archive.subarray(0, 512));
    expect(fields).toMatchObject({ name: 'a', mode: 0o600, size: 3, mtime: 1700000000, type: '0' });
    expect(archive.subarray(108, 116).toString('latin1')).toBe('0000000\0');
  });
});

describe('tar archive', () => {
  it('pads file data to 512-byte blocks and ends with two zero blocks', () => {
    const archive = tarBytes([{ kind: 'file', name: 'f', mode: 0o644, data: Buffer.from('x'.repeat(513)) }]);
    expect(archive.length).toBe(512 + 1024 + 1024);
    expect(archive.subarray(512, 1025).toString()).toBe('x'.repeat(513));
    expect(archive.subarray(-1024).every((byte) => byte === 0)).toBe(true);
  });

  it('gives directories a trailing slash, symlinks and hard links their link names', () => {
    const archive = tarBytes([
      { kind: 'dir', name: 'bin', mode: 0o755 },
      { kind: 'file', name: 'bin/busybox', mode: 0o755, data: Buffer.from('') },
      { kind: 'hardlink', name: 'bin/sh', mode: 0o755, target: 'bin/busybox' },
      { kind: 'symlink', name: 'bin/ls', target: 'busybox' },
    ]);
    const headers = [0, 1, 2, 3].map((i) => readHeader(archive.subarray(i * 512, i * 512 + 512)));
    expect(headers.map((h) => [h.name, h.type, h.link])).toEqual([
      ['bin/', '5', ''],
      ['bin/busybox', '0', ''],
      ['bin/sh', '1', 'bin/busybox'],
      ['bin/ls', '2', 'busybox'],
    ]);
  });

  it('splits a long name into prefix and name at a slash', () => {
    const name = `${'d'.repeat(80)}/${'e'.repeat(80)}/file`;
    const split = splitName(name);
    expect(split?.name.length).toBeLessThanOrEqual(100);
    expect(split?.prefix.length).toBeLessThanOrEqual(155);
    const fields = readHeader(
      tarBytes([{ kind: 'file', name, mode: 0o644, data: Buffer.from('') }]).subarray(0, 512),
    );
    expect(`${fields.prefix}/${fields.name}`).toBe(name);
  });

  it('puts a name USTAR cannot hold into a PAX extended header', () => {
    const name = `${'x'.repeat(120)}/${'y'.repeat(120)}`;
    expect(splitName(name)).toBeUndefined();
    const archive = tarBytes([{ kind: 'file', name, mode: 0o644, data: Buffer.from('') }]);
    const pax = readHeader(archive.subarray(0, 512));
    expect(pax.type).toBe('x');
    expect(archive.subarray(512, 512 + pax.size).toString()).toBe(paxRecord('path', name));
    expect(readHeader(archive.subarray(1024, 1536)).type).toBe('0');
  });

  it('counts a PAX record length that includes its own digits', () => {
    for (const value of ['a', 'x'.repeat(90), 'y'.repeat(995)]) {
      const record = paxRecord('path', value);
      expect(Number(record.split(' ')[0])).toBe(Buffer.byteLength(record));
    }
  });
});
