import type { EngineEvent } from '../engine/events.ts';
import type { AbsPath } from '../engine/ids.ts';
import { isAncestorOrSelf } from '../engine/path.ts';

/** An event kept for narration; `inside` counts the removals of entries beneath it folded into it. */
export interface Item {
  readonly e: EngineEvent;
  readonly inside: number;
}

const under = (dir: AbsPath, p: AbsPath): boolean => p !== dir && isAncestorOrSelf(dir, p);

/**
 * `rm -r` unlinks the entries of a directory one by one before removing it: the kernel makes a
 * whiteout for each lower child inside the copied-up directory, then replaces the directory with one
 * whiteout (C6). Only the end of that story is true afterwards and worth showing: one whiteout (or
 * one plain removal, C5). So a whiteout or removal at P swallows what immediately led up to it
 * beneath P — removals of entries under P, copy-ups of P and its subdirectories made only to hold
 * those whiteouts, lookups and reads under P — and counts the entries it swallowed. The run stops
 * at the first event that is not part of it, so an earlier, separate change under P keeps its steps.
 * Linear: each event is folded at most once (a stack of kept events).
 */
export function foldRemovals(events: readonly EngineEvent[]): Item[] {
  const kept: Item[] = [];
  for (const e of events) {
    if (e.type !== 'whiteout-created' && e.type !== 'remove') {
      kept.push({ e, inside: 0 });
      continue;
    }
    let inside = 0;
    for (let top = kept[kept.length - 1]; top; top = kept[kept.length - 1]) {
      const f = top.e;
      if ((f.type === 'whiteout-created' || f.type === 'remove') && under(e.path, f.path))
        inside += 1 + top.inside;
      else if (f.type === 'copy-up' && f.reason === 'parent' && isAncestorOrSelf(e.path, f.path)) {
        /* only there to hold the children's whiteouts */
      } else if ((f.type === 'lookup' || f.type === 'read') && under(e.path, f.path)) {
        /* rm's own walk */
      } else break;
      kept.pop();
    }
    kept.push({ e, inside });
  }
  return kept;
}
