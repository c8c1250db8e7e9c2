import { describe, expect, it } from 'vitest';
import { holdMs, MOTION_MS, motionMs, SPEEDS, stepMs } from './durations.ts';
import type { Step } from './step.ts';
import { DemoContainer } from './testing/demo-container.ts';

const c = new DemoContainer();
const lookup = c.run('cat /etc/app/mime.types').steps[0]!;
const copy = c.run('echo hi >> /etc/app/app.conf').steps.find((s) => s.kind === 'copy-up-prepare')!;

describe('step durations', () => {
  it('are all 0 at speed 0 (tests, reduced motion)', () => {
    for (const s of [lookup, copy]) {
      expect(motionMs(s, 0)).toBe(0);
      expect(holdMs(s, 0)).toBe(0);
      expect(stepMs(s, 0)).toBe(0);
    }
  });

  it('halve at speed 2 and double at speed 0.5', () => {
    expect(motionMs(copy, 2)).toBe(MOTION_MS['copy-up-prepare'] / 2);
    expect(motionMs(copy, 0.5)).toBe(MOTION_MS['copy-up-prepare'] * 2);
  });

  it('give a lookup more time the more layers its probe passes', () => {
    const short: Step = { ...lookup, highlights: lookup.highlights.slice(0, 2) };
    expect(motionMs(lookup, 1)).toBeGreaterThan(motionMs(short, 1));
  });

  it('hold each step long enough to read, up to a cap', () => {
    expect(holdMs(copy, 1)).toBeGreaterThan(0);
    expect(holdMs({ ...copy, text: 'word '.repeat(500) }, 1)).toBe(1500);
  });

  it('are positive for every kind at every speed but 0', () => {
    for (const speed of SPEEDS.filter((s) => s !== 0))
      for (const kind of Object.keys(MOTION_MS) as Step['kind'][])
        expect(motionMs({ ...copy, kind }, speed)).toBeGreaterThan(0);
  });
});
