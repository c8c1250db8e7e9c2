/**
 * `npm run conformance`: the simulator against the real kernel overlayfs and a private dockerd.
 * Generates the SEMANTICS.md cases and seeded random scenarios, runs them on both sides and compares
 * merged trees, upperdirs, `docker diff`, `docker ps -s` sizes, and `docker commit` of the container:
 * its history and its layer's tar. The last line is always "N passed, N failed".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { caseNamed, caseScenarios, NOT_COVERED, tableDaemonDifferences, tableDifferences } from './cases.ts';
import { compareDaemon, compareObserved, diffOrderProblems, tarLine, withoutBinContent } from './compare.ts';
import { DEFAULT_SEED, generateScenario, generateScenarios } from './generate.ts';
import { runBadArchiveChecks } from './bad-archives.ts';
import { runImageChecks } from './images.ts';
import { preflight } from './preflight.ts';
import { CannotRun, runAllReal } from './real.ts';
import type { RealRun } from './real.ts';
import { renderSim } from './render.ts';
import { printFailure, resetFailures, writeFailure } from './report.ts';
import type { Verdict } from './report.ts';
import { runReplay, writeScenarioFile } from './sim.ts';
import type { SimRun } from './sim.ts';
import type { Scenario } from './types.ts';

const REPO = dirname(dirname(fileURLToPath(import.meta.url)));
const FAILURES = join(REPO, 'conformance', 'failures');
const USAGE =
  'usage: npm run conformance -- [--seed N] [--count N] [--only NAME,…] [--concurrency N] [--real-only] [--verbose] [--dump FILE] [--images-only]';

interface Options {
  readonly seed: number;
  readonly count: number;
  readonly only: readonly string[];
  readonly concurrency: number;
  readonly realOnly: boolean;
  readonly verbose: boolean;
  /** Writes every scenario's real result as JSON Lines, for eyeballing or comparing two runs. */
  readonly dump: string | undefined;
  /** Only the real-images section (images.ts: docker save → engine → docker load); it also runs after a full run. */
  readonly imagesOnly: boolean;
}

const print = (line: string): void => console.log(line);

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seed: { type: 'string' },
      count: { type: 'string' },
      only: { type: 'string' },
      concurrency: { type: 'string' },
      'real-only': { type: 'boolean' },
      verbose: { type: 'boolean' },
      dump: { type: 'string' },
      'images-only': { type: 'boolean' },
    },
  });
  const number = (text: string | undefined, fallback: number, min: number): number => {
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(value) || value < min) throw new Error(`bad number "${text ?? ''}"\n${USAGE}`);
    return value;
  };
  return {
    seed: number(values.seed, DEFAULT_SEED, 0),
    count: number(values.count, 200, 0),
    only: values.only === undefined ? [] : values.only.split(',').filter((name) => name.length > 0),
    concurrency: number(values.concurrency, 2, 1),
    realOnly: values['real-only'] === true,
    verbose: values.verbose === true,
    dump: values.dump,
    imagesOnly: values['images-only'] === true,
  };
}

/** All cases plus `count` random scenarios, or just the named ones (a random name carries its seed). */
function selectScenarios(options: Options): Scenario[] {
  const cases = caseScenarios();
  if (options.only.length === 0) return [...cases, ...generateScenarios(options.seed, options.count)];
  return options.only.map((name) => {
    const known = cases.find((scenario) => scenario.name === name);
    if (known !== undefined) return known;
    const random = /^r(\d+)-(\d+)$/.exec(name);
    if (random === null) throw new Error(`unknown scenario ${name} (T01…T25 or r<seed>-<index>)`);
    return generateScenario(Number(random[1]), Number(random[2]));
  });
}

function judge(scenario: Scenario, real: RealRun | string, sim: SimRun | string | undefined): Verdict {
  if (typeof real === 'string') return { scenario, problems: [`real side could not run: ${real}`] };
  const problems: string[] = [];
  const tableCase = caseNamed(scenario.name);
  if (tableCase !== undefined) problems.push(...tableDifferences(tableCase, real.upper, real.diff));
  if (tableCase !== undefined && real.daemon !== undefined)
    problems.push(...tableDaemonDifferences(tableCase, real.daemon));
  if (sim === undefined) {
    problems.push(...diffOrderProblems(real.diff).map((problem) => `diff order (real): ${problem}`));
    return { scenario, problems, real };
  }
  if (typeof sim === 'string') return { scenario, problems: [...problems, `simulator: ${sim}`], real };
  problems.push(...compareObserved(real, sim), ...sim.daemonProblems);
  if (real.daemon !== undefined && sim.daemon !== undefined)
    problems.push(...compareDaemon(real.daemon, sim.daemon));
  else if (sim.daemonProblems.length === 0)
    problems.push('daemon: no ps -s / commit / history results to compare');
  return { scenario, problems, real, simExitCodes: sim.exitCodes };
}

