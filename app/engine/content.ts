import type { FileNode } from './node.ts';

// A file's bytes and its text. Files made in the simulator keep their text (`content`). Files of an
// imported image keep `bytes` instead: a view into their layer's tar, which the layer store holds
// anyway so `docker save` can write it back, so an imported file costs no second copy. Its text is
// decoded only when something reads it, and only the most recently read texts are kept.

/** A file's data as a node holds it: text, or an imported file's exact bytes, and its size. */
export interface FileContent {
  readonly content: string;
  readonly bytes?: Uint8Array;
  readonly size: number;
}

/** The data part of a file node, to write elsewhere unchanged (`cp` of a binary keeps its bytes). */
export const contentOf = (n: FileNode): FileContent =>
  n.bytes ? { content: '', bytes: n.bytes, size: n.size } : { content: n.content, size: n.size };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Decoded texts kept, by their bytes' view; evicted oldest first past this many UTF-16 units. */
const CACHE_UNITS = 8 << 20;
const cache = new Map<Uint8Array, string>();
let cachedUnits = 0;
/** Views known not to be UTF-8: their text is ''. */
const binary = new WeakSet<Uint8Array>();

function decoded(bytes: Uint8Array): string {
  const hit = cache.get(bytes);
  if (hit !== undefined) {
    // Most recently used last.
    cache.delete(bytes);
    cache.set(bytes, hit);
    return hit;
  }
  if (binary.has(bytes)) return '';
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    binary.add(bytes);
    return '';
  }
  cache.set(bytes, text);
  cachedUnits += text.length;
  for (const [k, v] of cache) {
    if (cachedUnits <= CACHE_UNITS || k === bytes) break;
    cache.delete(k);
    cachedUnits -= v.length;
  }
  return text;
}

/**
 * The file's text as the shell reads it. A file of an imported image whose bytes are not UTF-8 (a
 * binary) reads as '': the simulated terminal shows text, and the Inspector shows such a file as
 * its size and a hex peek of `fileData`.
 */
export function fileText(n: FileNode): string {
  return n.bytes ? decoded(n.bytes) : n.content;
}

/** Whether the file holds bytes that are not text (only imported files can). */
export function isBinaryFile(n: FileNode): boolean {
  if (!n.bytes || n.bytes.length === 0) return false;
  decoded(n.bytes);
  return binary.has(n.bytes);
}

/** The file's exact bytes: its content (or imported bytes), then zero bytes up to its size. */
export function fileData(n: FileNode): Uint8Array {
  const head = n.bytes ?? encoder.encode(n.content);
  if (head.length >= n.size) return head;
  const out = new Uint8Array(n.size);
  out.set(head);
  return out;
}

/** The first `max` bytes of the file, without building the whole of a large one. */
export function fileHead(n: FileNode, max: number): Uint8Array {
  if (n.bytes) return n.bytes.subarray(0, max);
  const head = encoder.encode(n.content.slice(0, max));
  return head.length > max ? head.subarray(0, max) : head;
}
