/**
 * Where ↑/↓ stand in the command history. `index` null means the line being typed (the draft), which
 * comes back when ↓ walks past the newest entry, as in bash.
 */
export interface HistoryCursor {
  readonly index: number | null;
  readonly draft: string;
}

export const AT_DRAFT: HistoryCursor = { index: null, draft: '' };

/** One step up (-1, older) or down (+1, newer): the new cursor and the line to show, or null if nothing moves. */
export function stepHistory(
  history: readonly string[],
  cursor: HistoryCursor,
  current: string,
  dir: -1 | 1,
): { cursor: HistoryCursor; value: string } | null {
  if (history.length === 0) return null;
  if (cursor.index === null) {
    if (dir === 1) return null;
    const index = history.length - 1;
    return { cursor: { index, draft: current }, value: history[index]! };
  }
  const index = cursor.index + dir;
  if (index < 0) return null;
  if (index >= history.length) return { cursor: AT_DRAFT, value: cursor.draft };
  return { cursor: { index, draft: cursor.draft }, value: history[index]! };
}
