/**
 * The simulator side: scenarios written as REPLAY.md scenario files, replayed by `npm run replay`
 * (all files in one run), and the container's merged tree, upper and diff read from its JSON Lines,
 * with the daemon's view (`docker ps -s`, commit, history) from the replay's extra keys.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitRef, sizeColumn } from './daemon.ts';
import { exec } from './exec.ts';
import { renderSim } from './render.ts';
import type { DaemonObserved, Observed, Scenario, TarListEntry, TreeEntry } from './types.ts';

export const CONTAINER = 'c1';

export interface SimRun extends Observed {
  /** Exit code the simulator reported for each container command line. */
  readonly exitCodes: readonly (number | undefined)[];
  /** Daemon commands after the container lines that failed in the simulator, or output it lacks. */
  readonly daemonProblems: readonly string[];
}

/** After the container lines, both sides run these (the real one with exact-number flags). */
export const PS_LINE = 'docker ps -a -s --no-trunc';
export const commitLine = (scenario: Scenario): string => `docker commit ${CONTAINER} ${commitRef(scenario)}`;
export const historyLine = (scenario: Scenario): string => `docker history --no-trunc ${commitRef(scenario)}`;

/**
 * The scenario as a person would type it: start a container, open a shell, type the lines, look at
 * the diff and the sizes, commit the container and look at the image's history.
 */
export function replayScenario(scenario: Scenario): { images: unknown[]; commands: string[] } {
  return {
    images: [scenario.image],
    commands: [
      [
        'docker run -d',
        ...(scenario.volumes ?? []).map((v) => `-v ${v}`),
        `--name ${CONTAINER}`,
        scenario.image.ref,
      ].join(' '),
      `docker exec -it ${CONTAINER} sh`,
      ...scenario.lines.map(renderSim),
      'exit',
      `docker diff ${CONTAINER}`,
      PS_LINE,
      commitLine(scenario),
      historyLine(scenario),
    ],
  };
}

export function writeScenarioFile(dir: string, scenario: Scenario): string {
  const file = join(dir, `${scenario.name}.json`);
  writeFileSync(file, `${JSON.stringify(replayScenario(scenario), null, 2)}\n`);
  return file;
}

export type ReplayResults =
  | { readonly results: readonly (SimRun | string)[] }
  /** The replay printed nothing at all: not there yet, or broken. */
  | { readonly unavailable: string };

/**
 * Replays all files in one process. Each file gets its result or why there is none. When the
 * replay prints fewer lines than files (some file rejected), each file is replayed alone so that
 * results stay aligned with files.
 */
export async function runReplay(
  repo: string,
  scenarios: readonly Scenario[],
  files: readonly string[],
): Promise<ReplayResults> {
  const batch = await replay(repo, files);
  const parse = (line: string, i: number): SimRun | string => {
    const scenario = scenarios[i];
    return scenario === undefined ? 'no scenario' : parseOutput(line, files[i] ?? '', scenario);
  };
  if (batch.lines.length === files.length) {
    return { results: batch.lines.map(parse) };
  }
  if (batch.lines.length === 0) {
    const stderr = batch.stderr.trim().split('\n').slice(0, 8).join('\n    ');
    return { unavailable: `npm run replay exited ${batch.code} and printed nothing:\n    ${stderr}` };
  }
  const results: (SimRun | string)[] = [];
  for (const [i, file] of files.entries()) {
    const one = await replay(repo, [file]);
    const line = one.lines[0];
    results.push(line === undefined ? `replay rejected the file: ${one.stderr.trim()}` : parse(line, i));
  }
  return { results };
}

async function replay(
  repo: string,
  files: readonly string[],
): Promise<{ code: number; lines: string[]; stderr: string }> {
  const result = await exec('npm', ['run', '--silent', 'replay', '--', ...files], { cwd: repo });
  const lines = result.stdout.split('\n').filter((line) => line.trim().length > 0);
  return { code: result.code, lines, stderr: result.stderr };
}

