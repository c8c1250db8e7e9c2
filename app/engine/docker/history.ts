import type { ImageRecord, World } from './world.ts';

/** One row of `docker history`, before formatting. */
export interface HistoryRow {
  readonly id: string | null;
  readonly created: string;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
  /** The chain ID of the layer this row made, if it made one. */
  readonly chainId: string | null;
}

/** E9: one row per history entry, newest first; IDs for the image and its local ancestors. */
export function historyRows(world: World, img: ImageRecord): HistoryRow[] {
  const ids = new Map<number, string>();
  for (
    let cur: ImageRecord | undefined = img;
    cur;
    cur = cur.parent ? world.images.get(cur.parent) : undefined
  )
    ids.set(cur.config.history.length - 1, cur.id);
  let layer = 0;
  const rowsOut = img.config.history.map((h, i): HistoryRow => {
    const chainId = h.empty_layer ? null : (img.chain[layer++] ?? null);
    return {
      id: ids.get(i) ?? null,
      created: h.created,
      createdBy: h.created_by ?? '',
      size: chainId ? (world.layers.get(chainId as never)?.size ?? 0) : 0,
      comment: h.comment ?? '',
      chainId,
    };
  });
  return rowsOut.reverse();
}
