/**
 * The n best of the items offered, best first — without sorting them all. A sorted array of at most n:
 * an item no better than the worst kept is turned away with one comparison (nearly every file of a
 * large layer), the others are placed by binary search. `before(a, b)` must be a strict total order
 * (ties broken, by path for the ledger) so the result does not depend on the order items come in.
 */
export interface BestOf<T> {
  offer(item: T): void;
  /** Best first; at most n. */
  readonly items: readonly T[];
}

export function bestOf<T>(n: number, before: (a: T, b: T) => boolean): BestOf<T> {
  const items: T[] = [];
  return {
    items,
    offer(item) {
      if (n <= 0) return;
      if (items.length === n && !before(item, items[n - 1]!)) return;
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(items[mid]!, item)) lo = mid + 1;
        else hi = mid;
      }
      items.splice(lo, 0, item);
      if (items.length > n) items.pop();
    },
  };
}

/** Larger first, then by path: the order of every "largest" list of the ledger. */
export const largerFirst = (
  a: { readonly size: number; readonly path: string },
  b: { readonly size: number; readonly path: string },
): boolean => a.size > b.size || (a.size === b.size && a.path < b.path);
