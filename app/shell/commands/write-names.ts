import type { Errno, Result } from '../../engine/errors.ts';
import type { Fs, Stat } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { basename, dirname, joinPath } from '../../engine/path.ts';
import type { CommandContext } from '../types.ts';
import { absPath } from './common.ts';

// File names as the write commands print and join them. GNU tools keep the operand exactly as typed
// for messages ('data/x', not '/data/x'), so every path travels as a pair: what to show, where it is.

export interface Name {
  /** As the user wrote it, extended with '/child' while walking a tree. */
  readonly show: string;
  readonly abs: AbsPath;
}

export const nameOf = (ctx: CommandContext, operand: string): Name => ({
  show: operand,
  abs: absPath(ctx, operand),
});

/** fts's way of naming a child: one '/' between, whatever the parent's trailing slash. */
export const childName = (parent: Name, entry: string): Name => ({
  show: parent.show.endsWith('/') ? parent.show + entry : `${parent.show}/${entry}`,
  abs: joinPath(parent.abs, entry),
});

/** gnulib last_component: the last name with any trailing slashes ('a/b/' → 'b/'). */
export function lastComponent(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return name.slice(trimmed.lastIndexOf('/') + 1);
}

export const stripTrailingSlashes = (name: string): string => {
  const s = name.replace(/\/+$/, '');
  return s === '' && name.startsWith('/') ? '/' : s;
};

export const hasTrailingSlash = (name: string): boolean => /[^/]\/+$/.test(name);

/** gnulib file_name_concat: DIR and BASE joined with exactly one separator. */
export function fileNameConcat(dir: string, base: string): string {
  const trimmed = dir.replace(/\/+$/, '');
  if (trimmed === '') return dir.startsWith('/') ? `/${base.replace(/^\/+/, '')}` : base;
  return base.startsWith('/') ? trimmed + base : `${trimmed}/${base}`;
}

export const isDotOrDotdot = (name: string): boolean => {
  const base = lastComponent(name).replace(/\/+$/, '');
  return base === '.' || base === '..';
};

/**
 * What makes two stat results the same object. Files carry real inode numbers; the Fs reports 0 for
 * directories and symlinks, so for those the canonical path of the entry stands in for dev/ino.
 */
export function identity(fs: Fs, path: AbsPath, st: Stat, followed: boolean): string {
  if (st.kind === 'file') return `ino:${st.mount}:${st.ino}`;
  if (followed) {
    const r = fs.realpath(path);
    return `path:${r.ok ? r.value : path}`;
  }
  return `path:${canonicalEntry(fs, path)}`;
}

/** The entry's path with its parent directories resolved, the entry itself not followed. */
export function canonicalEntry(fs: Fs, path: AbsPath): AbsPath {
  if (path === '/') return path;
  const parent = fs.realpath(dirname(path));
  return parent.ok ? joinPath(parent.value, basename(path)) : path;
}

/** lstat, except that a trailing slash demands a directory (following a symlink), as the kernel does. */
export function lstatOperand(fs: Fs, name: Name): Result<Stat> {
  const st = fs.lstat(name.abs);
  if (!st.ok || !hasTrailingSlash(name.show) || st.value.kind === 'dir') return st;
  if (st.value.kind === 'symlink') {
    const t = fs.stat(name.abs);
    if (t.ok && t.value.kind === 'dir') return t;
    if (!t.ok) return t;
  }
  return { ok: false, errno: 'ENOTDIR' };
}

export const errnoOf = (r: Result<unknown>): Errno | 0 => (r.ok ? 0 : r.errno);
