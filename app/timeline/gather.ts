import type { EngineEvent } from '../engine/events.ts';
import type { AbsPath } from '../engine/ids.ts';
import { isAncestorOrSelf } from '../engine/path.ts';
import type { Item } from './fold.ts';
import type { EntryCounts } from './narrate.ts';

type CopyUp = Extract<EngineEvent, { type: 'copy-up' }>;

/** A run of events that makes a tree of new entries, told as one step. `end` is the first item after it. */
export interface TreeRun {
  readonly counts: EntryCounts;
  readonly bytes: number;
  readonly end: number;
}

/** Below this many entries beneath it, a new directory's contents are told entry by entry. */
export const TREE_MIN_ENTRIES = 4;

const under = (dir: AbsPath, p: AbsPath): boolean => p !== dir && isAncestorOrSelf(dir, p);
const isMeta = (e: EngineEvent): boolean => e.type === 'chmod' || e.type === 'chown' || e.type === 'utimes';

class Tally {
  dirs = 0;
  files = 0;
  symlinks = 0;
  bytes = 0;

  /** Count an event that fills the tree at `root`; false if it does not. */
  add(e: EngineEvent, root: AbsPath, strict: boolean): boolean {
    if (!('path' in e) || !(strict ? under(root, e.path) : isAncestorOrSelf(root, e.path))) return false;
    if (e.type === 'create') {
      if (e.kind === 'dir') this.dirs++;
      else if (e.kind === 'symlink') this.symlinks++;
      else this.files++;
    } else if (e.type === 'link') this.files++;
    else if (e.type === 'write') this.bytes += e.bytes;
    else if (!isMeta(e) && e.type !== 'truncate') return false; // cp -a keeps mode, owner and times
    return true;
  }

  get entries(): number {
    return this.dirs + this.files + this.symlinks;
  }

  get counts(): EntryCounts {
    return { dirs: this.dirs, files: this.files, symlinks: this.symlinks };
  }
}

/**
 * mv's fallback after EXDEV (C8): the events that copy `from` to `to` — the walk's lookups and
 * reads, the new entries, their data and preserved metadata, and the parents `to` needs — up to
 * the first event that is not part of the copy (the delete that follows).
 */
export function gatherCopy(
  items: readonly Item[],
  start: number,
  from: AbsPath,
  to: AbsPath,
): (TreeRun & { readonly parents: readonly CopyUp[] }) | null {
  const parents: CopyUp[] = [];
  const tally = new Tally();
  let j = start;
  for (; j < items.length; j++) {
    const e = items[j]!.e;
    if (e.type === 'lookup' || e.type === 'read') {
      if (!isAncestorOrSelf(from, e.path) && !isAncestorOrSelf(to, e.path)) break;
    } else if (e.type === 'copy-up' && e.reason === 'parent' && under(e.path, to)) parents.push(e);
    else if (!tally.add(e, to, false)) break;
  }
  return tally.entries ? { parents, counts: tally.counts, bytes: tally.bytes, end: j } : null;
}

/**
 * A new directory filled at once (cp -r, mkdir -p with files, tar x): the entries made beneath
 * `root` with their data and metadata, and the lookups and reads of the walk between them — up to
 * the last entry made, so that a lookup after the copy is still told. Null when the directory gets
 * fewer than TREE_MIN_ENTRIES entries: those are told one by one.
 */
export function gatherTree(items: readonly Item[], start: number, root: AbsPath): TreeRun | null {
  const tally = new Tally();
  let end = start;
  for (let j = start; j < items.length; j++) {
    const e = items[j]!.e;
    if (e.type === 'lookup' || e.type === 'read') continue;
    if (!tally.add(e, root, true)) break;
    end = j + 1;
  }
  return tally.entries >= TREE_MIN_ENTRIES ? { counts: tally.counts, bytes: tally.bytes, end } : null;
}
