import { describe, expect, it } from 'vitest';
import { readTarHeaders } from './extra.ts';
import type { ReplayExtras } from './extra.ts';
import { replay } from './replay.ts';
import { parseScenario } from './scenario.ts';

// The replay's extra keys: exact SizeRw, and for committed images their history and new layer's tar.

const BASE = {
  ref: 'base:2',
  layers: [
    {
      entries: [
        { path: '/bin/sh', type: 'file', mode: '0755', content: '' },
        { path: '/bin/sleep', type: 'file', mode: '0755', content: '' },
        { path: '/data/a.txt', type: 'file', content: 'a\n' },
        { path: '/data/c.txt', type: 'file', content: 'c\n' },
        { path: '/data/sub/b.txt', type: 'file', content: 'b\n' },
      ],
    },
  ],
};

/** Types the lines in a container of base:2, then commits it as out:2. */
function run(...lines: string[]): ReplayExtras & ReturnType<typeof replay> {
  const parsed = parseScenario({
    images: [BASE],
    commands: [
      'docker run -d --name c1 base:2',
      'docker exec -it c1 sh',
      ...lines,
      'exit',
      'docker commit c1 out:2',
    ],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const out = replay(parsed.scenario);
  expect(out.transcript.map((t) => t.exitCode)).toEqual(out.transcript.map(() => 0));
  return out as ReplayExtras & ReturnType<typeof replay>;
}

const names = (out: ReplayExtras): string[] => out.layers[0]!.newLayer!.tar.map((e) => e.name);

describe('sizeRw', () => {
  it('is the bytes of the upper: hard links once, whiteouts 0, a symlink its target length (F1)', () => {
    expect(run('echo more >> /data/a.txt').containers[0]!.sizeRw).toBe(7);
    expect(run('ln /data/a.txt /data/hard').containers[0]!.sizeRw).toBe(2);
    expect(run('rm /data/a.txt').containers[0]!.sizeRw).toBe(0);
    expect(run('ln -s /data/a.txt /data/link').containers[0]!.sizeRw).toBe('/data/a.txt'.length);
  });

  it('leaves the REPLAY.md fields as they were', () => {
    const c = run('echo x > /data/x').containers[0]!;
    expect(Object.keys(c)).toEqual(['name', 'id', 'image', 'merged', 'upper', 'diff', 'sizeRw']);
  });
});

describe('layers of committed images', () => {
  it('lists only committed images, with history oldest first and every size in bytes', () => {
    const out = run('echo more >> /data/a.txt');
    expect(out.layers).toHaveLength(1);
    const img = out.layers[0]!;
    expect(img.refs).toEqual(['out:2']);
    expect(img.id).toBe(out.images.find((i) => i.ref === 'out:2')!.id);
    expect(img.parent).toBe(out.images.find((i) => i.ref === 'base:2')!.id);
    expect(img.history.map((h) => [h.emptyLayer, h.size])).toEqual([
      [false, 6],
      [false, 7],
    ]);
    expect(img.history[1]!.createdBy).toBe('sleep infinity');
    expect(img.newLayer!.size).toBe(7);
    expect(img.newLayer!.diffId).toBe(out.images.find((i) => i.ref === 'out:2')!.diffIds[1]);
  });

  it('T20: a commit of an empty upper adds no layer and says empty_layer, with no size', () => {
    const img = run('cat /data/a.txt').layers[0]!;
    expect(img.history[1]).toEqual({ createdBy: 'sleep infinity', emptyLayer: true });
    expect(img.newLayer).toBeNull();
  });

  it('T25: the tar lists a whiteout at its sort position, mode 0600 and size 0', () => {
    const out = run('rm /data/c.txt && touch /data/0new /data/zzz');
    expect(names(out)).toEqual(['data/', 'data/0new', 'data/.wh.c.txt', 'data/zzz']);
    expect(out.layers[0]!.newLayer!.tar[2]).toEqual({
      name: 'data/.wh.c.txt',
      type: '0',
      mode: '0600',
      size: 0,
    });
  });

  it('T7: an opaque dir is followed by its .wh..wh..opq with the dir permission bits', () => {
    const out = run('rm -r /data/sub && mkdir /data/sub && chmod 700 /data/sub && echo n > /data/sub/new');
    expect(out.layers[0]!.newLayer!.tar).toEqual([
      { name: 'data/', type: '5', mode: '0755', size: 0 },
      { name: 'data/sub/', type: '5', mode: '0700', size: 0 },
      { name: 'data/sub/.wh..wh..opq', type: '0', mode: '0700', size: 0 },
      { name: 'data/sub/new', type: '0', mode: '0644', size: 2 },
    ]);
  });

  it('T16: a second name of a file is a hard link with size 0 and the first name as linkname', () => {
    const tar = run('ln /data/a.txt /data/hard').layers[0]!.newLayer!.tar;
    expect(tar.slice(1)).toEqual([
      { name: 'data/a.txt', type: '0', mode: '0644', size: 2 },
      { name: 'data/hard', type: '1', mode: '0644', size: 0, linkname: 'data/a.txt' },
    ]);
  });

  it('reads names too long for USTAR from their PAX records', () => {
    const long = 'n'.repeat(120);
    const tar = run(`mkdir /data/d && echo x > /data/d/${long} && ln -s ${long} /data/d/l${long}`).layers[0]!
      .newLayer!.tar;
    expect(tar.map((e) => e.name)).toEqual(['data/', 'data/d/', `data/d/l${long}`, `data/d/${long}`]);
    expect(tar[2]).toMatchObject({ type: '2', linkname: long });
    expect(tar[3]).toMatchObject({ type: '0', size: 2 });
  });
});

describe('readTarHeaders', () => {
  it('stops at the end-of-archive blocks', () => {
    expect(readTarHeaders(new Uint8Array(1024))).toEqual([]);
  });
});
