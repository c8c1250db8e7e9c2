import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Digest } from '../digest.ts';
import type { Layer } from '../layer.ts';
import { ArchiveError } from './errors.ts';
import { chunksOf, gunzip, isGzip } from './gzip.ts';
import type { LayerTreeNotes } from './layer-tree.ts';
import { LayerTreeBuilder } from './layer-tree.ts';
import { TarReader } from './tar-read.ts';

// One layer blob of an archive, read once: gunzipped if it is gzip (into one buffer of the exact
// size), hashed (its diff ID, E5, and the blob's own digest, which an OCI descriptor names), and
// extracted into a tree whose files are views of that one buffer. The buffer is what `docker save`
// writes back, so an imported layer is held once, whatever the tree shows of it.

export interface PreparedLayer {
  readonly diffId: Digest;
  /** The layer's uncompressed tar, byte for byte: `docker save` writes it back unchanged. */
  readonly tar: Uint8Array;
  /** Its tree, with inode numbers from 1 (load.ts moves them into the world's); files view `tar`. */
  readonly tree: Layer;
  readonly inos: number;
  /** Σ st_size of its files and symlinks (E7), counted while it was read: the page need not walk it. */
  readonly size: number;
  readonly notes: LayerTreeNotes;
}

/** A blob read as a layer: its digest as stored, and the layer (or why it is not one). */
export interface LayerBlob {
  /** sha256 of the blob as the archive holds it (compressed, if it is). */
  readonly digest: Digest;
  readonly layer: PreparedLayer | ArchiveError;
}

export interface LayerBlobOptions {
  readonly signal?: AbortSignal;
  readonly maxEntryBytes?: number;
}

/** Does this blob look like a layer (a tar, gzip or not), rather than JSON? Only a guess to read early. */
export function looksLikeLayer(blob: Uint8Array): boolean {
  if (isGzip(blob)) return true;
  if (blob.length < 512 || blob.length % 512 !== 0) return false;
  const ustar = blob[257] === 0x75 && blob[258] === 0x73 && blob[259] === 0x74; // "ust"
  return ustar || blob.subarray(0, 512).every((b) => b === 0);
}

/** Read one blob as a layer. A blob that is not a valid layer still gets its digest; the error waits. */
export async function readLayerBlob(blob: Uint8Array, opts: LayerBlobOptions = {}): Promise<LayerBlob> {
  const digest = await sha256Of(blob);
  try {
    const tar = isGzip(blob) ? await gunzipExact(blob, opts) : blob;
    const diffId = isGzip(blob) ? await sha256Of(tar) : digest;
    const reader = new TarReader({
      views: true,
      ...(opts.maxEntryBytes !== undefined ? { maxEntryBytes: opts.maxEntryBytes } : {}),
    });
    const builder = new LayerTreeBuilder(1);
    for (const e of reader.push(tar)) builder.add(e);
    reader.end();
    return {
      digest,
      layer: {
        diffId,
        tar,
        tree: builder.finish(`import-${diffId.slice(7, 19)}`),
        inos: builder.nextIno - 1,
        size: builder.size,
        notes: builder.notes,
      },
    };
  } catch (e) {
    if (e instanceof ArchiveError) return { digest, layer: e };
    throw e;
  }
}

/**
 * SHA-256 of a whole buffer: WebCrypto where the page has it (a secure context, Node), far faster
 * than hashing in JavaScript; @noble/hashes elsewhere (a page served over plain http on a LAN).
 */
export async function sha256Of(bytes: Uint8Array): Promise<Digest> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const d = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return `sha256:${bytesToHex(new Uint8Array(d))}`;
  }
  return `sha256:${bytesToHex(sha256(bytes))}`;
}

/**
 * Gunzip into one buffer. gzip's trailer holds the uncompressed size (mod 2^32): a buffer of that
 * size fills exactly, with no second copy; a trailer that lies (or a multi-member stream) only costs
 * growing, and the size is capped so a crafted trailer cannot ask for gigabytes up front.
 */
async function gunzipExact(blob: Uint8Array, opts: LayerBlobOptions): Promise<Uint8Array> {
  const n = blob.length;
  const isize =
    n >= 18 ? (blob[n - 4]! | (blob[n - 3]! << 8) | (blob[n - 2]! << 16) | (blob[n - 1]! << 24)) >>> 0 : 0;
  const max = opts.maxEntryBytes ?? 1 << 30;
  let out = new Uint8Array(Math.min(isize, max, n * 1100) || 1 << 16);
  let fill = 0;
  for await (const c of gunzip(chunksOf(blob))) {
    opts.signal?.throwIfAborted();
    if (fill + c.length > out.length) {
      if (fill + c.length > max)
        throw new ArchiveError(`gzip: the layer unpacks to more than the ${max} bytes allowed`);
      const grown = new Uint8Array(Math.min(max, Math.max(out.length * 2, fill + c.length)));
      grown.set(out.subarray(0, fill));
      out = grown;
    }
    out.set(c, fill);
    fill += c.length;
  }
  return fill === out.length ? out : out.slice(0, fill);
}
