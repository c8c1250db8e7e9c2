import { ArchiveError } from '../engine/archive/errors.ts';
import { prepareArchive } from '../engine/archive/prepare.ts';
import { normalize } from '../engine/path.ts';
import type { HostFile } from '../shell/host-files.ts';
import { addHostFile, blobChunks } from '../shell/host-files.ts';
import type { Session } from '../shell/session.ts';

/**
 * The archives a scenario's lines read or write on the host: `docker load -i FILE` (or `--input`,
 * `< FILE`) and `docker save … -o FILE` (or `--output`, `> FILE`). `word` is FILE as typed; `path`
 * where the simulated host has it (relative words are relative to /root, the prompt's directory).
 * The CLI reads the first kind from disk before the run and writes the second after it.
 */
export interface ArchiveFile {
  readonly kind: 'load' | 'save';
  readonly word: string;
  readonly path: string;
}

export function archiveFiles(commands: readonly string[]): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  for (const line of commands) {
    for (const part of line.split(/&&|\|\||;/)) {
      const w = part.trim().split(/\s+/);
      if (w[0] !== 'docker') continue;
      const i = w[1] === 'image' ? 2 : 1;
      const kind = w[i] === 'load' ? 'load' : w[i] === 'save' ? 'save' : null;
      if (kind === null) continue;
      const flags = kind === 'load' ? ['-i', '--input', '<'] : ['-o', '--output', '>'];
      for (let j = i + 1; j < w.length; j++) {
        const a = w[j]!;
        let word: string | undefined;
        if (flags.includes(a)) word = w[++j];
        else if (a.startsWith(`${flags[1]!}=`)) word = a.slice(flags[1]!.length + 1);
        else if (a.length > 1 && a.startsWith(flags[2]!)) word = a.slice(1);
        if (word) out.push({ kind, word, path: normalize(word, normalize('/root')) });
      }
    }
  }
  return out;
}

/** A host file read from disk, prepared (read and verified) ahead of the run. */
export interface PreparedFile {
  readonly path: string;
  /** The file: bytes, or a Blob backed by the file on disk (read in pieces, never whole). */
  readonly bytes: Uint8Array | Blob;
  readonly prepared: NonNullable<HostFile['prepared']>;
}

export async function prepareFile(path: string, bytes: Uint8Array | Blob): Promise<PreparedFile> {
  try {
    const src = bytes instanceof Uint8Array ? bytes : blobChunks(bytes);
    return { path, bytes, prepared: await prepareArchive(src) };
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw e;
    return { path, bytes, prepared: { error: e.message } };
  }
}

/** Put prepared files on the session's host. */
export function withFiles(session: Session, files: readonly PreparedFile[]): Session {
  let s = session;
  for (const f of files) {
    s = addHostFile(s, f.path, f.bytes);
    s = { ...s, hostFiles: new Map(s.hostFiles).set(f.path, { bytes: f.bytes, prepared: f.prepared }) };
  }
  return s;
}
