import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LayerEntrySpec } from '../../app/engine/layer.ts';

// Helpers of the catalog generator: layer entries read from this machine (installed packages and
// .deb files of the apt cache), written as the catalog stores them.

export type Entry = LayerEntrySpec;

/** A layer under construction: entries by image path; a later add replaces an earlier one. */
export class LayerBuilder {
  readonly entries = new Map<string, Entry>();
  /** Host inode of each file, to turn a second name of one inode into a hard link. */
  private readonly inodes = new Map<string, string>();

  add(e: Entry, inode?: string): this {
    this.entries.set(e.path, e);
    if (inode !== undefined) this.inodes.set(e.path, inode);
    return this;
  }
  dir(path: string, mode?: number): this {
    return this.add({ path, type: 'dir', ...modeOf(mode, 0o755) });
  }
  file(path: string, content: string, mode?: number): this {
    return this.add({ path, type: 'file', ...(content === '' ? {} : { content }), ...modeOf(mode, 0o644) });
  }
  /** A file known by its size: a short recognisable head, zero bytes after it. */
  blob(path: string, size: number, head: string, mode?: number): this {
    const content = head.slice(0, size);
    return this.add({
      path,
      type: 'file',
      ...(content === '' ? {} : { content }),
      ...(size > Buffer.byteLength(content) ? { size } : {}),
      ...modeOf(mode, 0o644),
    });
  }
  elf(path: string, size: number, mode = 0o755): this {
    return this.blob(path, size, ELF_HEAD, mode);
  }
  link(path: string, target: string): this {
    return this.add({ path, type: 'symlink', target });
  }
  whiteout(path: string): this {
    return this.add({ path, type: 'whiteout' });
  }
  has(path: string): boolean {
    return this.entries.has(path);
  }
  delete(path: string): void {
    this.entries.delete(path);
    this.inodes.delete(path);
  }

  /**
   * The entries in tar order (pre-order, names in byte order: E2), every parent directory present
   * with the mode it has in the image below (`modes`; 0755 when new) — a layer tar always carries
   * them, and a missing one would be created as 0755 and change the merged mode (B2). Names sharing
   * a host inode become hard links to the first of them in tar order.
   */
  finish(modes: ReadonlyMap<string, number> = new Map()): Entry[] {
    for (const path of [...this.entries.keys()]) {
      for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
        const parent = path.slice(0, i);
        if (!this.entries.has(parent)) this.dir(parent, modes.get(parent) ?? 0o755);
      }
    }
    const sorted = [...this.entries.values()].sort((a, b) => treeCompare(a.path, b.path));
    const first = new Map<string, string>();
    return sorted.map((e) => {
      const ino = this.inodes.get(e.path);
      if (ino === undefined || e.type !== 'file') return e;
      const target = first.get(ino);
      if (target === undefined) {
        first.set(ino, e.path);
        return e;
      }
      return { path: e.path, type: 'hardlink', target };
    });
  }
}

const modeOf = (mode: number | undefined, dflt: number): { mode?: string } =>
  mode === undefined || (mode & 0o7777) === dflt
    ? {}
    : { mode: (mode & 0o7777).toString(8).padStart(4, '0') };

/** The first bytes of an x86-64 ELF file that are plain ASCII: what `head -c 7` would show. */
export const ELF_HEAD = '\x7fELF\x02\x01\x01';

/** Compare paths as a pre-order walk with byte-sorted names visits them. */
export function treeCompare(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return Buffer.compare(Buffer.from(pa[i]!), Buffer.from(pb[i]!));
  }
  return pa.length - pb.length;
}

/** What of a host file's bytes goes into the catalog. */
export interface ContentPolicy {
  /** Keep the whole text of this file (small text files a person may cat). */
  full(path: string, bytes: Buffer): boolean;
}

export const DEFAULT_POLICY: ContentPolicy = {
  full(path, bytes) {
    if (!isText(bytes)) return false;
    if (bytes.length <= 512) return true;
    if (path.startsWith('/var/lib/dpkg/info/')) return false;
    if (path.startsWith('/etc/') && bytes.length <= 8 * 1024 && !path.endsWith('.asc')) return true;
    if (bytes.subarray(0, 2).toString() === '#!' && bytes.length <= 4 * 1024) return true;
    return false;
  },
};

export function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  const s = bytes.toString('utf8');
  if (s.includes('\ufffd')) return false;
  // Control characters other than tab, newline, form feed, carriage return and escape: binary.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(c)) || c === 0x7f) return false;
  }
  return true;
}

/**
 * The head kept of a file whose whole text is not: for text, its first lines (up to ~160 bytes, cut
 * at a line end); for binary data, the leading bytes that are plain ASCII (an ELF's `\x7fELF…`, a
 * zoneinfo file's `TZif2`), so the catalog never holds bytes that are not valid UTF-8.
 */
export function headOf(bytes: Buffer): string {
  if (isText(bytes)) {
    const s = bytes
      .subarray(0, 160)
      .toString('utf8')
      .replace(/\ufffd+$/, '');
    const nl = s.lastIndexOf('\n');
    return nl > 0 ? s.slice(0, nl + 1) : s;
  }
  let n = 0;
  while (n < bytes.length && n < 16 && bytes[n]! > 0 && bytes[n]! < 0x80) n++;
  return bytes.subarray(0, n).toString('latin1');
}

