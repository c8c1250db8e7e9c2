import type { AbsPath } from '../ids.ts';
import { layerId } from '../ids.ts';
import type { Layer } from '../layer.ts';
import type { DirNode, FileNode, Meta, Node } from '../node.ts';
import { ArchiveError } from './errors.ts';
import type { TarEntry } from './tar-read.ts';

// One layer tar, extracted the way overlay2's ApplyDiff extracts it into the layer's own diff/ dir
// (SEMANTICS.md E7, G1–G5): `.wh.NAME` becomes a whiteout at NAME, `DIR/.wh..wh..opq` marks DIR opaque
// (a flag, so its place in the tar does not matter: G3), hard links share one node, and a parent the
// tar does not list is created as a plain 0755 dir. Nothing is resolved through symlinks, so a
// symlink loop is only a name. Entries that would land outside the root, duplicates, invalid
// whiteout names and hard links to nothing are errors.

export interface LayerTreeNotes {
  /** Entries the engine cannot represent (devices, fifos), skipped: "path (type c)". */
  skipped: string[];
}

const OPAQUE = '.wh..wh..opq';
const WH = '.wh.';

/**
 * Clean a tar name into path components under the root. A `..` above the root stays at the root, as
 * it does for dockerd, which extracts each layer chrooted into the layer's own directory: nothing
 * escapes the image root, and the entry lands where dockerd puts it.
 */
