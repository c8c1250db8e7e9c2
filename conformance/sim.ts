/**
 * The simulator side: scenarios written as REPLAY.md scenario files, replayed by `npm run replay`
 * (all files in one run), and the container's merged tree, upper and diff read from its JSON Lines.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from './exec.ts';
import { renderSim } from './render.ts';
import type { Observed, Scenario, TreeEntry } from './types.ts';

export const CONTAINER = 'c1';

export interface SimRun extends Observed {
  /** Exit code the simulator reported for each container command line. */
  readonly exitCodes: readonly (number | undefined)[];
}

/** The scenario as a person would type it: start a container, open a shell, type the lines, look at the diff. */
export function replayScenario(scenario: Scenario): unknown {
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
export async function runReplay(repo: string, files: readonly string[]): Promise<ReplayResults> {
  const batch = await replay(repo, files);
  if (batch.lines.length === files.length) {
    return { results: batch.lines.map((line, i) => parseOutput(line, files[i] ?? '')) };
  }
  if (batch.lines.length === 0) {
    const stderr = batch.stderr.trim().split('\n').slice(0, 8).join('\n    ');
    return { unavailable: `npm run replay exited ${batch.code} and printed nothing:\n    ${stderr}` };
  }
  const results: (SimRun | string)[] = [];
  for (const file of files) {
    const one = await replay(repo, [file]);
    const line = one.lines[0];
    results.push(
      line === undefined ? `replay rejected the file: ${one.stderr.trim()}` : parseOutput(line, file),
    );
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

function parseOutput(line: string, file: string): SimRun | string {
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
  const typed = Array.isArray(transcript) ? transcript.slice(2, -2) : [];
  const exitCodes = typed.map((step) => {
    const code = field(step, 'exitCode');
    return typeof code === 'number' ? code : undefined;
  });
  return { merged, upper, diff, exitCodes };
}

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