function printReal(scenario: Scenario, real: RealRun | string): void {
  print(`${scenario.name}: ${scenario.lines.map(renderSim).join(' ⏎ ')}`);
  if (typeof real === 'string') return print(`    could not run: ${real}`);
  const upper = real.upper.map(
    (e) =>
      `${e.path}${e.type === 'dir' ? '/' : e.type === 'whiteout' ? '=wh' : ''}${e.opaque === true ? '[opq]' : ''}`,
  );
  print(`    exit ${real.exitCodes.join(' ')} | upper: ${upper.join(' ') || '(empty)'}`);
  print(`    diff: ${real.diff.join(', ') || '(nothing)'}`);
  const daemon = real.daemon;
  if (daemon === undefined) return;
  const layer = daemon.layersAdded === 0 ? 'no layer added' : `+${daemon.layersAdded} layer`;
  print(
    `    ps -s: ${daemon.psSize ?? '?'} (${daemon.sizeRw} bytes) | commit: ${layer}, empty_layer ${daemon.emptyLayer}, history SIZE ${daemon.historySizes.join(' ')}`,
  );
  if (daemon.tar !== null) print(`    tar: ${daemon.tar.map(tarLine).join(' | ') || '(empty)'}`);
}

function writeDump(file: string, scenarios: readonly Scenario[], real: readonly (RealRun | string)[]): void {
  const lines = scenarios.map((scenario, i) => {
    const result = real[i] ?? 'missing result';
    const shown =
      typeof result === 'string'
        ? { error: result }
        : { ...result, merged: withoutBinContent(result.merged) };
    return JSON.stringify({ name: scenario.name, lines: scenario.lines.map(renderSim), ...shown });
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function notRun(reason: string, count: number): number {
  print(`cannot run: ${reason}`);
  print(`${count} scenarios not run`);
  print(`0 passed, ${count} failed`);
  return 1;
}

async function main(): Promise<number> {
  process.umask(0o022);
  const options = parseOptions(process.argv.slice(2));
  if (options.imagesOnly) return imagesSection();
  const scenarios = selectScenarios(options);
  const cases = scenarios.filter((scenario) => scenario.seed === undefined).length;
  const random = scenarios.length - cases;
  print(
    `layerlab conformance: ${cases} SEMANTICS.md cases + ${random} random scenarios (seed ${options.seed})`,
  );
  const reason = await preflight();
  if (reason !== undefined) return notRun(reason, scenarios.length);

  resetFailures(FAILURES);
  const work = mkdtempSync(join(tmpdir(), 'layerlab-conformance-'));
  const removeWork = (): void => rmSync(work, { recursive: true, force: true });
  process.on('exit', removeWork);
  const started = Date.now();
  const scenarioDir = join(work, 'scenarios');
  mkdirSync(scenarioDir);
  const files = scenarios.map((scenario) => writeScenarioFile(scenarioDir, scenario));
  const replaying = options.realOnly ? undefined : runReplay(REPO, scenarios, files);
  let real: (RealRun | string)[];
  try {
    real = await runAllReal(work, scenarios, options.concurrency, print);
  } catch (error) {
    await replaying;
    if (error instanceof CannotRun) return notRun(error.message, scenarios.length);
    throw error;
  }
  const realSeconds = (Date.now() - started) / 1000;
  const replayed = await replaying;
  const seconds = (Date.now() - started) / 1000;
  print(`real side ${realSeconds.toFixed(0)} s, everything ${seconds.toFixed(0)} s`);
  if (options.dump !== undefined) writeDump(options.dump, scenarios, real);
  if (replayed !== undefined && 'unavailable' in replayed) {
    print(`the simulator could not be compared: ${replayed.unavailable}`);
  }

  let passed = 0;
  let failed = 0;
  scenarios.forEach((scenario, i) => {
    const realRun = real[i] ?? 'missing result';
    if (options.realOnly && (scenario.seed === undefined || options.verbose)) printReal(scenario, realRun);
    const sim =
      replayed === undefined || 'unavailable' in replayed ? undefined : (replayed.results[i] ?? 'no result');
    const verdict = judge(scenario, realRun, sim);
    const ok = verdict.problems.length === 0 && (replayed === undefined || 'results' in replayed);
    if (ok) return void passed++;
    failed++;
    if (verdict.problems.length === 0) return;
    printFailure(verdict, print);
    writeFailure(FAILURES, verdict);
  });
  if (failed > 0)
    print(`failing scenarios are in ${FAILURES}/ (npm run replay -- conformance/failures/NAME.json)`);
  print(`regenerate: npm run conformance -- --seed ${options.seed} --count ${options.count}, or --only NAME`);
  for (const note of NOT_COVERED) print(`not covered: ${note}`);
  if (options.realOnly)
    print('--real-only: the simulator was not compared; passed = ran and matched the SEMANTICS.md table');
  if (options.only.length === 0 && !options.realOnly) {
    const images = await realImageChecks(work);
    passed += images.passed;
    failed += images.failed;
  }
  print(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

async function imagesSection(): Promise<number> {
  const reason = await preflight();
  if (reason !== undefined) return notRun(reason, 3);
  const work = mkdtempSync(join(tmpdir(), 'layerlab-conformance-'));
  process.on('exit', () => rmSync(work, { recursive: true, force: true }));
  const r = await realImageChecks(work);
  return r.failed > 0 ? 1 : 0;
}

/** Issue #6 against dockerd: real images in and out, then bad archives refused (or loaded) alike. */
async function realImageChecks(work: string): Promise<{ passed: number; failed: number }> {
  const images = await runImageChecks(work, print);
  print(`real images in and out: ${images.passed} passed, ${images.failed} failed`);
  const bad = await runBadArchiveChecks(join(work, 'bad-archives'), print);
  print(`bad archives: ${bad.passed} passed, ${bad.failed} failed`);
  return { passed: images.passed + bad.passed, failed: images.failed + bad.failed };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    print(`conformance: ${error instanceof Error ? error.message : String(error)}`);
    print('0 passed, 0 failed');
    process.exit(2);
  },
);
