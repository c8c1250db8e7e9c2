import { describe, expect, it } from 'vitest';
import { createContainer } from '../engine/docker/containers.ts';
import { addImage } from '../engine/docker/images.ts';
import { emptyWorld } from '../engine/docker/world.ts';
import { setIn } from '../engine/tree.ts';
import { fileNode, whiteoutNode } from '../engine/node.ts';
import {
  containerRows,
  historyItems,
  hostView,
  imageRows,
  mergedListing,
  printable,
  upperListing,
} from './derive.ts';
import { demoContainer } from './testing/demo-container.ts';

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

describe('historyItems', () => {
  it('links each history row that made a layer to that layer, newest first', () => {
    const { world, c } = demoContainer();
    const items = historyItems(world, c);
    const img = world.images.get(c.imageId)!;
    const ids = img.chain.map((ch) => world.layers.get(ch)!.layer.id);
    expect(items.map((i) => [i.label, i.layer])).toEqual([
      ['layer 3', ids[2]],
      ['layer 2', ids[1]],
      ['layer 1', ids[0]],
    ]);
    expect(items[0]!.createdBy).toMatch(/^\/bin\/sh -c sed -i/);
  });

  it('leaves an empty_layer row without a layer', () => {
    const [w1, image] = addImage(emptyWorld(), {
      ref: 'env',
      layers: [[{ path: '/a', type: 'file', content: 'a\n' }]],
      history: [
        { created: '2024-01-01T00:00:00Z', created_by: 'ADD a /' },
        { created: '2024-01-01T00:00:00Z', created_by: 'ENV A=1', empty_layer: true },
      ],
    });
    const [w2, c] = createContainer(w1, { image, imageRef: 'env', command: ['sh'], autoRemove: false });
    expect(historyItems(w2, c).map((i) => [i.createdBy, i.label])).toEqual([
      ['ENV A=1', null],
      ['ADD a /', 'layer 1'],
    ]);
  });
});

describe('hostView', () => {
  it("shows the container's upper and init dirs over its image's layer dirs, with link and lower", () => {
    const { world, c } = demoContainer();
    const v = hostView(world, c);
    expect(v.dirs.map((d) => d.role)).toEqual(['upper', 'init', 'layer 3', 'layer 2', 'layer 1']);
    const [upper, init, ...image] = v.dirs;
    expect(upper!.name).toBe(c.mountId);
    expect(upper!.entries).toEqual(['diff', 'link', 'lower', 'work']);
    expect(upper!.lower).toBe([init!, ...image].map((d) => `l/${d.link}`).join(':'));
    expect(upper!.diff).toEqual(['data', 'etc']);
    expect(image[2]!.lower).toBeNull();
    expect(v.all).toContain('l');
    expect(v.links).toContainEqual([upper!.link, `../${c.mountId}/diff`]);
  });
});
