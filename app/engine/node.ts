// Filesystem objects as one layer's directory holds them. All nodes are immutable: an update copies
// the path from the root to the changed node and shares everything else (cheap snapshots for undo).

/** Metadata every object carries. mode holds the permission bits only (0o7777); mtime is whole seconds. */
export interface Meta {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
}

export interface FileNode extends Meta {
  readonly kind: 'file';
  /** Inode number inside its layer: names with the same ino in one layer are hard links. */
  readonly ino: number;
  /**
   * The file's bytes as text. A file may be larger than its content: the rest reads as zero bytes
   * (a sparse tail after truncate, or a catalog binary known only by its size).
   */
  readonly content: string;
  /**
   * An imported file's bytes, exact (content is then ''): a view into its layer's tar, never a copy.
   * Read them through content.ts (`fileText`, `fileData`), which knows both forms.
   */
  readonly bytes?: Uint8Array;
  /** st_size in bytes: at least the UTF-8 length of content, or the length of bytes. */
  readonly size: number;
}

export interface DirNode extends Meta {
  readonly kind: 'dir';
  /** trusted.overlay.opaque="y": hides everything below this dir in lower layers (upper dirs only). */
  readonly opaque: boolean;
  readonly children: ReadonlyMap<string, Node>;
}

export interface SymlinkNode extends Meta {
  readonly kind: 'symlink';
  readonly target: string;
}

/** overlayfs whiteout: a character device 0:0 (mode 000) that hides the name in lower layers. */
export interface WhiteoutNode extends Meta {
  readonly kind: 'whiteout';
}

export type Node = FileNode | DirNode | SymlinkNode | WhiteoutNode;
export type NodeKind = Node['kind'];

const encoder = new TextEncoder();
export const byteLength = (s: string): number => {
  // Fast path for ASCII, which is nearly every file the simulator holds.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? s.length : encoder.encode(s).length;
};

export const fileNode = (content: string, meta: Meta, ino: number): FileNode => ({
  kind: 'file',
  ino,
  content,
  size: byteLength(content),
  mode: meta.mode,
  uid: meta.uid,
  gid: meta.gid,
  mtime: meta.mtime,
});

export const dirNode = (
  meta: Meta,
  children: ReadonlyMap<string, Node> = new Map(),
  opaque = false,
): DirNode => ({
  kind: 'dir',
  opaque,
  children,
  mode: meta.mode,
  uid: meta.uid,
  gid: meta.gid,
  mtime: meta.mtime,
});

export const symlinkNode = (target: string, meta: Meta): SymlinkNode => ({
  kind: 'symlink',
  target,
  mode: 0o777,
  uid: meta.uid,
  gid: meta.gid,
  mtime: meta.mtime,
});

export const whiteoutNode = (mtime: number): WhiteoutNode => ({
  kind: 'whiteout',
  mode: 0,
  uid: 0,
  gid: 0,
  mtime,
});

export const metaOf = (n: Meta): Meta => ({ mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime });

/** st_size as stat(2) reports it: dirs 4096 (ext4-like), symlinks their target length, whiteouts 0. */
export const statSize = (n: Node): number => {
  switch (n.kind) {
    case 'file':
      return n.size;
    case 'dir':
      return 4096;
    case 'symlink':
      return byteLength(n.target);
    case 'whiteout':
      return 0;
  }
};
