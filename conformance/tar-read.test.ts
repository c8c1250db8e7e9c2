import { describe, expect, it } from 'vitest';
import { header, tarBytes } from './tar.ts';
import { readTar } from './tar-read.ts';

describe('readTar', () => {
  it('reads back what the writer wrote: names, types, modes, sizes, link names and data', () => {
    const bytes = tarBytes([
      { kind: 'dir', name: 'data', mode: 0o700 },
      { kind: 'file', name: 'data/a.txt', mode: 0o644, data: Buffer.from('a\n') },
      { kind: 'hardlink', name: 'data/hard', mode: 0o644, target: 'data/a.txt' },
      { kind: 'symlink', name: 'data/link', target: 'a.txt' },
    ]);
    const records = readTar(bytes).map(({ data, ...rest }) => ({ ...rest, data: data.toString() }));
    expect(records).toEqual([
      { name: 'data/', type: '5', mode: 0o700, size: 0, linkname: '', data: '' },
      { name: 'data/a.txt', type: '0', mode: 0o644, size: 2, linkname: '', data: 'a\n' },
      { name: 'data/hard', type: '1', mode: 0o644, size: 0, linkname: 'data/a.txt', data: '' },
      { name: 'data/link', type: '2', mode: 0o777, size: 0, linkname: 'a.txt', data: '' },
    ]);
  });

  it('joins a USTAR prefix and applies PAX path and linkpath records to the next entry only', () => {
    const deep = `${'d'.repeat(90)}/${'e'.repeat(90)}/f`;
    const long = 'n'.repeat(150);
    const bytes = tarBytes([
      { kind: 'file', name: deep, mode: 0o600, data: Buffer.from('x') },
      { kind: 'symlink', name: long, target: 't'.repeat(120) },
      { kind: 'file', name: 'after', mode: 0o644, data: Buffer.alloc(0) },
    ]);
    const records = readTar(bytes);
    expect(records.map((r) => r.name)).toEqual([deep, long, 'after']);
    expect(records[1]?.linkname).toBe('t'.repeat(120));
    expect(records[2]?.linkname).toBe('');
  });

  it('takes a GNU long name from an L entry', () => {
    const name = `${'g'.repeat(130)}`;
    const body = Buffer.alloc(512);
    body.write(`${name}\0`);
    const bytes = Buffer.concat([
      header({ name: '././@LongLink', prefix: '', mode: 0, size: name.length + 1, mtime: 0, typeflag: 'L' }),
      body,
      header({ name: name.slice(0, 100), prefix: '', mode: 0o644, size: 0, mtime: 0, typeflag: '0' }),
      Buffer.alloc(1024),
    ]);
    expect(readTar(bytes).map((r) => r.name)).toEqual([name]);
  });

  it('refuses a header whose checksum is wrong', () => {
    const bytes = tarBytes([{ kind: 'file', name: 'a', mode: 0o644, data: Buffer.from('a') }]);
    bytes[0] = 'b'.charCodeAt(0);
    expect(() => readTar(bytes)).toThrow(/checksum/);
  });
});
