import { describe, expect, it } from 'vitest';
import { dockerArchive, layerTarEntries, sha256 } from './archive.ts';
import { tarBytes } from './tar.ts';

describe('layerTarEntries', () => {
  it('adds missing parents as 0755 dirs, in path order', () => {
    const entries = layerTarEntries({ entries: [{ path: '/data/sub/f', type: 'file', content: 'x' }] });
    expect(entries.map((e) => [e.kind, e.name, 'mode' in e ? e.mode : undefined])).toEqual([
      ['dir', 'data', 0o755],
      ['dir', 'data/sub', 0o755],
      ['file', 'data/sub/f', 0o644],
    ]);
  });

  it('writes whiteouts as .wh. files at the sort position of the name they hide, opaque dirs with their marker', () => {
    const entries = layerTarEntries({
      entries: [
        { path: '/opt/gone', type: 'whiteout' },
        { path: '/data', type: 'dir', mode: '0700', opaque: true },
        { path: '/top', type: 'whiteout' },
      ],
    });
    expect(entries.map((e) => e.name)).toEqual([
      'data',
      'data/.wh..wh..opq',
      'opt',
      'opt/.wh.gone',
      '.wh.top',
    ]);
  });
});

describe('dockerArchive', () => {
  it('stores each layer once and names the image by the sha256 of its config', () => {
    const layer = tarBytes([{ kind: 'file', name: 'a', mode: 0o644, data: Buffer.from('a') }]);
    const archive = dockerArchive(
      [
        { ref: 'one:1', layers: [layer] },
        { ref: 'two:1', layers: [layer, layer] },
      ],
      ['sleep', '1'],
    );
    const text = archive.bytes.toString('latin1');
    expect(text.split(`${sha256(layer)}/layer.tar`).length - 1).toBe(1 + 3);
    expect(archive.ids.get('one:1')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(archive.ids.get('one:1')).not.toBe(archive.ids.get('two:1'));
  });
});
