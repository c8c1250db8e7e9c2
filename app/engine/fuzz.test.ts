import { describe, expect, it } from 'vitest';
import type { Errno } from './errors.ts';
import { layerId } from './ids.ts';
import type { Layer, LayerEntrySpec } from './layer.ts';
import { buildLayer, emptyLayer, IMAGE_MTIME } from './layer.ts';
import type { OpCtx, OpResult } from './ops.ts';
import * as ops from './ops.ts';
import type { Overlay } from './overlay.ts';
import { lowerPositive, resolveComps, walkMerged } from './overlay.ts';
import { splitPath, normalize } from './path.ts';
import { NaiveFs } from './testing/naive-fs.ts';
import { walk } from './tree.ts';
import { prng } from './testing/prng.ts';

// Model-based fuzzing: random images and random system calls, applied to the overlay and to a naive
// flat filesystem. The merged view must always equal the naive model; the lower layers must never
// change; every whiteout in the upper must hide something. A failing seed is printed; pin it below.

const PINNED_SEEDS: readonly number[] = [];
/** Raise with FUZZ_RUNS=20000 for a longer hunt (20 000 passed when this was written). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 3000);

const NAMES = ['a', 'b', 'c'];

function randomPath(r: () => number): string {
  const depth = 1 + Math.floor(r() * 3);
  return '/' + Array.from({ length: depth }, () => NAMES[Math.floor(r() * NAMES.length)]!).join('/');
}

function randomLayer(r: () => number, top: boolean): LayerEntrySpec[] {
  const entries: LayerEntrySpec[] = [];
  const used = new Set<string>();
  const n = Math.floor(r() * 7);
  for (let i = 0; i < n; i++) {
    const path = randomPath(r);
    // Keep the layer a valid tar: no duplicates, nothing below a non-dir or whiteout of this layer.
    if ([...used].some((u) => u === path || path.startsWith(u + '/') || u.startsWith(path + '/'))) continue;
    const x = r();
    let e: LayerEntrySpec;
    if (x < 0.4)
      e = { path, type: 'file', content: `f${Math.floor(r() * 3)}\n`, mode: r() < 0.8 ? '0644' : '0600' };
    else if (x < 0.75) e = { path, type: 'dir', opaque: top && r() < 0.3, mode: r() < 0.8 ? '0755' : '0700' };
    else if (x < 0.85) e = { path, type: 'symlink', target: 'nowhere' };
    else if (top) e = { path, type: 'whiteout' };
    else continue;
    used.add(path);
    entries.push(e);
  }
  return entries;
}

type Op =
  | { op: 'write'; path: string; data: string; append: boolean }
  | { op: 'mkdir' | 'unlink' | 'rmdir'; path: string }
  | { op: 'rename' | 'link'; from: string; to: string }
  | { op: 'symlink'; path: string }
  | { op: 'chmod'; path: string; mode: number };

function randomOp(r: () => number): Op {
  const x = r();
  const path = randomPath(r);
  if (x < 0.22)
    return { op: 'write', path, data: r() < 0.2 ? '' : `w${Math.floor(r() * 9)}`, append: r() < 0.5 };
  if (x < 0.36) return { op: 'mkdir', path };
  if (x < 0.52) return { op: 'unlink', path };
  if (x < 0.64) return { op: 'rmdir', path };
  if (x < 0.82) return { op: 'rename', from: path, to: randomPath(r) };
  if (x < 0.88) return { op: 'link', from: path, to: randomPath(r) };
  if (x < 0.93) return { op: 'symlink', path };
  return { op: 'chmod', path, mode: r() < 0.5 ? 0o600 : 0o755 };
}

/** The ops act on canonical paths; paths through a symlink are left out (the namespace resolves those). */
function throughSymlink(model: NaiveFs, path: string, final: boolean): boolean {
  const parts = splitPath(normalize(path));
  for (let i = 1; i <= parts.length; i++) {
    if (i === parts.length && !final) break;
    if (model.kindOf('/' + parts.slice(0, i).join('/')) === 'symlink') return true;
  }
  return false;
}

function mergedDump(ov: Overlay): string[] {
  return [...walkMerged(ov)]
    .map(([p, res]) => {
      const n = res.node;
      if (n.kind === 'dir') return `${p} dir ${n.mode.toString(8)}`;
      if (n.kind === 'symlink') return `${p} symlink ${n.target}`;
      if (n.kind === 'file') return `${p} file ${n.mode.toString(8)} ${JSON.stringify(n.content)}`;
      return `${p} whiteout`;
    })
    .sort();
}

