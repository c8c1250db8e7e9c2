import type { KeyboardEvent } from 'react';

/**
 * ↑/↓/Home/End/PageUp/PageDown between the rows of a long list: the rows are buttons with
 * tabIndex -1 except the one last focused, so Tab leaves the list in one press however long it is.
 * Returns whether the key was handled.
 */
export function moveRowFocus(e: KeyboardEvent<HTMLElement>): boolean {
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-row]')];
  if (rows.length === 0) return false;
  const i = rows.indexOf(document.activeElement as HTMLElement);
  const page = 10;
  const to: Record<string, number> = {
    ArrowDown: Math.min(rows.length - 1, i + 1),
    ArrowUp: Math.max(0, i - 1),
    Home: 0,
    End: rows.length - 1,
    PageDown: Math.min(rows.length - 1, i + page),
    PageUp: Math.max(0, i - page),
  };
  const next = to[e.key];
  if (next === undefined) return false;
  e.preventDefault();
  rows[next]?.focus();
  return true;
}

/** The row index that takes Tab: the one focused last if it is still there, else the first. */
export const tabStop = (active: number, count: number): number => (active < count ? active : 0);
