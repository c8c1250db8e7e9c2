import type { Node } from '../node.ts';
import { statSize } from '../node.ts';
import type { Overlay, Resolved } from '../overlay.ts';
import { child, mergedChildren, rootResolved } from '../overlay.ts';
import { byteCompare } from '../tree.ts';

export type ChangeKind = 'A' | 'C' | 'D';
export interface Change {
  readonly kind: ChangeKind;
  readonly path: string;
}

/**
 * `docker diff` as dockerd computes it for overlay2 since 18.06 (SEMANTICS.md D1–D4): compare the
 * merged view of the container layer with the merged view of its init layer (archive.ChangesDirs);
 * the upperdir itself is not walked. Siblings in byte order, A/C entries before D entries (H1).
 */
export function changes(container: Overlay, init: Overlay): Change[] {
  const out: Change[] = [];
  walk(rootResolved(container), rootResolved(init), '', false, out);
  return out;
}

export const formatChanges = (cs: readonly Change[]): string[] => cs.map((c) => `${c.kind} ${c.path}`);

function walk(n: Resolved, o: Resolved | undefined, path: string, added: boolean, out: Change[]): void {
  if (n.node.kind !== 'dir') return;
  if (o && sameSubtree(n, o)) return;
  const start = out.length;
  const olds = new Map<string, true>();
  if (o && o.node.kind === 'dir') for (const e of mergedChildren(o)) olds.set(e.name, true);
  for (const e of mergedChildren(n)) {
    const p = `${path}/${e.name}`;
    const nr = e.node.kind === 'dir' ? child(n, e.name)! : { node: e.node, level: e.level, parts: [] };
    if (!olds.delete(e.name)) {
      out.push({ kind: 'A', path: p });
      walk(nr, undefined, p, true, out);
      continue;
    }
    const or = child(o!, e.name)!;
    const chg = statDifferent(or.node, nr.node);
    if (chg) out.push({ kind: 'C', path: p });
    walk(nr, or, p, chg, out);
  }
  for (const name of [...olds.keys()].sort(byteCompare)) out.push({ kind: 'D', path: `${path}/${name}` });
  if (out.length > start && !added && path !== '') out.splice(start, 0, { kind: 'C', path });
}

/** changes_unix.go statDifferent: type+perm, owner, rdev; size and mtime for non-directories. */
function statDifferent(o: Node, n: Node): boolean {
  if (o.kind !== n.kind || o.mode !== n.mode || o.uid !== n.uid || o.gid !== n.gid) return true;
  if (o.kind === 'dir') return false;
  return statSize(o) !== statSize(n) || o.mtime !== n.mtime;
}

/**
 * The container's view of a dir is built from exactly the same layer dirs as the init view (nothing
 * of it in the upper): nothing below can differ, so the walk skips it. This keeps `docker diff` fast
 * on large images without changing its result.
 */
function sameSubtree(n: Resolved, o: Resolved): boolean {
  if (n.parts.length !== o.parts.length) return false;
  for (let i = 0; i < n.parts.length; i++) {
    const a = n.parts[i]!;
    const b = o.parts[i]!;
    if (a.level === 0 || a.dir !== b.dir) return false;
  }
  return true;
}