export function cleanName(name: string): string[] {
  if (name.includes('\0')) throw new ArchiveError(`invalid tar entry "${name}": NUL in the name`);
  const out: string[] = [];
  for (const c of name.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return out;
}

/** Symlinks followed while placing one entry before it is ELOOP, as Linux allows. */
const MAX_HOPS = 40;

/** Accumulates one layer's entries in tar order; `finish()` freezes it into an engine Layer. */
export class LayerTreeBuilder {
  private readonly root: DirNode;
  /** Paths given by an entry of their own (G1 forbids two), whiteouts apart. */
  private readonly explicit = new Set<string>();
  private readonly whiteouts = new Set<string>();
  private readonly files = new Map<string, FileNode>();
  private readonly links = new Map<number, AbsPath[]>();
  readonly notes: LayerTreeNotes = { skipped: [] };
  /** Σ st_size of its files (each inode once) and symlinks: layerSize of the tree, counted as it is built. */
  private bytes = 0;
  private ino: number;

  constructor(
    firstIno: number,
    /** Names the layer in errors ('layer 2 (abc/layer.tar)'); '' when the caller adds it. */
    private readonly label = '',
  ) {
    this.ino = firstIno;
    this.root = { kind: 'dir', opaque: false, children: new Map(), mode: 0o755, uid: 0, gid: 0, mtime: 0 };
  }

  get nextIno(): number {
    return this.ino;
  }

  add(e: TarEntry): void {
    const comps = cleanName(e.name);
    const meta: Meta = { mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
    if (comps.length === 0) {
      // The root itself (`./`): its attributes only.
      if (e.type === '5') Object.assign(this.root as { -readonly [K in keyof DirNode]: DirNode[K] }, meta);
      return;
    }
    const base = comps[comps.length - 1]!;
    const parentComps = comps.slice(0, -1);
    if (base === OPAQUE) {
      const dir = this.dirAt(parentComps, e.mtime, comps.join('/'));
      (dir as { opaque: boolean }).opaque = true;
      return;
    }
    if (base.startsWith(WH)) {
      const name = base.slice(WH.length);
      // G5: a whiteout must name something. dockerd refuses these three only by accident: it makes
      // the whiteout device at the name `.wh.` strips to, which is the directory itself (or its parent).
      if (name === '' || name === '.' || name === '..') {
        const at = name === '..' ? parentComps.slice(0, -1) : parentComps;
        throw this.error(
          `invalid whiteout name "${e.name}": failed to mknod("/${at.join('/')}", S_IFCHR, 0): file exists`,
        );
      }
      const path = [...parentComps, name].join('/');
      if (this.whiteouts.has(path)) throw this.duplicate(e.name);
      this.whiteouts.add(path);
      const dir = this.dirAt(parentComps, e.mtime, comps.join('/'));
      // G2: an entry of this same layer at that name is not hidden by it.
      if (!this.explicit.has(path))
        kids(dir).set(name, { kind: 'whiteout', mode: 0, uid: e.uid, gid: e.gid, mtime: e.mtime });
      return;
    }
    const path = comps.join('/');
    const dir = this.dirAt(parentComps, e.mtime, comps.join('/'));
    const existing = dir.children.get(base);
    if (this.explicit.has(path)) throw this.duplicate(e.name);
    this.explicit.add(path);
    switch (e.type) {
      case '5': {
        const children = existing?.kind === 'dir' ? kids(existing) : new Map<string, Node>();
        const opaque = existing?.kind === 'dir' && existing.opaque;
        kids(dir).set(base, { kind: 'dir', opaque, children, ...meta });
        return;
      }
      case '0':
      case '7': {
        const node = this.file(e, meta);
        this.files.set(path, node);
        kids(dir).set(base, node);
        return;
      }
      case '1': {
        const target = cleanName(e.linkname).join('/');
        const node = this.files.get(target);
        if (!node) throw this.error(`link /${target} /${comps.join('/')}: no such file or directory`);
        kids(dir).set(base, node);
        const names = this.links.get(node.ino) ?? [`/${target}` as AbsPath];
        names.push(`/${path}` as AbsPath);
        this.links.set(node.ino, names);
        this.files.set(path, node);
        return;
      }
      case '2':
        this.bytes += utf8Length(e.linkname);
        kids(dir).set(base, {
          kind: 'symlink',
          target: e.linkname,
          mode: 0o777,
          uid: e.uid,
          gid: e.gid,
          mtime: e.mtime,
        });
        return;
      case '3':
      case '4':
      case '6':
        this.explicit.delete(path);
        this.notes.skipped.push(`/${path} (type ${e.type === '3' ? 'c' : e.type === '4' ? 'b' : 'p'})`);
        return;
      default:
        throw this.error(`unsupported tar entry type '${e.type}' for "${e.name}"`);
    }
  }

  finish(id: string): Layer {
    return { id: layerId(id), root: this.root, links: this.links };
  }

  private duplicate(name: string): ArchiveError {
    return this.error(`duplicates of file paths not supported: "${name}" (G1: a layer holds each path once)`);
  }

  /** An error about this layer, named by its label when it has one. */
  private error(message: string): ArchiveError {
    return new ArchiveError(this.label ? `${this.label}: ${message}` : message);
  }

  /**
   * A regular file keeps its data as it came: a view of the layer's tar when the caller read the
   * tar with views (prepare.ts does), so the file costs no copy; content.ts decodes text on demand.
   */
  /** What docker counts as the layer's size (E7): the same as layerSize of the finished tree. */
  get size(): number {
    return this.bytes;
  }

  private file(e: TarEntry, meta: Meta): FileNode {
    this.bytes += e.size;
    const node: FileNode = { kind: 'file', ino: this.ino++, content: '', size: e.size, ...meta };
    return e.data.length > 0 ? { ...node, bytes: e.data } : node;
  }

  /**
   * The dir at comps, creating missing ones as 0755 (as extraction does). A symlink of this layer on
   * the way is followed, inside the layer (dockerd extracts chrooted into it): `data/up -> ..` puts
   * `data/up/x` at `/x`. What a link points at must exist; a non-dir in the way is an error.
   */
  private dirAt(comps: readonly string[], mtime: number, entry = comps.join('/')): DirNode {
    let dir = this.root;
    let real: string[] = [];
    const queue = comps.map((c) => ({ c, viaLink: false }));
    for (let hops = 0; queue.length > 0;) {
      const { c, viaLink } = queue.shift()!;
      const next = dir.children.get(c);
      if (next === undefined || next.kind === 'whiteout') {
        if (viaLink) throw this.error(`open /${entry}: no such file or directory`);
        const made: DirNode = {
          kind: 'dir',
          opaque: false,
          children: new Map(),
          mode: 0o755,
          uid: 0,
          gid: 0,
          mtime,
        };
        kids(dir).set(c, made);
        dir = made;
        real.push(c);
      } else if (next.kind === 'dir') {
        dir = next;
        real.push(c);
      } else if (next.kind === 'symlink') {
        if (++hops > MAX_HOPS) throw this.error(`open /${entry}: too many levels of symbolic links`);
        const target = cleanName(
          next.target.startsWith('/') ? next.target : [...real, next.target].join('/'),
        );
        queue.unshift(...target.map((t) => ({ c: t, viaLink: true })));
        dir = this.root;
        real = [];
      } else throw this.error(`open /${entry}: not a directory`);
    }
    return dir;
  }
}

const encoder = new TextEncoder();
const utf8Length = (s: string): number => encoder.encode(s).length;

const kids = (d: DirNode): Map<string, Node> => d.children as Map<string, Node>;

/** A layer's nodes with inode numbers moved by `offset` (layers are built apart, then given world inodes). */
export function shiftInos(layer: Layer, offset: number): Layer {
  if (offset === 0) return layer;
  const moved = new Map<number, FileNode>();
  const visit = (d: DirNode): DirNode => {
    const children = new Map<string, Node>();
    for (const [name, n] of d.children) {
      if (n.kind === 'dir') children.set(name, visit(n));
      else if (n.kind === 'file') {
        let m = moved.get(n.ino);
        if (!m) moved.set(n.ino, (m = { ...n, ino: n.ino + offset }));
        children.set(name, m);
      } else children.set(name, n);
    }
    return { ...d, children };
  };
  const links = new Map([...layer.links].map(([ino, names]) => [ino + offset, names] as const));
  return { id: layer.id, root: visit(layer.root), links };
}
