import type { PreparedArchive, PrepareOptions } from '../engine/archive/prepare.ts';
import { prepareArchive } from '../engine/archive/prepare.ts';
import { ArchiveError } from '../engine/archive/errors.ts';
import { normalize } from '../engine/path.ts';
import { NamespaceFs } from '../engine/namespace-fs.ts';
import { hostNamespace } from '../engine/docker/hostview.ts';
import type { LineResult, Session } from './session-api.ts';
import { runLine } from './session.ts';

/**
 * The "host files" port: bytes of archive files on the simulated host, by absolute path. The shell
 * is synchronous and pure, so it never reads a disk or a file picker itself: the page (a picker or a
 * drop) and the replay (a real file on disk) put bytes here with `addHostFile`; `docker save -o`
 * leaves its archive here for them to download or write. Reading an archive is asynchronous (gunzip,
 * hashing), so `docker load` asks for it (LineResult.needsArchive), `prepareHostFile` does that part
 * — in a Web Worker if the page likes — and the line runs again and applies it synchronously.
 */
export interface HostFile {
  /**
   * The file's bytes. In the page, an opened file stays the browser's File (a Blob on disk): the
   * import reads it in pieces, so the page never holds the archive as well as its layers.
   */
  readonly bytes: Uint8Array | Blob;
  /** The archive read and verified, or why it could not be (the error `docker load` prints). */
  readonly prepared?: PreparedArchive | { readonly error: string };
}

export type HostFiles = ReadonlyMap<string, HostFile>;

/** Put a file's bytes on the host at `path` (absolute, or relative to /root); the host tree shows it by size. */
export function addHostFile(session: Session, path: string, bytes: Uint8Array | Blob): Session {
  const abs = normalize(path, normalize('/root'));
  const fs = new NamespaceFs(hostNamespace(session.world, session.host), session.world.clock);
  const slash = abs.lastIndexOf('/');
  if (slash > 0) mkdirs(fs, abs.slice(0, slash));
  fs.writeFile(abs, '', { append: false });
  fs.truncate(abs, hostFileSize(bytes));
  const host = fs.mutated ? fs.ns.mounts[0]!.fs.upper : session.host;
  return { ...session, host, hostFiles: new Map(session.hostFiles ?? []).set(abs, { bytes }) };
}

export const hostFileSize = (bytes: Uint8Array | Blob): number =>
  bytes instanceof Uint8Array ? bytes.length : bytes.size;

/** A Blob in pieces, read one at a time as they are asked for. */
export async function* blobChunks(blob: Blob, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let off = 0; off < blob.size; off += size)
    yield new Uint8Array(await blob.slice(off, Math.min(blob.size, off + size)).arrayBuffer());
}

function mkdirs(fs: NamespaceFs, dir: string): void {
  let cur = '';
  for (const c of dir.split('/').filter((p) => p !== '')) {
    cur += `/${c}`;
    const p = normalize(cur);
    if (!fs.stat(p).ok) fs.mkdir(p, 0o755);
  }
}

/** Read and verify the archive at `path` (async), keeping the result (or its error) with the file. */
export async function prepareHostFile(
  session: Session,
  path: string,
  opts: PrepareOptions = {},
): Promise<Session> {
  const file = session.hostFiles?.get(path);
  if (!file) return session;
  let prepared: HostFile['prepared'];
  try {
    const src = file.bytes instanceof Uint8Array ? file.bytes : blobChunks(file.bytes);
    prepared = await prepareArchive(src, opts);
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw e;
    prepared = { error: e.message };
  }
  return { ...session, hostFiles: new Map(session.hostFiles).set(path, { bytes: file.bytes, prepared }) };
}

/** runLine, preparing any archive the line loads first (the replay; the page does the same off the main thread). */
export async function runLinePreparing(
  session: Session,
  line: string,
  opts: PrepareOptions = {},
): Promise<LineResult> {
  let s = session;
  for (let tries = 0; tries < 8; tries++) {
    const r = runLine(s, line);
    if (r.needsArchive === undefined) return r;
    s = await prepareHostFile(s, r.needsArchive, opts);
    if (s.hostFiles?.get(r.needsArchive)?.prepared === undefined) return r;
  }
  return runLine(s, line);
}
