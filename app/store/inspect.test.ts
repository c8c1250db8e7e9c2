import { describe, expect, it } from 'vitest';
import type { AbsPath } from '../engine/ids.ts';
import { inspectPath } from './inspect.ts';
import { demoContainer } from './testing/demo-container.ts';

const at = (p: string) => p as AbsPath;
const roles = (i: ReturnType<typeof inspectPath>) => i.copies.map((x) => [x.label, x.role]);

describe('inspectPath', () => {
  it('names the upper as provider of a copied-up file and the lower copies it shadows', () => {
    const { world, c } = demoContainer();
    const i = inspectPath(world, c, at('/etc/app/app.conf'));
    expect(i.provider).toBe('upper');
    expect(i.owner).toBe('root:root');
    expect(roles(i)).toEqual([
      ['upper', 'provides'],
      ['layer 3', 'shadowed'],
      ['layer 2', 'shadowed'],
    ]);
  });

  it('shows a deleted file as a whiteout over the copy it hides', () => {
    const { world, c } = demoContainer();
    const i = inspectPath(world, c, at('/etc/debian_version'));
    expect(i.seen).toBeNull();
    expect(roles(i)).toEqual([
      ['upper', 'whiteout'],
      ['layer 1', 'hidden'],
    ]);
  });

  it('shows the merged parts of a directory', () => {
    const { world, c } = demoContainer();
    const i = inspectPath(world, c, at('/srv/www'));
    expect(i.provider).toBe('layer 3');
    expect(roles(i)).toEqual([
      ['layer 3', 'provides'],
      ['layer 2', 'merged'],
    ]);
  });

  it("an image layer's whiteout hides the file below it", () => {
    const { world, c } = demoContainer();
    expect(roles(inspectPath(world, c, at('/srv/www/old-banner.txt')))).toEqual([
      ['layer 3', 'whiteout'],
      ['layer 2', 'hidden'],
    ]);
  });
});
