/** How many typed lines ↑ can bring back. */
export const MAX_HISTORY = 1000;

/** Add a line to the command history as bash with HISTCONTROL=ignoredups: no blank lines, no repeat of the last one. */
export function pushHistory(history: readonly string[], line: string, max = MAX_HISTORY): readonly string[] {
  if (line.trim() === '' || history[history.length - 1] === line) return history;
  const next = [...history, line];
  return next.length > max ? next.slice(next.length - max) : next;
}
