import { ArchiveError } from './errors.ts';

// gzip through the platform's DecompressionStream (browsers, Web Workers and Node 20 have it as a
// global): no dependency, and it streams, so a layer is never held compressed and uncompressed whole
// at once by this code.

/** The gzip magic (RFC 1952: 1f 8b, method 8 = deflate). */
export const isGzip = (head: Uint8Array): boolean => head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08;

/** A source of bytes in chunks. */
export type ByteSource = Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export async function* chunksOf(src: ByteSource, size = 1 << 20): AsyncGenerator<Uint8Array> {
  if (src instanceof Uint8Array) {
    for (let off = 0; off < src.length; off += size)
      yield src.subarray(off, Math.min(src.length, off + size));
    return;
  }
  for await (const c of src) yield c;
}

/** Decompress a gzip stream chunk by chunk; a corrupt or cut stream is an ArchiveError. */
export async function* gunzip(src: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  // Feed the writer concurrently: awaiting each write before reading would deadlock on backpressure.
  const feeding = (async (): Promise<void> => {
    try {
      for await (const c of src) await writer.write(c as Uint8Array<ArrayBuffer>);
      await writer.close();
    } catch (e) {
      await writer.abort(e).catch(() => undefined);
    }
  })();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      yield r.value;
    }
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(gzipError(e instanceof Error ? e.message : String(e)));
  } finally {
    // A consumer that stops early (an error, a cancel) must not leave the feeder blocked.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
    await feeding;
  }
}

/** Decompress a whole buffer (small blobs; layers go through `gunzip`). */
export async function gunzipAll(bytes: Uint8Array): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const c of gunzip(chunksOf(bytes))) {
    parts.push(c);
    n += c.length;
  }
  return join(parts, n);
}

export function join(parts: readonly Uint8Array[], n: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * Go's words for a bad gzip stream, as dockerd prints them: a CRC that does not match is "gzip:
 * invalid checksum", anything wrong in the deflate data "flate: corrupt input". The platform's own
 * detail (zlib's, in Node; browsers say less) follows in brackets.
 */
export function gzipError(detail: string): string {
  if (/data check|checksum|crc/i.test(detail)) return `gzip: invalid checksum (${detail})`;
  if (/unexpected end|incomplete|truncat/i.test(detail)) return `unexpected EOF (${detail})`;
  return `flate: corrupt input (${detail})`;
}
