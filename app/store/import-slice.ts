import type { StateCreator } from 'zustand/vanilla';
import type { ImportProgress, PrepareOptions } from '../engine/archive/prepare.ts';
import type { HostFile, HostFiles } from '../shell/host-files.ts';
import type { Session } from '../shell/session-api.ts';
import type { AppState } from './store.ts';

/** An archive being read: its bytes coming in from the picker, then gunzipped, hashed and extracted. */
export interface Importing {
  /** The host path, or the picked file's name while it is still being read. */
  readonly file: string;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly layersDone: number;
  /** 0 until the archive's manifest has been read. */
  readonly layersTotal: number;
}

/**
 * An archive to offer as a download: one `docker save -o` just wrote on the host, or an image the
 * page exported as an OCI layout (no shell line can: dockerd 20.10's docker save has no such format).
 */
export type SavedArchive = SavedByDockerSave | ExportedOciLayout;

export interface SavedByDockerSave {
  readonly format: 'docker-archive';
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Asked for by an image's download button: the page downloads it at once. */
  readonly auto: boolean;
}

export interface ExportedOciLayout {
  readonly format: 'oci-layout';
  /** The download's file name (nothing is put on the host). */
  readonly path: string;
  readonly ref: string;
  readonly bytes: Uint8Array;
  readonly auto: true;
}

/** An archive opened in the page holds several images: which to load? */
export interface Choosing {
  readonly file: string;
  /** One per image of the archive: its tags ('name:tag, other:1'), or its short ID when untagged. */
  readonly images: readonly { readonly label: string; readonly layers: number }[];
}

type Prepared = NonNullable<HostFile['prepared']>;

/** What the page gives for a picked or dropped file (a `File`; a Blob in tests). */
export interface ByteFile {
  readonly name: string;
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface ImportSlice {
  readonly importing: Importing | null;
  readonly saved: SavedArchive | null;
  /** An OCI export that could not be written (a catalog layer known only by its digest, a gone image). */
  readonly exportFailed: { readonly ref: string; readonly error: string } | null;
  readonly choosing: Choosing | null;
  /** Load the archive's image at `index` of `choosing.images`, or all of them (null). */
  chooseImage(index: number | null): void;
  /** Stop reading the archive: the `docker load` waiting for it fails with `context canceled`. */
  cancelImport(): void;
  /**
   * Put a picked or dropped archive on the host as /root/<name> and type `docker load -i` for the
   * learner. Resolves once the file is on the host (the load itself then runs like any line).
   */
  openArchive(file: ByteFile): Promise<void>;
  /** Type `docker save REF -o /root/<name>.tar` and download the archive it writes. */
  saveImage(ref: string): void;
  /**
   * Export the image as an OCI image layout, as Docker 25+'s docker save writes it, from the machine
   * as it is now, and download it at once as `<name>.oci.tar`. No line is typed: there is none.
   */
  exportOciLayout(ref: string): Promise<void>;
  dismissSaved(): void;
  /**
   * Internal, for the session slice: run `work` with progress and cancel wired to `importing`.
   * Only one archive is read at a time (the lines after it wait).
   */
  trackImport<T>(file: string, bytesTotal: number, work: (opts: PrepareOptions) => Promise<T>): Promise<T>;
  /**
   * Internal, for the session slice: an archive the page opened that holds several images waits for
   * the learner's pick. `use` is for the `docker load` now, `keep` stays with the file.
   */
  pickImages(path: string, prepared: Prepared): Promise<{ use: Prepared; keep: HostFile['prepared'] }>;
  /** Internal, for the session slice: after a line ran, offer what it saved on the host. */
  offerSaved(line: string, before: Session, after: Session): void;
}

/** A host path for a file the user picked: its name, with anything a shell would read specially made `_`. */
export function hostPathFor(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base.replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^[-.]+/, '');
  return `/root/${safe === '' ? 'image.tar' : safe}`;
}

/** A short file name for a ref's archive: `nginx:latest` → `nginx_latest.tar`. */
export function archiveNameFor(ref: string): string {
  return `${ref.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[-.]+/, '') || 'image'}.tar`;
}

/** The file name of a ref's OCI export: `nginx:latest` → `nginx_latest.oci.tar`. */
export function ociArchiveNameFor(ref: string): string {
  return archiveNameFor(ref).replace(/\.tar$/, '.oci.tar');
}

/** The archives written by a line: new or replaced host files that no `docker load` has read. */
export function savedBy(before: HostFiles | undefined, after: HostFiles | undefined): string | null {
  let last: string | null = null;
  for (const [path, f] of after ?? []) if (before?.get(path) !== f && f.prepared === undefined) last = path;
  return last;
}

