import type { AbsPath, LayerId } from '../engine/ids.ts';
import { dirname, isAncestorOrSelf } from '../engine/path.ts';
import { layerBand, MERGED } from './lookup-steps.ts';
import type { Narrator } from './narrate.ts';
import { en } from './narrate.ts';
import type { Step, TileMark } from './step.ts';

const LINE = /^([ACD]) (\/.*)$/;
const MARK: Record<'A' | 'C' | 'D', TileMark> = { A: 'new', C: 'changed', D: 'gone' };

/**
 * `docker diff` emits no engine events (it only reads): its output lines become one 'diff-line'
 * step each, so they appear one by one beside the entries that produce them. `upper` is the diffed
 * container's upper, where the entries are marked (the merged band when it is not given). Lines
 * that are not `A|C|D /path` (an error, a blank) are skipped.
 */
export function diffSteps(lines: readonly string[], upper?: LayerId, n: Narrator = en): Step[] {
  const parsed: { kind: 'A' | 'C' | 'D'; path: AbsPath; line: string }[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    const m = LINE.exec(line);
    if (m) parsed.push({ kind: m[1] as 'A' | 'C' | 'D', path: m[2] as AbsPath, line });
  }
  const at = upper ? layerBand(upper) : MERGED;
  return parsed.map(({ kind, path, line }, k) => {
    // Pre-order (D4, H1): whatever changed beneath a directory is listed right after it.
    const next = parsed[k + 1];
    const below = next !== undefined && next.path !== path && isAncestorOrSelf(path, next.path);
    return {
      kind: 'diff-line',
      text: n.diffLine(kind, path, kind === 'C' && below),
      highlights: [{ at, path, mark: MARK[kind] }],
      focusDir: dirname(path),
      detail: line,
    };
  });
}
