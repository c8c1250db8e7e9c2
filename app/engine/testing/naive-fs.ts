import type { Errno } from '../errors.ts';
import type { LayerEntrySpec } from '../layer.ts';

/**
 * A deliberately naive filesystem for the model-based fuzz test: one flat map of paths, no layers,
 * no copy-up, no whiteouts — just what POSIX says each call does. The overlay's merged view must
 * always equal this model after the same calls. Initial contents come from applying image layers
 * bottom-up the OCI way (a second, independent reading of the lookup rules).
 */
type Entry =
  { kind: 'dir'; mode: number } | { kind: 'file'; ino: number } | { kind: 'symlink'; target: string };

export class NaiveFs {
  readonly entries = new Map<string, Entry>([['/', { kind: 'dir', mode: 0o755 }]]);
  readonly inodes = new Map<number, { content: string; mode: number }>();
  private nextIno = 1;

  static fromLayers(layers: readonly (readonly LayerEntrySpec[])[]): NaiveFs {
    const fs = new NaiveFs();
    for (const layer of layers) {
      // Opaque dirs and whiteouts of a layer hide what is below before its own entries land (G2, G3).
      for (const e of layer) {
        if (e.type === 'whiteout') fs.removeTree(e.path);
        if (e.type === 'dir' && e.opaque) fs.removeTree(e.path);
      }
      const explicitDirs = new Set(layer.filter((e) => e.type === 'dir').map((e) => e.path));
      for (const e of layer) {
        fs.ensureParents(e.path, explicitDirs);
        if (e.type === 'whiteout') continue;
        const cur = fs.entries.get(e.path);
        if (e.type === 'dir') {
          if (cur?.kind !== 'dir') fs.removeTree(e.path);
          fs.entries.set(e.path, { kind: 'dir', mode: parseInt(String(e.mode ?? '755'), 8) });
        } else {
          fs.removeTree(e.path);
          if (e.type === 'file')
            fs.entries.set(e.path, fs.newFile(e.content ?? '', parseInt(String(e.mode ?? '644'), 8)));
          else if (e.type === 'symlink') fs.entries.set(e.path, { kind: 'symlink', target: e.target });
        }
      }
    }
    return fs;
  }

  private newFile(content: string, mode: number): Entry {
    const ino = this.nextIno++;
    this.inodes.set(ino, { content, mode });
    return { kind: 'file', ino };
  }

  /** A layer's missing parents are dirs 0755 of that layer, and their mode is the merged one (REPLAY.md). */
  private ensureParents(path: string, explicit: ReadonlySet<string>): void {
    const parts = path.split('/').slice(1, -1);
    let p = '';
    for (const part of parts) {
      p += '/' + part;
      if (this.entries.get(p)?.kind !== 'dir') this.removeTree(p);
      if (!explicit.has(p) || this.entries.get(p)?.kind !== 'dir')
        this.entries.set(p, { kind: 'dir', mode: 0o755 });
    }
  }

  private removeTree(path: string): void {
    for (const k of [...this.entries.keys()])
      if (k === path || k.startsWith(path + '/')) this.entries.delete(k);
  }

  private children(path: string): string[] {
    const prefix = path === '/' ? '/' : path + '/';
    return [...this.entries.keys()].filter(
      (k) => k !== '/' && k.startsWith(prefix) && !k.slice(prefix.length).includes('/'),
    );
  }

  /** namei on the ancestors: the first missing one gives ENOENT, the first non-directory ENOTDIR. */
  private parentOk(path: string): Errno | null {
    const parts = path.split('/').slice(1, -1);
    let p = '';
    for (const part of parts) {
      p += '/' + part;
      const e = this.entries.get(p);
      if (!e) return 'ENOENT';
      if (e.kind !== 'dir') return 'ENOTDIR';
    }
    return null;
  }