/** Read one host path (no symlink followed) as the image entry at `path`. */
export function hostEntry(
  layer: LayerBuilder,
  real: string,
  path: string,
  policy: ContentPolicy = DEFAULT_POLICY,
): boolean {
  let st;
  try {
    st = lstatSync(real);
  } catch {
    return false;
  }
  if (st.isSymbolicLink()) layer.link(path, readlinkSync(real));
  else if (st.isDirectory()) layer.dir(path, st.mode);
  else if (st.isFile()) {
    const bytes = readFileSync(real);
    if (policy.full(path, bytes)) layer.file(path, bytes.toString('utf8'), st.mode);
    else layer.blob(path, bytes.length, headOf(bytes), st.mode);
    if (st.nlink > 1) layer.add(layer.entries.get(path)!, `${st.dev}:${st.ino}`);
  } else return false;
  return true;
}

/** Paths of an installed package (dpkg -L). */
export function dpkgList(pkg: string): string[] {
  return sh('dpkg', ['-L', pkg])
    .split('\n')
    .filter((p) => p.startsWith('/') && p !== '/.');
}

export function isInstalled(pkg: string): boolean {
  try {
    return sh('dpkg-query', ['-W', '-f=${Status}', pkg]).includes('install ok installed');
  } catch {
    return false;
  }
}

/** The cached .deb of a package in /var/cache/apt/archives, extracted to a temporary dir. */
export function extractDeb(pkg: string): { root: string; paths: string[]; deb: string } | null {
  const dir = '/var/cache/apt/archives';
  const deb = readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (!deb) return null;
  const root = mkdtempSync(join(tmpdir(), `catalog-${pkg}-`));
  sh('dpkg-deb', ['-x', join(dir, deb), root]);
  const paths = sh('dpkg-deb', ['-c', join(dir, deb)])
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/^\S+\s+\S+\s+\d+\s+\S+\s+\S+\s+/, '').replace(/ (->|link to) .*$/, ''))
    .map((p) => p.replace(/^\.\//, '/').replace(/\/$/, ''))
    .filter((p) => p !== '' && p !== '/');
  return { root, paths, deb: join(dir, deb) };
}

/** A package's files: from the installed package when it is, else from the apt cache's .deb. */
export function packageFiles(pkg: string): { root: string; paths: string[] } {
  if (isInstalled(pkg)) return { root: '', paths: dpkgList(pkg) };
  const x = extractDeb(pkg);
  if (!x) throw new Error(`package ${pkg} is neither installed nor in /var/cache/apt/archives`);
  return { root: x.root, paths: x.paths };
}

/** `dpkg -s` of an installed package, or the control fields of the cached .deb with an installed Status. */
export function statusStanza(pkg: string): string {
  if (isInstalled(pkg)) return sh('dpkg-query', ['-s', pkg]).trimEnd() + '\n';
  const x = extractDeb(pkg);
  if (!x) throw new Error(`no control data for ${pkg}`);
  const control = sh('dpkg-deb', ['-f', x.deb]).trimEnd();
  return control.replace(/^(Package: .*\n)/, '$1Status: install ok installed\n') + '\n';
}

/** Debian's merged /usr (bookworm): what dpkg lists under /bin, /sbin, /lib* lives under /usr. */
export function mergedUsr(p: string): string | null {
  if (['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'].includes(p)) return null;
  const m = /^\/(bin|sbin|lib|lib32|lib64|libx32)\//.exec(p);
  return m ? `/usr${p}` : p;
}

/** dpkg's path-exclude rules of the slim images (/etc/dpkg/dpkg.cfg.d/docker). */
export function slimExcluded(p: string): boolean {
  if (/^\/usr\/share\/doc\/.+\/copyright$/.test(p)) return false;
  return (
    /^\/usr\/share\/(doc|groff|info|linda|locale|man)\/./.test(p) ||
    /^\/usr\/share\/lintian\/overrides\/./.test(p)
  );
}

export function sh(cmd: string, args: readonly string[]): string {
  return execFileSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Add a package's files to a layer: merged /usr, slim exclusions, parents as dpkg lists them. */
export function addPackage(layer: LayerBuilder, pkg: string, policy: ContentPolicy = DEFAULT_POLICY): void {
  const { root, paths } = packageFiles(pkg);
  for (const p of paths) {
    const path = mergedUsr(p);
    if (path === null || slimExcluded(path)) continue;
    const real = root === '' ? p : join(root, p);
    if (root === '' || existsSync(real) || isLink(real)) hostEntry(layer, real, path, policy);
  }
}

/** Directories under the slim-excluded trees that hold nothing kept: dpkg does not create them either. */
export function pruneExcludedDirs(layer: LayerBuilder): void {
  const used = new Set<string>();
  for (const path of layer.entries.keys())
    for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) used.add(path.slice(0, i));
  for (const [path, e] of [...layer.entries])
    if (
      e.type === 'dir' &&
      /^\/usr\/share\/(doc|man|locale|info|groff|lintian)\//.test(path) &&
      !used.has(path)
    )
      layer.delete(path);
}

const isLink = (p: string): boolean => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/** Bytes of a text file of this generator (texts/…), as the catalog will hold them (HTML is kept as .html.txt so no formatter touches it). */
export function text(rel: string): string {
  return readFileSync(new URL(`./texts/${rel}`, import.meta.url), 'utf8');
}

/** Σ st_size of the layer's files as Docker counts it (E7): hard links once, symlinks their target length. */
export function entriesSize(entries: readonly Entry[]): number {
  let n = 0;
  for (const e of entries) {
    if (e.type === 'file') n += Math.max(e.size ?? 0, Buffer.byteLength(e.content ?? ''));
    else if (e.type === 'symlink') n += Buffer.byteLength(e.target);
  }
  return n;
}