function checkWhiteouts(ov: Overlay): string[] {
  const problems: string[] = [];
  for (const [p, n] of walk(ov.upper.root)) {
    if (n.kind !== 'whiteout') continue;
    const comps = splitPath(normalize(p));
    const parent = resolveComps(ov, comps.slice(0, -1));
    if (!parent || !lowerPositive(parent, comps[comps.length - 1]!))
      problems.push(`needless whiteout at ${p}`);
  }
  return problems;
}

function runSeed(seed: number): string | null {
  const r = prng(seed);
  let ino = 1;
  const specs = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => randomLayer(r, i > 0));
  const lowers: Layer[] = specs
    .map((s, i) => buildLayer(layerId(`L${i}`), s, IMAGE_MTIME, () => ino++))
    .reverse();
  let ov: Overlay = { upper: emptyLayer(layerId('upper'), IMAGE_MTIME + 1), lowers, nextIno: ino };
  const model = NaiveFs.fromLayers(specs);
  const before = JSON.stringify(mergedDump(ov));
  if (before !== JSON.stringify(model.dump()))
    return `seed ${seed}: initial merged view differs; layers ${JSON.stringify(specs)}\n${before}\n${JSON.stringify(model.dump())}`;
  const steps: string[] = [];
  const nOps = 5 + Math.floor(r() * 25);
  for (let i = 0; i < nOps; i++) {
    const op = randomOp(r);
    const ctx: OpCtx = { now: IMAGE_MTIME + 10 + i, umask: 0o022 };
    const c = (p: string): string[] => splitPath(normalize(p));
    let res: OpResult;
    let expect: Errno | null;
    switch (op.op) {
      case 'write':
        if (throughSymlink(model, op.path, true)) continue;
        res = ops.writeFile(ov, ctx, c(op.path), op.data, { append: op.append });
        expect = model.writeFile(op.path, op.data, op.append);
        break;
      case 'mkdir':
      case 'unlink':
      case 'rmdir':
        if (throughSymlink(model, op.path, false)) continue;
        res = ops[op.op](ov, ctx, c(op.path));
        expect = model[op.op](op.path);
        break;
      case 'rename':
      case 'link':
        if (throughSymlink(model, op.from, false) || throughSymlink(model, op.to, false)) continue;
        res =
          op.op === 'rename'
            ? ops.rename(ov, ctx, c(op.from), c(op.to))
            : ops.link(ov, ctx, c(op.from), c(op.to));
        if (!res.ok && res.errno === 'EXDEV' && op.op === 'rename' && model.kindOf(op.from) === 'dir') {
          steps.push(`${JSON.stringify(op)} → EXDEV`);
          continue;
        }
        expect = op.op === 'rename' ? model.rename(op.from, op.to) : model.link(op.from, op.to);
        break;
      case 'symlink':
        if (throughSymlink(model, op.path, false)) continue;
        res = ops.symlink(ov, ctx, 'nowhere', c(op.path));
        expect = model.symlink('nowhere', op.path);
        break;
      case 'chmod':
        if (throughSymlink(model, op.path, true)) continue;
        res = ops.chmod(ov, ctx, c(op.path), op.mode);
        expect = model.chmod(op.path, op.mode);
        break;
    }
    const got = res.ok ? null : res.errno;
    steps.push(`${JSON.stringify(op)} → ${got ?? 'ok'}`);
    const lowersBefore = ov.lowers;
    if (res.ok) ov = res.ov;
    const trail = `seed ${seed}, layers ${JSON.stringify(specs)}\n${steps.join('\n')}`;
    if (got !== expect) return `${trail}\nerrno: overlay ${got}, model ${expect}`;
    if (ov.lowers !== lowersBefore || ov.lowers.some((l, k) => l !== lowers[k]))
      return `${trail}\na lower layer changed`;
    const a = mergedDump(ov);
    const b = model.dump();
    if (JSON.stringify(a) !== JSON.stringify(b))
      return `${trail}\nmerged view:\n${a.join('\n')}\nmodel:\n${b.join('\n')}`;
    const wh = checkWhiteouts(ov);
    if (wh.length > 0) return `${trail}\n${wh.join('\n')}`;
  }
  return null;
}

describe('the overlay under random system calls', () => {
  it.each(PINNED_SEEDS)('keeps pinned seed %i right', (seed) => {
    expect(runSeed(seed)).toBeNull();
  });

  it(`shows the same tree as a naive filesystem over ${RUNS} random sequences`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const failure = runSeed(seed);
      if (failure) {
        console.error(`fuzz failure (pin it in PINNED_SEEDS):\n${failure}`);
        expect.fail(`seed ${seed} failed — see the log above`);
      }
    }
  }, 120_000);
});
