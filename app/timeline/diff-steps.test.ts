import { describe, expect, it } from 'vitest';
import { diffSteps } from './diff-steps.ts';
import { DemoContainer } from './testing/demo-container.ts';

describe('docker diff lines', () => {
  const c = new DemoContainer();
  c.run('echo hi >> /etc/app/app.conf');
  c.run('rm /srv/www/index.html');
  c.run('echo new > /TEST');
  c.exit();
  const out = c
    .run('docker diff web')
    .result.output.map((o) => o.text)
    .join('');
  const lines = out.split('\n');
  const steps = diffSteps(lines, c.upper);

  it('make one step per line, in the order docker prints them', () => {
    expect(steps.map((s) => s.detail)).toEqual(lines.filter(Boolean));
    expect(steps.every((s) => s.kind === 'diff-line')).toBe(true);
  });

  it('explain A, C and D', () => {
    const text = (line: string): string => steps.find((s) => s.detail === line)!.text;
    expect(text('A /TEST')).toBe(
      "A /TEST: added — it is in the container's filesystem but not in the image it started from.",
    );
    expect(text('C /etc')).toBe(
      'C /etc: changed, because something beneath this directory changed (or its own mode or owner did).',
    );
    expect(text('C /etc/app/app.conf')).toBe(
      "C /etc/app/app.conf: changed — its type, mode, owner, size or modification time differs from the image's.",
    );
    expect(text('D /srv/www/index.html')).toMatch(
      /^D \/srv\/www\/index\.html: deleted — it is in the image but not in the container/,
    );
  });

  it('mark the entry in the container’s upper beside its directory', () => {
    const d = steps.find((s) => s.detail === 'D /srv/www/index.html')!;
    expect(d.highlights).toEqual([
      { at: { band: 'layer', layer: c.upper }, path: '/srv/www/index.html', mark: 'gone' },
    ]);
    expect(d.focusDir).toBe('/srv/www');
  });

  it('mark the merged view when the upper is not given, and skip what is not a change line', () => {
    const s = diffSteps(['Error response from daemon: No such container: x', '', 'A /x']);
    expect(s).toHaveLength(1);
    expect(s[0]!.highlights[0]!.at).toEqual({ band: 'merged' });
  });
});

describe('docker diff typed at the terminal', () => {
  it('tells each line as a step, marked on the container upper, in the order docker prints them', () => {
    const d = new DemoContainer();
    d.run('rm /etc/os-release');
    d.run('echo hi > /greeting');
    d.exit();
    const { steps, ctx } = d.run('docker diff web');
    expect(steps.map((s) => s.detail)).toEqual(['C /etc', 'D /etc/os-release', 'A /greeting']);
    const upper = ctx.container?.(d.id)?.upper;
    expect(
      steps.every((s) => s.highlights[0]!.at.band === 'layer' && s.highlights[0]!.at.layer === upper),
    ).toBe(true);
  });
});
