/**
 * The container operations the generator may use. Each method appends one command line template
 * and updates the generator's model with the effect the command most likely has, so that later
 * operations can aim at what earlier ones created or deleted.
 */
import type { FsModel } from './model.ts';
import { depth, dirname } from './paths.ts';
import type { Line } from './types.ts';

const p = (path: string): { path: string } => ({ path });

export type RmFlag = '' | '-r' | '-rf';
export type CpFlag = '' | '-r' | '-p';

export class Ops {
  readonly lines: Line[] = [];

  constructor(private readonly model: FsModel) {}

  echo(path: string, text: string, append: boolean): void {
    this.lines.push(['echo', text, append ? '>>' : '>', p(path)]);
    this.creates(path);
  }

  /** `: >> FILE` opens for writing and writes nothing. */
  openAppend(path: string): void {
    this.lines.push([':', '>>', p(path)]);
    this.creates(path);
  }

  touch(path: string): void {
    this.lines.push(['touch', p(path)]);
    this.creates(path);
  }

  truncate(path: string, size: number): void {
    this.lines.push(['truncate', '-s', String(size), p(path)]);
    this.creates(path);
  }

  sed(path: string): void {
    this.lines.push(['sed', '-i', '"s/x/y/"', p(path)]);
  }

  chmod(mode: string, path: string): void {
    this.lines.push(['chmod', mode, p(path)]);
  }

  rm(flag: RmFlag, path: string): void {
    this.lines.push(flag === '' ? ['rm', p(path)] : ['rm', flag, p(path)]);
    const type = this.model.type(path);
    if (type !== undefined && (type !== 'dir' || flag !== '')) this.model.removeTree(path);
  }

  mkdir(path: string, parents: boolean): void {
    this.lines.push(parents ? ['mkdir', '-p', p(path)] : ['mkdir', p(path)]);
    const missing: string[] = [];
    let dir = path;
    for (; dir !== '/' && this.model.type(dir) === undefined; dir = dirname(dir)) missing.unshift(dir);
    if (!this.model.isDir(dir) || (!parents && missing.length !== 1)) return;
    for (const created of missing) this.model.set(created, 'dir');
  }

  rmdir(path: string): void {
    this.lines.push(['rmdir', p(path)]);
    if (this.model.isDir(path) && this.model.children(path).length === 0) this.model.removeTree(path);
  }

  mv(src: string, dest: string): void {
    this.mustStayDeep(dest);
    this.lines.push(['mv', p(src), p(dest)]);
    const to = this.model.destination(src, dest);
    if (this.canPlace(src, to)) this.model.moveTree(src, to);
  }

  cp(flag: CpFlag, src: string, dest: string): void {
    this.mustStayDeep(dest);
    const into = this.model.destination(src, dest);
    if (flag === '-r' && [dest, into].some((path) => path === src || path.startsWith(`${src}/`))) {
      throw new Error(`generator bug: cp -r ${src} into itself (${dest}), see destinationOutside`);
    }
    this.lines.push(flag === '' ? ['cp', p(src), p(dest)] : ['cp', flag, p(src), p(dest)]);
    const to = this.model.destination(src, dest);
    const type = this.model.type(src);
    if (type === 'dir' && flag !== '-r') return;
    if (!this.canPlace(src, to)) return;
    if (type === 'symlink' && flag !== '-r') this.model.set(to, 'file');
    else this.model.copyTree(src, to);
  }

  /** `target` is stored as written: relative, and resolved from the link's own directory. */
  symlink(target: string, path: string): void {
    if (depth(path) < 2) throw new Error(`generator bug: symlink ${path} at the top level`);
    this.lines.push(['ln', '-s', target, p(path)]);
    if (this.model.type(path) === undefined && this.model.isDir(dirname(path)))
      this.model.set(path, 'symlink');
  }

  hardlink(src: string, path: string): void {
    this.lines.push(['ln', p(src), p(path)]);
    if (this.model.type(src) === 'file' && this.model.type(path) === undefined) this.model.set(path, 'file');
  }

  /**
   * A symlink with a '..' target must never land at the top level, where following it would climb
   * out of MergedDir on the host: mv and cp go into an existing dir or to a path at depth 2 or more.
   */
  private mustStayDeep(dest: string): void {
    if (depth(dest) < 2 && !this.model.isDir(dest)) throw new Error(`generator bug: mv/cp to ${dest}`);
  }

  private creates(path: string): void {
    if (this.model.type(path) === undefined && this.model.isDir(dirname(path))) this.model.set(path, 'file');
  }

  /** Whether moving or copying src to `to` would succeed, as far as the model can tell. */
  private canPlace(src: string, to: string): boolean {
    const from = this.model.type(src);
    const existing = this.model.type(to);
    if (from === undefined || to === src || to.startsWith(`${src}/`) || !this.model.isDir(dirname(to)))
      return false;
    if (existing === undefined) return true;
    if (from === 'dir') return existing === 'dir' && this.model.children(to).length === 0;
    return existing !== 'dir';
  }
}
