/** Reads a container's MergedDir and UpperDir into REPLAY.md's entry form. */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { isBinPath } from './bin.ts';
import { exec } from './exec.ts';
import { byteOrder, join } from './paths.ts';
import type { TreeEntry } from './types.ts';

/** Every path below root except root itself, sorted by the whole path in byte order. */
export function walkTree(root: string, opaqueDirs: ReadonlySet<string> = new Set()): TreeEntry[] {
  const out: TreeEntry[] = [];
  const visit = (path: string): void => {
    for (const name of readdirSync(root + path)) {
      const child = join(path, name);
      const entry = describe(root + child, child, opaqueDirs.has(child));
      out.push(entry);
      if (entry.type === 'dir') visit(child);
    }
  };
  visit('/');
  return out.sort((a, b) => byteOrder(a.path, b.path));
}

function describe(hostPath: string, path: string, opaque: boolean): TreeEntry {
  const stat = lstatSync(hostPath, { throwIfNoEntry: false });
  if (stat === undefined)
    throw new Error(`${path} is listed by readdir but lstat says ENOENT (a lower whiteout shown through?)`);
  const mode = (stat.mode & 0o7777).toString(8).padStart(4, '0');
  if (stat.isFile()) {
    // Not compared (see bin.ts), and busybox is 2 MB a copy: hundreds of scenarios would hold gigabytes.
    const content = isBinPath(path) ? '' : readFileSync(hostPath, 'utf8');
    return { path, type: 'file', mode, content };
  }
  if (stat.isDirectory())
    return opaque ? { path, type: 'dir', mode, opaque: true } : { path, type: 'dir', mode };
  if (stat.isSymbolicLink()) return { path, type: 'symlink', target: readlinkSync(hostPath) };
  if (stat.isCharacterDevice() && stat.rdev === 0) return { path, type: 'whiteout' };
  return { path, type: 'other', mode };
}

/** The upper's dirs that carry trusted.overlay.opaque=y, as container paths. Other xattrs are ignored. */
export async function opaqueDirs(upperDir: string): Promise<Set<string>> {
  const args = ['--recursive', '--no-dereference', '--dump', '--absolute-names'];
  const result = await exec('getfattr', [...args, '--match=^trusted\\.overlay\\.opaque$', upperDir]);
  const found = new Set<string>();
  let file: string | undefined;
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('# file: ')) file = line.slice('# file: '.length);
    else if (line === 'trusted.overlay.opaque="y"' && file !== undefined && file.startsWith(upperDir)) {
      found.add(file.slice(upperDir.length) || '/');
    }
  }
  if (result.code !== 0) throw new Error(`getfattr on ${upperDir}: ${result.stderr.trim()}`);
  return found;
}
