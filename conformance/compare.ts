/** Real against simulated: merged and upper as exact arrays, `docker diff` as sets plus the D4 order rules. */
import { isBinPath } from './bin.ts';
import { byteOrder, dirname, isUnder } from './paths.ts';
import type { Observed, TreeEntry } from './types.ts';

/** One readable line per entry, built from the REPLAY.md fields only (extra keys are ignored). */
export function entryLine(entry: TreeEntry): string {
  const parts = [entry.path, entry.type];
  if (entry.mode !== undefined) parts.push(entry.mode);
  if (entry.content !== undefined) parts.push(JSON.stringify(entry.content));
  if (entry.target !== undefined) parts.push(`-> ${entry.target}`);
  if (entry.opaque !== undefined) parts.push(`opaque=${String(entry.opaque)}`);
  return parts.join(' ');
}

/** File contents under /bin differ on purpose (real busybox against stand-ins) and are not compared. */
export function withoutBinContent(entries: readonly TreeEntry[]): TreeEntry[] {
  return entries.map((entry) =>
    entry.content !== undefined && isBinPath(entry.path) ? { ...entry, content: '' } : entry,
  );
}

/** Differences between the two sides, one readable line each; empty when they agree. */
export function compareObserved(real: Observed, sim: Observed): string[] {
  return [
    ...compareTrees('merged', real.merged, sim.merged),
    ...compareTrees('upper', real.upper, sim.upper),
    ...compareDiffs(real.diff, sim.diff),
    ...diffOrderProblems(real.diff).map((problem) => `diff order (real): ${problem}`),
    ...diffOrderProblems(sim.diff).map((problem) => `diff order (sim): ${problem}`),
  ];
}

export function compareTrees(label: string, real: readonly TreeEntry[], sim: readonly TreeEntry[]): string[] {
  const realLines = withoutBinContent(real).map(entryLine);
  const simLines = withoutBinContent(sim).map(entryLine);
  if (realLines.length === simLines.length && realLines.every((line, i) => line === simLines[i])) return [];
  const realByPath = new Map(real.map((entry, i) => [entry.path, realLines[i] ?? '']));
  const simByPath = new Map(sim.map((entry, i) => [entry.path, simLines[i] ?? '']));
  const out: string[] = [];
  for (const path of [...new Set([...realByPath.keys(), ...simByPath.keys()])].sort(byteOrder)) {
    const r = realByPath.get(path);
    const s = simByPath.get(path);
    if (r === s) continue;
    out.push(`${label}: - real ${r ?? '(absent)'}`);
    out.push(`${label}: + sim  ${s ?? '(absent)'}`);
  }
  if (out.length === 0) {
    const i = realLines.findIndex((line, index) => line !== simLines[index]);
    out.push(
      `${label}: same entries but not the same order or count; first difference at #${i}: real ${realLines[i] ?? '(end)'}, sim ${simLines[i] ?? '(end)'}`,
    );
  }
  return out;
}

export function compareDiffs(real: readonly string[], sim: readonly string[]): string[] {
  const simSet = new Set(sim);
  const realSet = new Set(real);
  return [
    ...real.filter((line) => !simSet.has(line)).map((line) => `diff: - real ${line}`),
    ...sim.filter((line) => !realSet.has(line)).map((line) => `diff: + sim  ${line}`),
  ];
}

/**
 * SEMANTICS.md D4: pre-order — a directory's line comes before its descendants, which follow it as
 * one block — and within a directory the C/A entries (with their subtrees) before the D entries.
 */
export function diffOrderProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  const entries = lines.map((line) => ({ kind: line.slice(0, 1), path: line.slice(2), line }));
  for (const bad of entries.filter(({ line }) => !/^[CAD] \/./.test(line)))
    problems.push(`malformed line "${bad.line}"`);
  entries.forEach((a, i) => {
    const descendants = entries.flatMap((b, j) => (isUnder(b.path, a.path) ? [j] : []));
    if (descendants.some((j) => j < i)) problems.push(`"${a.line}" comes after one of its descendants`);
    const last = Math.max(i, ...descendants);
    for (let k = i + 1; k <= last; k++) {
      const between = entries[k];
      if (between !== undefined && !isUnder(between.path, a.path)) {
        problems.push(`"${between.line}" splits the subtree of "${a.line}"`);
        break;
      }
    }
    if (a.kind !== 'D') return;
    const parent = dirname(a.path);
    entries.forEach((x, j) => {
      const siblingDelete = x.kind === 'D' && dirname(x.path) === parent;
      if (j > i && isUnder(x.path, parent) && !siblingDelete)
        problems.push(`"${x.line}" comes after "${a.line}" in ${parent}`);
    });
  });
  return problems;
}
