/** Bytes for people: 1 KB = 1000 bytes, as docker prints sizes. */
export function humanBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** The file name of a host path, for a download: `/root/out.tar` → `out.tar`. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1) || 'image.tar';

/** How far the import is, 0–100: bytes while the file is read, then layers as they are verified. */
export function percentOf(p: {
  bytesDone: number;
  bytesTotal: number;
  layersDone: number;
  layersTotal: number;
}): number {
  const f =
    p.layersTotal > 0 ? p.layersDone / p.layersTotal : p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : 0;
  return Math.round(Math.min(1, Math.max(0, f)) * 100);
}
