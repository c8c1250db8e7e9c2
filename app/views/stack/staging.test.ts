import { describe, expect, it } from 'vitest';
import type { AbsPath } from '../../engine/ids.ts';
import { DemoContainer } from '../../timeline/testing/demo-container.ts';
import { stackLayout } from './layout.ts';
import { ghostRow, placeMarks, stackRows } from './marks.ts';
import { stagedLayout } from './staging.ts';

const p = (s: string) => s as AbsPath;

/** The demo container, one line typed, and the stack at /etc/app staged at each of its steps. */
function staged(line: string, dir = '/etc/app') {
  const d = new DemoContainer();
  const before = d.session.world;
  const { steps } = d.run(line);
  const w = d.session.world;
  const c = w.containers.get(d.id)!;
  const after = stackLayout(w, c, p(dir));
  const at = (index: number, done = false) => stagedLayout(after, before, c, steps, index, done);
  const tile = (l: ReturnType<typeof at>, band: number, name: string) =>
    l.bands[band]!.tiles[l.columns.indexOf(name)];
  return { steps, after, at, tile };
}

describe('stagedLayout: a command changes the stack step by step', () => {
  it('copy-up: the upper holds app.conf only from the step that moves the copy in', () => {
    const { steps, at, tile } = staged('echo hi >> /etc/app/app.conf');
    const kinds = steps.map((s) => s.kind);
    expect(kinds).toEqual(['copy-up-parents', 'copy-up-prepare', 'copy-up-move', 'write']);
    expect(tile(at(0), 1, 'app.conf')).toBeNull();
    expect(tile(at(1), 1, 'app.conf')).toBeNull(); // still in WorkDir
    expect(tile(at(2), 1, 'app.conf')).toBe('file');
    // The original below never changes.
    for (const i of [0, 1, 2, 3])
      expect(
        at(i).bands.some(
          (b) => b.kind === 'image' && tile(at(i), at(i).bands.indexOf(b), 'app.conf') === 'file',
        ),
      ).toBe(true);
  });

  it('delete: the whiteout appears in the upper, and the merged tile goes, at the whiteout step', () => {
    const { steps, at, tile, after } = staged('rm /etc/app/app.conf');
    const w = steps.findIndex((s) => s.kind === 'whiteout');
    expect(w).toBeGreaterThanOrEqual(0);
    if (w > 0) {
      expect(tile(at(w - 1), 1, 'app.conf')).toBeNull();
      expect(tile(at(w - 1), 0, 'app.conf')).toBe('file');
    }
    expect(tile(at(w), 1, 'app.conf')).toBe('whiteout');
    expect(tile(at(w), 0, 'app.conf')).toBeNull();
    expect(at(steps.length - 1, true)).toBe(after);
  });
});

describe('marks that travel', () => {
  it('the copy rises from the original into WorkDir, then from WorkDir into the upper, carrying its letter', () => {
    const d = new DemoContainer();
    const { steps } = d.run('echo hi >> /etc/app/app.conf');
    const w = d.session.world;
    const layout = stackLayout(w, w.containers.get(d.id)!, p('/etc/app'));
    const rows = stackRows(layout);
    const work = rows.findIndex((r) => r.kind === 'work');
    const prepare = placeMarks(steps[1], layout, rows).find((m) => m.mark === 'copy')!;
    expect(prepare.row).toBe(work);
    expect(rows[prepare.fromRow!]!.kind).toBe('image');
    expect(prepare.letter).toBe('F');
    const move = placeMarks(steps[2], layout, rows).find((m) => m.mark === 'copy')!;
    expect(rows[move.row]!.kind).toBe('upper');
    expect(move.fromRow).toBe(work);
  });

  it("a lookup's marks appear one band after another, top first", () => {
    const d = new DemoContainer();
    const { steps } = d.run('cat /etc/app/app.conf');
    const w = d.session.world;
    const layout = stackLayout(w, w.containers.get(d.id)!, p('/etc/app'));
    const rows = stackRows(layout);
    const marks = steps.flatMap((s) => placeMarks(s, layout, rows)).filter((m) => m.column >= 0 && m.at > 0);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.at).toBeLessThanOrEqual(1);
  });
});

describe('ghostRow: the layer a commit stacks', () => {
  it('is drawn while the commit stacks it, with its diff ID and the new image name', () => {
    const d = new DemoContainer();
    d.run('echo hi > /greeting');
    d.exit();
    const { steps } = d.run('docker commit web demo:hi');
    const layerAt = steps.findIndex((s) => s.kind === 'commit-layer');
    expect(ghostRow(steps, layerAt - 1, false)).toBeNull();
    const g = ghostRow(steps, layerAt, false)!;
    expect(g.shortId).toMatch(/^[0-9a-f]{12}$/);
    expect(g.image).toBe('demo:hi');
    expect(ghostRow(steps, layerAt, true)).toBeNull();
    const w = d.session.world;
    const rows = stackRows(stackLayout(w, w.containers.get(d.id)!), g);
    const init = rows.findIndex((r) => r.kind === 'init');
    expect(rows[init + 1]!.label).toBe(`Image layer ${g.shortId} (new, of demo:hi)`);
  });
});