  writeFile(path: string, data: string, append: boolean): Errno | null {
    const e = this.entries.get(path);
    if (!e) {
      const bad = this.parentOk(path);
      if (bad) return bad;
      this.entries.set(path, this.newFile(data, 0o644));
      return null;
    }
    if (e.kind === 'dir') return 'EISDIR';
    if (e.kind !== 'file') return 'EINVAL';
    const node = this.inodes.get(e.ino)!;
    node.content = append ? node.content + data : data;
    return null;
  }

  mkdir(path: string): Errno | null {
    if (this.entries.has(path)) return 'EEXIST';
    const bad = this.parentOk(path);
    if (bad) return bad;
    this.entries.set(path, { kind: 'dir', mode: 0o755 });
    return null;
  }

  unlink(path: string): Errno | null {
    const e = this.entries.get(path);
    if (!e) return this.parentOk(path) ?? 'ENOENT';
    if (e.kind === 'dir') return 'EISDIR';
    this.entries.delete(path);
    return null;
  }

  rmdir(path: string): Errno | null {
    const e = this.entries.get(path);
    if (!e) return this.parentOk(path) ?? 'ENOENT';
    if (e.kind !== 'dir') return 'ENOTDIR';
    if (this.children(path).length > 0) return 'ENOTEMPTY';
    this.entries.delete(path);
    return null;
  }

  rename(from: string, to: string): Errno | null {
    const s = this.entries.get(from);
    if (!s) return this.parentOk(from) ?? 'ENOENT';
    const bad = this.parentOk(to);
    if (bad) return bad;
    if (from === to) return null;
    if (s.kind === 'dir' && to.startsWith(from + '/')) return 'EINVAL';
    const d = this.entries.get(to);
    if (d) {
      if (s.kind === 'dir' && d.kind !== 'dir') return 'ENOTDIR';
      if (s.kind !== 'dir' && d.kind === 'dir') return 'EISDIR';
      if (s.kind === 'dir' && this.children(to).length > 0) return 'ENOTEMPTY';
      if (s.kind === 'file' && d.kind === 'file' && s.ino === d.ino) return null;
    }
    const moved = [...this.entries].filter(([k]) => k === from || k.startsWith(from + '/'));
    this.removeTree(to);
    for (const [k] of moved) this.entries.delete(k);
    for (const [k, v] of moved) this.entries.set(to + k.slice(from.length), v);
    return null;
  }

  symlink(target: string, path: string): Errno | null {
    if (this.entries.has(path)) return 'EEXIST';
    const bad = this.parentOk(path);
    if (bad) return bad;
    this.entries.set(path, { kind: 'symlink', target });
    return null;
  }

  link(existing: string, path: string): Errno | null {
    const s = this.entries.get(existing);
    if (!s) return this.parentOk(existing) ?? 'ENOENT';
    if (s.kind === 'dir') return 'EPERM';
    if (this.entries.has(path)) return 'EEXIST';
    const bad = this.parentOk(path);
    if (bad) return bad;
    this.entries.set(path, s);
    return null;
  }

  chmod(path: string, mode: number): Errno | null {
    const e = this.entries.get(path);
    if (!e) return this.parentOk(path) ?? 'ENOENT';
    if (e.kind === 'dir') this.entries.set(path, { kind: 'dir', mode });
    else if (e.kind === 'file') this.inodes.get(e.ino)!.mode = mode;
    return null;
  }

  /** The whole tree as sorted lines `path type mode content|target`. */
  dump(): string[] {
    return [...this.entries]
      .filter(([k]) => k !== '/')
      .map(([k, e]) => {
        if (e.kind === 'dir') return `${k} dir ${e.mode.toString(8)}`;
        if (e.kind === 'symlink') return `${k} symlink ${e.target}`;
        const n = this.inodes.get(e.ino)!;
        return `${k} file ${n.mode.toString(8)} ${JSON.stringify(n.content)}`;
      })
      .sort();
  }

  kindOf(path: string): Entry['kind'] | undefined {
    return this.entries.get(path)?.kind;
  }
}
