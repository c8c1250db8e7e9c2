import type { Stat } from '../../engine/fs.ts';
import { blocks1k, humanSize, lsDate, modeString } from './read-lsformat.ts';

/** One name as ls shows it: the text to print (already quoted) and what stat said about it. */
export interface LsEntry {
  /** The name as it is sorted: an operand as typed, or a directory entry's name. */
  readonly name: string;
  /** The name as printed (quoted on a terminal). */
  readonly shown: string;
  readonly width: number;
  readonly st: Stat;
  /** For symlinks in -l: the target as printed, and what it leads to (for -F), if it resolves. */
  readonly target?: string;
  readonly targetSt?: Stat;
}

export interface LongOptions {
  readonly now: number;
  readonly human: boolean;
  readonly classify: boolean;
}

/** uid/gid 0 is root; the simulator has no other accounts, so other ids show as numbers. */
const account = (id: number): string => (id === 0 ? 'root' : String(id));

/** `-F` indicator: '/' dir, '@' symlink, '*' executable; none for devices. */
export function indicator(st: Stat): string {
  if (st.kind === 'dir') return '/';
  if (st.kind === 'symlink') return '@';
  if (st.kind === 'file' && st.mode & 0o111) return '*';
  return '';
}

/** `total N` for a directory's listing: the 1 KiB blocks of everything shown. */
export function totalLine(entries: readonly LsEntry[], human: boolean): string {
  let sum = 0;
  for (const e of entries) sum += blocks1k(e.st);
  return `total ${human ? humanSize(sum * 1024) : sum}`;
}

/**
 * Long-format lines, aligned as GNU ls aligns them: link counts and sizes right-aligned, owner and
 * group left-aligned, a device's `major, minor` in the size column.
 */
export function longLines(entries: readonly LsEntry[], o: LongOptions): string[] {
  const rows = entries.map((e) => {
    const st = e.st;
    const dev = st.kind === 'chardev' ? (st.rdev ?? [0, 0]) : undefined;
    return {
      e,
      mode: modeString(st.kind, st.mode),
      nlink: String(st.nlink),
      owner: account(st.uid),
      group: account(st.gid),
      size: o.human ? humanSize(st.size) : String(st.size),
      major: dev ? String(dev[0]) : '',
      minor: dev ? String(dev[1]) : '',
      date: lsDate(st.mtime, o.now),
    };
  });
  let wLink = 0;
  let wOwner = 0;
  let wGroup = 0;
  let wMajor = 0;
  let wMinor = 0;
  let wSize = 0;
  for (const r of rows) {
    wLink = Math.max(wLink, r.nlink.length);
    wOwner = Math.max(wOwner, r.owner.length);
    wGroup = Math.max(wGroup, r.group.length);
    if (r.e.st.kind === 'chardev') {
      wMajor = Math.max(wMajor, r.major.length);
      wMinor = Math.max(wMinor, r.minor.length);
    } else wSize = Math.max(wSize, r.size.length);
  }
  if (wMajor > 0) wSize = Math.max(wSize, wMajor + 2 + wMinor);
  return rows.map((r) => {
    const size =
      r.e.st.kind === 'chardev'
        ? `${r.major.padStart(wMajor + Math.max(0, wSize - (wMajor + 2 + wMinor)))}, ${r.minor.padStart(wMinor)}`
        : r.size.padStart(wSize);
    let line = `${r.mode} ${r.nlink.padStart(wLink)} ${r.owner.padEnd(wOwner)} ${r.group.padEnd(wGroup)} ${size} ${r.date} ${r.e.shown}`;
    if (r.e.target !== undefined) {
      line += ` -> ${r.e.target}`;
      if (o.classify && r.e.targetSt) line += indicator(r.e.targetSt);
    } else if (o.classify) line += indicator(r.e.st);
    return line;
  });
}
