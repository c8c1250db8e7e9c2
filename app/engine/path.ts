import type { AbsPath } from './ids.ts';

/** Resolve `p` against `cwd` lexically ('.' and '..' removed, '//' collapsed). Symlinks are not followed here. */
export function normalize(p: string, cwd = '/'): AbsPath {
  const full = p.startsWith('/') ? p : `${cwd}/${p}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return ('/' + out.join('/')) as AbsPath;
}

export const ROOT = '/' as AbsPath;

/** Components of a normalized path: '/a/b' → ['a', 'b']; '/' → []. */
export const splitPath = (p: AbsPath): string[] => (p === '/' ? [] : p.slice(1).split('/'));

export const joinPath = (dir: AbsPath, name: string): AbsPath =>
  (dir === '/' ? `/${name}` : `${dir}/${name}`) as AbsPath;

export const dirname = (p: AbsPath): AbsPath => {
  const i = p.lastIndexOf('/');
  return (i <= 0 ? '/' : p.slice(0, i)) as AbsPath;
};

export const basename = (p: AbsPath): string => p.slice(p.lastIndexOf('/') + 1);

export const isAncestorOrSelf = (a: AbsPath, b: AbsPath): boolean =>
  a === b || a === '/' || b.startsWith(a + '/');
