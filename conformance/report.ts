/** What a person reads after a run: one block per failing scenario, and files to replay it. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutBinContent } from './compare.ts';
import { renderSim } from './render.ts';
import { replayScenario } from './sim.ts';
import type { Observed, Scenario } from './types.ts';

export const MAX_SHOWN = 20;

export interface Verdict {
  readonly scenario: Scenario;
  readonly problems: readonly string[];
  readonly real?: Observed & { readonly exitCodes: readonly number[] };
  readonly simExitCodes?: readonly (number | undefined)[];
}

export function printFailure(verdict: Verdict, print: (line: string) => void): void {
  const { scenario, problems, real, simExitCodes } = verdict;
  const seed = scenario.seed === undefined ? 'SEMANTICS.md case' : `seed ${scenario.seed}`;
  print(`FAIL ${scenario.name} (${seed})`);
  if (scenario.volumes !== undefined)
    print(`    (docker run ${scenario.volumes.map((v) => `-v ${v}`).join(' ')})`);
  scenario.lines.forEach((line, i) => {
    const codes = [
      real === undefined ? '' : `real exit ${real.exitCodes[i] ?? '?'}`,
      simExitCodes === undefined ? '' : `sim exit ${simExitCodes[i] ?? '?'}`,
    ].filter((part) => part !== '');
    print(`    $ ${renderSim(line)}${codes.length > 0 ? `    [${codes.join(', ')}]` : ''}`);
  });
  for (const problem of problems.slice(0, MAX_SHOWN)) print(`    ${problem}`);
  if (problems.length > MAX_SHOWN) print(`    … ${problems.length - MAX_SHOWN} more`);
}

/** Empties the failures dir of a previous run, so what is there always belongs to the last run. */
export function resetFailures(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (/\.(json|jsonl)$/.test(name)) rmSync(join(dir, name));
}

/** `<name>.json` is a replayable scenario file; `<name>.real.jsonl` holds what the real side showed. */
export function writeFailure(dir: string, verdict: Verdict): void {
  const { scenario, real } = verdict;
  writeFileSync(join(dir, `${scenario.name}.json`), `${JSON.stringify(replayScenario(scenario), null, 2)}\n`);
  if (real !== undefined) {
    const shown = { ...real, merged: withoutBinContent(real.merged), upper: withoutBinContent(real.upper) };
    writeFileSync(join(dir, `${scenario.name}.real.jsonl`), `${JSON.stringify(shown)}\n`);
  }
}
