/** Real against simulated: merged and upper as exact arrays, `docker diff` as sets plus the D4 order rules. */
import { isBinPath } from './bin.ts';
import { byteOrder, dirname, isUnder } from './paths.ts';
import type { DaemonObserved, Observed, TarListEntry, TreeEntry } from './types.ts';

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

/**
 * The daemon's numbers and the committed layer: SizeRw exactly, `docker ps -s`'s SIZE, the history
 * rows (count, and SIZE in bytes of each but the bottom row — the shared /bin layer holds real
 * busybox on one side and stand-ins on the other), empty_layer, the layer count and the tar list.
 */
export function compareDaemon(real: DaemonObserved, sim: DaemonObserved): string[] {
  const out: string[] = [];
  if (real.sizeRw !== sim.sizeRw)
    out.push(`ps -s: SizeRw real ${real.sizeRw} bytes, sim ${sim.sizeRw} bytes`);
  if (real.psSize !== null && sim.psSize !== null && real.psSize !== sim.psSize)
    out.push(`ps -s: SIZE real "${real.psSize}", sim "${sim.psSize}"`);
  if (real.historySizes.length !== sim.historySizes.length) {
    out.push(`history: real ${real.historySizes.length} rows, sim ${sim.historySizes.length} rows`);
  } else {
    real.historySizes.slice(0, -1).forEach((size, i) => {
      const simSize = sim.historySizes[i];
      const row = i === 0 ? 'newest row' : `row ${i + 1}`;
      if (size !== simSize)
        out.push(`history: SIZE of the ${row} real ${size} bytes, sim ${String(simSize)} bytes`);
    });
  }
  if (real.emptyLayer !== sim.emptyLayer)
    out.push(
      `commit: empty_layer of the newest history entry real ${real.emptyLayer}, sim ${sim.emptyLayer}`,
    );
  if (real.layersAdded !== sim.layersAdded)
    out.push(`commit: layers added real ${real.layersAdded}, sim ${sim.layersAdded}`);
  if (real.tar !== null && sim.tar !== null) out.push(...compareTarLists(real.tar, sim.tar));
  return out;
}

export function tarLine(entry: TarListEntry): string {
  const link = entry.linkname === undefined ? '' : ` -> ${entry.linkname}`;
  return `${entry.name} type ${entry.type} mode ${entry.mode} size ${entry.size}${link}`;
}

/** The tar lists as exact arrays; the differences shown in archive order, at most a few. */
export function compareTarLists(real: readonly TarListEntry[], sim: readonly TarListEntry[]): string[] {
  const realLines = real.map(tarLine);
  const simLines = sim.map(tarLine);
  const first = realLines.findIndex((line, i) => line !== simLines[i]);
  if (first < 0 && realLines.length === simLines.length) return [];
  const at = first < 0 ? realLines.length : first;
  const shown = (lines: readonly string[]): string =>
    lines.slice(at, at + 4).join(' | ') + (lines.length > at + 4 ? ' | …' : '') || '(end)';
  return [
    `tar: ${realLines.length} entries real, ${simLines.length} sim; first difference at #${at}`,
    `tar: - real ${shown(realLines)}`,
    `tar: + sim  ${shown(simLines)}`,
  ];
}
