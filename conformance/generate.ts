/** Random scenarios: a seeded image plus a seeded sequence of container operations. */
import { generateImage } from './genimage.ts';
import { generateLines } from './recipes.ts';
import { deriveSeed, Rng } from './rng.ts';
import type { Scenario } from './types.ts';

export const DEFAULT_SEED = 1;

export function scenarioName(seed: number, index: number): string {
  return `r${seed}-${String(index).padStart(3, '0')}`;
}

/** Scenario `index` of a run seeded with `seed`; each one depends on (seed, index) only. */
export function generateScenario(seed: number, index: number): Scenario {
  const rng = new Rng(deriveSeed(seed, index));
  const name = scenarioName(seed, index);
  const { image, facts } = generateImage(rng, `conf-${name}:1`);
  const lines = generateLines(rng, facts);
  return { name, seed, image, lines };
}

export function generateScenarios(seed: number, count: number): Scenario[] {
  return Array.from({ length: count }, (_, index) => generateScenario(seed, index));
}
