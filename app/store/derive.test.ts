import { describe, expect, it } from 'vitest';
import { createContainer } from '../engine/docker/containers.ts';
import { addImage } from '../engine/docker/images.ts';
import { emptyWorld } from '../engine/docker/world.ts';
import { setIn } from '../engine/tree.ts';
import { fileNode, whiteoutNode } from '../engine/node.ts';
import { containerRows, imageRows, mergedListing, printable, upperListing } from './derive.ts';

const twoLayerWorld = () => {
  const [w1] = addImage(emptyWorld(), {
    ref: 'demo',
    layers: [
      [
        { path: '/bin/sh', type: 'file', mode: '0755', content: '#!/bin/busybox\n' },
        { path: '/etc/motd', type: 'file', content: 'hi\n' },
      ],
      [{ path: '/etc/config', type: 'file', content: 'v2\n' }],
    ],
  });
  const image = [...w1.images.values()][0]!;
  const [w2, c] = createContainer(w1, {
    image,
    imageRef: 'demo',
    name: 'web',
    command: ['sh'],
    autoRemove: false,
  });
  return { world: w2, c };
};

describe('containerRows', () => {
  it('lists name, image as typed and status', () => {
    const { world } = twoLayerWorld();
    expect(containerRows(world)).toEqual([
      { id: expect.stringMatching(/^[0-9a-f]{64}$/), name: 'web', image: 'demo', status: 'Created' },
    ]);
  });
});

describe('imageRows', () => {
  it('lists each tag with the short id and the number of layers', () => {
    const { world } = twoLayerWorld();
    expect(imageRows(world)).toEqual([
      { ref: 'demo:latest', shortId: expect.stringMatching(/^[0-9a-f]{12}$/), layers: 2 },
    ]);
  });
});

describe('mergedListing', () => {
  it('names the layer each path comes from, bottom image layer first numbered 1', () => {
    const { world, c } = twoLayerWorld();
    const rows = mergedListing(world, c).rows;
    const byPath = new Map(rows.map((r) => [r.path, r.note]));
    expect(byPath.get('/bin/sh')).toBe('layer 1');
    expect(byPath.get('/etc/config')).toBe('layer 2');
    expect(byPath.get('/.dockerenv')).toBe('init');
    expect(byPath.get('/etc/')).toBeDefined();
  });

  it('counts, without listing, the entries past the limit', () => {
    const { world, c } = twoLayerWorld();
    const all = mergedListing(world, c).rows.length;
    const cut = mergedListing(world, c, 2);
    expect(cut.rows).toHaveLength(2);
    expect(cut.more).toBe(all - 2);
  });
});

describe('upperListing', () => {
  it('shows files of the upper and marks whiteouts', () => {
    const { c } = twoLayerWorld();
    let root = setIn(
      c.upper.root,
      ['TEST'],
      fileNode('Hello World\n', { mode: 0o644, uid: 0, gid: 0, mtime: 1 }, 99),
      1,
    );
    root = setIn(root, ['gone'], whiteoutNode(1), 1);
    const listing = upperListing({ ...c, upper: { ...c.upper, root } });
    expect(listing.rows.map((r) => [r.path, r.note])).toEqual([
      ['/TEST', ''],
      ['/gone', 'whiteout'],
    ]);
  });
});

describe('printable', () => {
  it('shows control characters in names as ?', () => {
    expect(printable('a\nb\u0007')).toBe('a?b?');
  });
});
