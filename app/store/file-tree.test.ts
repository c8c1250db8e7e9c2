import { describe, expect, it } from 'vitest';
import type { AbsPath } from '../engine/ids.ts';
import { containerChanges, layerChoices, listDir, NO_FILTER, searchTree } from './file-tree.ts';
import { demoContainer } from './testing/demo-container.ts';

const dir = (p: string) => p as AbsPath;

describe('layerChoices', () => {
  it('names the upper, the init layer and the image layers numbered from the bottom', () => {
    const { world, c } = demoContainer();
    expect(layerChoices(world, c).map((l) => l.label)).toEqual([
      'upper',
      'init',
      'layer 3',
      'layer 2',
      'layer 1',
    ]);
    expect(layerChoices(world, c)[0]!.id).toBe(c.upper.id);
  });
});

describe('listDir of the merged view', () => {
  it('gives each entry the layer it comes from and its docker diff letter', () => {
    const { world, c } = demoContainer();
    const rows = listDir(world, c, { kind: 'merged' }, dir('/etc/app'))!;
    expect(rows.map((r) => [r.name, r.level, r.change])).toEqual([
      ['app.conf', 0, 'C'],
      ['mime.types', 3, null],
    ]);
  });

  it('shows a deleted name as a deleted row, so the deletion can be seen', () => {
    const { world, c } = demoContainer();
    const gone = listDir(world, c, { kind: 'merged' }, dir('/etc'))!.find((r) => r.name === 'debian_version');
    expect(gone).toMatchObject({ change: 'D', deleted: true, level: 0 });
    expect(gone!.node.kind).toBe('whiteout');
  });

  it('is null for a path that is not a directory', () => {
    const { world, c } = demoContainer();
    expect(listDir(world, c, { kind: 'merged' }, dir('/etc/passwd'))).toBeNull();
  });
});

describe('listDir of one layer', () => {
  it("lists the layer's own tree, whiteouts included", () => {
    const { world, c } = demoContainer();
    const top = listDir(world, c, { kind: 'layer', level: 2 }, dir('/srv/www'))!;
    expect(top.map((r) => [r.name, r.node.kind])).toEqual([
      ['index.html', 'file'],
      ['old-banner.txt', 'whiteout'],
    ]);
  });
});

describe('searchTree', () => {
  it('finds names anywhere in the merged view, any case', () => {
    const { world, c } = demoContainer();
    const r = searchTree(world, c, { kind: 'merged' }, { ...NO_FILTER, query: 'APP.' });
    expect(r.rows.map((e) => e.path)).toEqual(['/etc/app/app.conf']);
  });

  it('matches the path when the query holds a slash', () => {
    const { world, c } = demoContainer();
    const r = searchTree(world, c, { kind: 'merged' }, { ...NO_FILTER, query: 'srv/www/' });
    expect(r.rows.map((e) => e.name)).toEqual(['index.html', 'style.css']);
  });

  it('filters by type and by docker diff letter', () => {
    const { world, c } = demoContainer();
    const byChange = (change: 'A' | 'C' | 'D') =>
      searchTree(world, c, { kind: 'merged' }, { ...NO_FILTER, change }).rows.map((e) => e.path);
    expect(byChange('A')).toEqual(['/data', '/data/notes.txt']);
    expect(byChange('D')).toEqual(['/etc/debian_version']);
    expect(byChange('C')).toEqual(['/etc', '/etc/app', '/etc/app/app.conf']);
    const links = searchTree(world, c, { kind: 'merged' }, { ...NO_FILTER, type: 'symlink' }).rows;
    expect(links.every((e) => e.node.kind === 'symlink')).toBe(true);
    expect(links.length).toBeGreaterThan(3);
  });

  it('lists at most the limit and counts the rest', () => {
    const { world, c } = demoContainer();
    const all = searchTree(world, c, { kind: 'merged' }, NO_FILTER);
    const cut = searchTree(world, c, { kind: 'merged' }, NO_FILTER, 10);
    expect(cut.rows).toHaveLength(10);
    expect(cut.total).toBe(all.total);
  });

  it('agrees with docker diff', () => {
    const { world, c } = demoContainer();
    expect(containerChanges(world, c).map((x) => `${x.kind} ${x.path}`)).toEqual([
      'A /data',
      'A /data/notes.txt',
      'C /etc',
      'C /etc/app',
      'C /etc/app/app.conf',
      'D /etc/debian_version',
    ]);
  });
});