export function parseOutput(line: string, file: string, scenario: Scenario): SimRun | string {
  let output: unknown;
  try {
    output = JSON.parse(line);
  } catch {
    return `replay printed a line that is not JSON for ${file}: ${line.slice(0, 200)}`;
  }
  const containers = field(output, 'containers');
  const container = Array.isArray(containers)
    ? containers.find((c) => field(c, 'name') === CONTAINER)
    : undefined;
  if (container === undefined) {
    const transcript = field(output, 'transcript');
    const run = Array.isArray(transcript) ? transcript[0] : undefined;
    return `replay output has no container ${CONTAINER}; docker run said: ${JSON.stringify(field(run, 'output'))}`;
  }
  const merged = field(container, 'merged');
  const upper = field(container, 'upper');
  const diff = field(container, 'diff');
  if (
    !isEntries(merged) ||
    !isEntries(upper) ||
    !Array.isArray(diff) ||
    !diff.every((d) => typeof d === 'string')
  ) {
    return 'replay output: containers[].merged/upper/diff missing or malformed';
  }
  const transcript = field(output, 'transcript');
  const steps: unknown[] = Array.isArray(transcript) ? transcript : [];
  const exitCodes = steps.slice(2, 2 + scenario.lines.length).map((step) => {
    const code = field(step, 'exitCode');
    return typeof code === 'number' ? code : undefined;
  });
  const { daemon, problems } = daemonOutput(output, steps, scenario);
  return { merged, upper, diff, exitCodes, ...(daemon ? { daemon } : {}), daemonProblems: problems };
}

/**
 * The daemon's view from the replay: `sizeRw` of the container and `layers` (extra keys, see
 * app/replay/extra.ts), and the SIZE column of the `docker ps -s` line's output.
 */
function daemonOutput(
  output: unknown,
  steps: readonly unknown[],
  scenario: Scenario,
): { daemon?: DaemonObserved; problems: string[] } {
  const problems: string[] = [];
  const commands = replayScenario(scenario).commands;
  const step = (command: string): { output: string; exitCode: unknown } => {
    const found = steps[commands.indexOf(command)];
    return { output: String(field(found, 'output') ?? ''), exitCode: field(found, 'exitCode') };
  };
  const psStep = step(PS_LINE);
  let psSize: string | null = null;
  for (const command of [PS_LINE, commitLine(scenario), historyLine(scenario)]) {
    const { output: said, exitCode } = step(command);
    if (exitCode !== 0)
      problems.push(`sim: \`${command}\` exited ${String(exitCode)}: ${said.trim().split('\n')[0] ?? ''}`);
  }
  if (psStep.exitCode === 0) {
    const row = psStep.output.split('\n').find((line) => new RegExp(` ${CONTAINER}\\s`).test(line)) ?? '';
    psSize = sizeColumn(/\S+ \(virtual [^)]*\)\s*$/.exec(row)?.[0].trim() ?? '') ?? null;
    if (psSize === null) problems.push(`sim: \`${PS_LINE}\` shows no SIZE for ${CONTAINER}: "${row}"`);
  }

  const containers = field(output, 'containers');
  const container = Array.isArray(containers)
    ? containers.find((c) => field(c, 'name') === CONTAINER)
    : undefined;
  const sizeRw = field(container, 'sizeRw');
  const ref = commitRef(scenario);
  const image = list(field(output, 'layers')).find((l) => list(field(l, 'refs')).includes(ref));
  const history = field(image, 'history');
  const images = list(field(output, 'images'));
  const diffIds = (r: string): unknown =>
    field(
      images.find((i) => field(i, 'ref') === r),
      'diffIds',
    );
  const committedIds = diffIds(ref);
  const parentIds = diffIds(scenario.image.ref);
  if (
    typeof sizeRw !== 'number' ||
    !Array.isArray(history) ||
    !Array.isArray(committedIds) ||
    !Array.isArray(parentIds)
  ) {
    if (step(commitLine(scenario)).exitCode === 0)
      problems.push(`replay output: no sizeRw for ${CONTAINER}, or no layers/images entry for ${ref}`);
    return { problems };
  }
  const newLayer = field(image, 'newLayer');
  const tar = field(newLayer, 'tar');
  const daemon: DaemonObserved = {
    sizeRw,
    psSize,
    historySizes: history.map((h) => Number(field(h, 'size') ?? 0)).reverse(),
    emptyLayer: field(history[history.length - 1], 'emptyLayer') === true,
    layersAdded: committedIds.length - parentIds.length,
    tar: Array.isArray(tar) ? (tar as TarListEntry[]) : null,
  };
  const historyStep = step(historyLine(scenario));
  const shown = historyStep.output.split('\n').filter((line) => line.length > 0).length - 1;
  if (historyStep.exitCode === 0 && shown !== history.length)
    problems.push(
      `sim: \`${historyLine(scenario)}\` shows ${shown} rows, its config has ${history.length} entries`,
    );
  return { daemon, problems };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function isEntries(value: unknown): value is TreeEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) => typeof field(entry, 'path') === 'string' && typeof field(entry, 'type') === 'string',
    )
  );
}
