/**
 * The generator's rough picture of a container's merged tree: exact for image layers (so it knows
 * what is lower, whited out or opaque), approximate for the shell operations that follow. It only
 * steers the choice of interesting targets; the real kernel and Docker decide what actually happens.
 */
import { completeLayer } from './layer.ts';
import { byteOrder, dirname, isUnder, join } from './paths.ts';
import type { Layer } from './types.ts';

export type NodeType = 'file' | 'dir' | 'symlink';

export class FsModel {
  private readonly nodes = new Map<string, NodeType>();

  type(path: string): NodeType | undefined {
    return path === '/' ? 'dir' : this.nodes.get(path);
  }

  isDir(path: string): boolean {
    return this.type(path) === 'dir';
  }

  /** All paths, sorted, optionally only those of one type. */
  paths(type?: NodeType): string[] {
    return [...this.nodes]
      .filter(([, t]) => type === undefined || t === type)
      .map(([path]) => path)
      .sort(byteOrder);
  }

  children(dir: string): string[] {
    return this.paths().filter((path) => dirname(path) === dir);
  }

  set(path: string, type: NodeType): void {
    this.removeTree(path);
    this.nodes.set(path, type);
  }

  removeTree(path: string): void {
    for (const key of [...this.nodes.keys()]) if (key === path || isUnder(key, path)) this.nodes.delete(key);
  }

  /** Copies path and everything below it to dest (replacing what was there). */
  copyTree(src: string, dest: string): void {
    const moved = [...this.nodes].filter(([key]) => key === src || isUnder(key, src));
    this.removeTree(dest);
    for (const [key, type] of moved) this.nodes.set(dest + key.slice(src.length), type);
  }

  moveTree(src: string, dest: string): void {
    this.copyTree(src, dest);
    this.removeTree(src);
  }

  /** What a layer does to the tree below it: whiteouts and opaque dirs hide, other entries replace. */
  applyLayer(layer: Layer): void {
    const entries = completeLayer(layer);
    for (const entry of entries) {
      if (entry.type === 'whiteout') this.removeTree(entry.path);
      if (entry.type === 'dir' && entry.opaque === true) {
        for (const child of this.children(entry.path)) this.removeTree(child);
      }
    }
    for (const entry of entries) {
      if (entry.type === 'whiteout') continue;
      if (entry.type === 'dir' && this.isDir(entry.path)) continue;
      this.set(entry.path, entry.type);
    }
  }

  /** The nearest existing directory, walking up from path. */
  existingAncestor(path: string): string {
    let dir = dirname(path);
    while (dir !== '/' && !this.isDir(dir)) dir = dirname(dir);
    return dir;
  }

  /** Where `mv SRC DEST` or `cp SRC DEST` puts SRC: inside DEST when DEST is a directory. */
  destination(src: string, dest: string): string {
    return this.isDir(dest) ? join(dest, src.slice(src.lastIndexOf('/') + 1)) : dest;
  }
}
