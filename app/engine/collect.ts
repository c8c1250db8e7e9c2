/**
 * Run a writer that streams its output to a sink (a tar, an archive) and gather the chunks into one
 * array: what tests, the replay and `docker save -o` keep, where the page could stream instead.
 */
export function collectBytes<R>(write: (sink: (chunk: Uint8Array) => void) => R): {
  readonly result: R;
  readonly bytes: Uint8Array;
} {
  const parts: Uint8Array[] = [];
  let n = 0;
  const result = write((chunk) => {
    parts.push(chunk);
    n += chunk.length;
  });
  const bytes = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    bytes.set(p, off);
    off += p.length;
  }
  return { result, bytes };
}
