import { describe, expect, it } from 'vitest';
import type { AbsPath } from '../../engine/ids.ts';
import { DemoContainer } from '../../timeline/testing/demo-container.ts';
import { columnOf, crumbs, formatBytes, stackLayout } from './layout.ts';

const p = (s: string) => s as AbsPath;
const HEX12 = /^[0-9a-f]{12}$/;

function demo(...lines: string[]) {
  const d = new DemoContainer();
  for (const l of lines) d.run(l);
  const w = d.session.world;
  return { d, w, c: w.containers.get(d.id)! };
}

describe('stackLayout of a fresh demo container', () => {
  it('has merged, upper, init, then the three image layers top first, each with a 12-hex ID', () => {
    const { w, c, d } = demo();
    const l = stackLayout(w, c);
    expect(l.bands.map((b) => b.kind)).toEqual(['merged', 'upper', 'init', 'image', 'image', 'image']);
    for (const b of l.bands) {
      expect(b.shortId).toMatch(HEX12);
      expect(
        b.label.startsWith(
          `${{ merged: 'Merged', upper: 'Upper', init: 'Init', image: 'Image layer' }[b.kind]} ${b.shortId}`,
        ),
      ).toBe(true);
    }
    expect(l.bands[1]!.shortId).toBe(c.id.slice(0, 12));
    const top = d.imageLayers[d.imageLayers.length - 1]!;
    expect(l.bands[3]!.ref).toEqual({ band: 'layer', layer: top });
    expect(l.bands[3]!.size).not.toBeNull();
  });

  it('aligns columns by name in byte order; etc is a dir in the merged band', () => {
    const { w, c } = demo();
    const l = stackLayout(w, c);
    expect([...l.columns]).toEqual([...l.columns].sort());
    const i = l.columns.indexOf('etc');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(l.bands[0]!.tiles[i]).toBe('dir');
    expect(l.bands[1]!.tiles[i]).toBeNull(); // nothing written yet
  });
});

describe('stackLayout after a write to a lower file', () => {
  it('shows the copy in the upper and the original below, at /etc/app', () => {
    const { w, c } = demo('echo hi >> /etc/app/app.conf');
    const l = stackLayout(w, c, p('/etc/app'));
    const i = l.columns.indexOf('app.conf');
    expect(l.bands[0]!.tiles[i]).toBe('file');
    expect(l.bands[1]!.tiles[i]).toBe('file');
    expect(l.bands.filter((b) => b.kind === 'image').some((b) => b.tiles[i] === 'file')).toBe(true);
  });
});

describe('stackLayout after rm and rm -r then mkdir', () => {
  it('draws a whiteout in the upper and no merged tile; an opaque dir after rm -r + mkdir', () => {
    const { w, c } = demo('rm /etc/app/app.conf', 'rm -r /etc/app', 'mkdir /etc/app');
    const etc = stackLayout(w, c, p('/etc'));
    expect(etc.bands[1]!.tiles[etc.columns.indexOf('app')]).toBe('opaque');
    const { w: w2, c: c2 } = demo('rm /etc/app/app.conf');
    const l = stackLayout(w2, c2, p('/etc/app'));
    const i = l.columns.indexOf('app.conf');
    expect(l.bands[1]!.tiles[i]).toBe('whiteout');
    expect(l.bands[0]!.tiles[i]).toBeNull();
  });
});

describe('a directory with thousands of entries', () => {
  it('is paged: at most `limit` columns, with the total and offset', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `f${String(i).padStart(4, '0')}`);
    const { w, c } = demo('mkdir /big', `touch ${names.map((n) => `/big/${n}`).join(' ')}`);
    const l = stackLayout(w, c, p('/big'), 100, 20);
    expect(l.total).toBe(3000);
    expect(l.columns).toHaveLength(20);
    expect(l.columns[0]).toBe('f0100');
    expect(l.bands.every((b) => b.tiles.length === 20)).toBe(true);
    expect(stackLayout(w, c, p('/big'), 0, 20, 'f2345').offset).toBe(2340);
  });
});

describe('helpers', () => {
  it('crumbs, columnOf and formatBytes', () => {
    expect(crumbs(p('/etc/app')).map((x) => x.path)).toEqual(['/', '/etc', '/etc/app']);
    expect(columnOf(p('/etc'), p('/etc/app/app.conf'))).toBe('app');
    expect(columnOf(p('/'), p('/etc'))).toBe('etc');
    expect(columnOf(p('/usr'), p('/etc/x'))).toBeNull();
    expect(columnOf(p('/etc'), p('/etc'))).toBeNull();
    expect(formatBytes(47)).toBe('47 B');
    expect(formatBytes(1234)).toBe('1.2 kB');
  });
});