/** Read a stream into one buffer of the size announced (never a second copy of the file). */
async function readAll(
  file: ByteFile,
  onBytes: (n: number) => void,
  signal: AbortSignal,
): Promise<Uint8Array> {
  let buf = new Uint8Array(file.size);
  let n = 0;
  const reader = file.stream().getReader();
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      if (n + value.length > buf.length) {
        // Longer than announced (or no size, a fetch without Content-Length): grow by doubling.
        const bigger = new Uint8Array(Math.max(buf.length * 2, n + value.length, 1 << 20));
        bigger.set(buf.subarray(0, n));
        buf = bigger;
      }
      buf.set(value, n);
      n += value.length;
      onBytes(n);
    }
  } finally {
    reader.releaseLock();
  }
  return n === buf.length ? buf : buf.subarray(0, n);
}

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set, get) => {
  let controller: AbortController | null = null;
  /** The line an image's download button typed: the archive it writes downloads at once. */
  let autoLine: string | null = null;
  /** Host paths opened by the picker or a drop, whose load may ask which image. */
  const opened = new Set<string>();
  let chosen: ((index: number | null | 'cancel') => void) | null = null;

  const track = async <T>(
    file: string,
    bytesTotal: number,
    work: (signal: AbortSignal, onProgress: (p: ImportProgress) => void) => Promise<T>,
  ): Promise<T> => {
    const c = new AbortController();
    controller = c;
    set({ importing: { file, bytesDone: 0, bytesTotal, layersDone: 0, layersTotal: 0 } });
    try {
      return await work(c.signal, (p) => {
        if (controller === c)
          set({
            importing: {
              file,
              bytesDone: Math.min(p.bytes, bytesTotal),
              bytesTotal,
              layersDone: p.layersDone,
              layersTotal: p.layersTotal,
            },
          });
      });
    } finally {
      if (controller === c) {
        controller = null;
        set({ importing: null });
      }
    }
  };

  return {
    importing: null,
    saved: null,
    exportFailed: null,
    choosing: null,
    chooseImage(index) {
      chosen?.(index);
    },
    async pickImages(path, prepared) {
      const asked = opened.delete(path);
      if (!asked || 'error' in prepared || prepared.images.length < 2)
        return { use: prepared, keep: prepared };
      const images = prepared.images.map((img) => ({
        label: img.repoTags.length > 0 ? img.repoTags.join(', ') : img.id.slice(7, 19),
        layers: img.layers.length,
      }));
      const pick = await new Promise<number | null | 'cancel'>((resolve) => {
        chosen = resolve;
        set({ choosing: { file: path, images } });
      });
      chosen = null;
      set({ choosing: null });
      if (pick === 'cancel') return { use: { error: 'context canceled' }, keep: prepared };
      const one = pick === null ? undefined : prepared.images[pick];
      return { use: one ? { ...prepared, images: [one] } : prepared, keep: prepared };
    },
    cancelImport() {
      chosen?.('cancel');
      controller?.abort(new DOMException('context canceled', 'AbortError'));
    },
    async openArchive(file) {
      const path = hostPathFor(file.name);
      let bytes: Uint8Array | Blob;
      // A picked or dropped File stays where it is (on disk): `docker load` reads it in pieces, so
      // the page never holds the archive as well as the layers it loads. A stream (the sample,
      // fetched) has nowhere else to be, and is read into memory.
      if (file instanceof Blob) bytes = file;
      else
        try {
          bytes = await track(file.name, file.size, (signal, onProgress) =>
            readAll(file, (n) => onProgress({ bytes: n, layersDone: 0, layersTotal: 0 }), signal),
          );
        } catch {
          // Cancelled, or the browser could not read the file: nothing was put on the host.
          return;
        }
      if (!(await get().putHostFile(path, bytes))) return;
      opened.add(path);
      get().run(`docker load -i ${path}`);
    },
    saveImage(ref) {
      const line = `docker save ${ref} -o /root/${archiveNameFor(ref)}`;
      autoLine = line;
      get().run(line);
    },
    async exportOciLayout(ref) {
      const world = get().session.world;
      let r: { ok: true; bytes: Uint8Array } | { ok: false; error: string };
      try {
        // The writer is loaded with the first export: most visits never export.
        const { saveOciLayout } = await import('../engine/archive/save-oci.ts');
        r = saveOciLayout(world, [ref]);
      } catch (e) {
        // Its code could not be fetched (offline, a deploy replaced the files).
        r = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      if (!r.ok) return void set({ saved: null, exportFailed: { ref, error: r.error } });
      const path = ociArchiveNameFor(ref);
      set({ exportFailed: null, saved: { format: 'oci-layout', path, ref, bytes: r.bytes, auto: true } });
    },
    dismissSaved() {
      set({ saved: null, exportFailed: null });
    },
    trackImport(file, bytesTotal, work) {
      return track(file, bytesTotal, (signal, onProgress) => work({ signal, onProgress }));
    },
    offerSaved(line, before, after) {
      const auto = line === autoLine;
      if (auto) autoLine = null;
      const path = savedBy(before.hostFiles, after.hostFiles);
      const bytes = path === null ? undefined : after.hostFiles?.get(path)?.bytes;
      if (path !== null && bytes instanceof Uint8Array)
        set({ saved: { format: 'docker-archive', path, bytes, auto }, exportFailed: null });
    },
  };
};
