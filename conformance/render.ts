/**
 * A container command line is a template (types.ts Line) rendered twice: as the person types it in
 * the simulator, and as the same bash line on the host with every path rebased onto MergedDir.
 */
import type { Line, Token } from './types.ts';

/** Only plain names: nothing the shell would expand, quote or split, and no '..' to climb out. */
const SAFE_PATH = /^\/([A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*)?$/;

export function renderSim(line: Line): string {
  return joinWords(line.map((token) => (typeof token === 'string' ? token : checked(token.path))));
}

/** A mount inside the container (a volume): container path `target` is host dir `source`. */
export interface Mount {
  readonly target: string;
  readonly source: string;
}

/**
 * `merged` is the container's MergedDir; '/' becomes `${merged}/`. A path at or below a mount's
 * target goes to the mount's host dir instead, as it would inside the container.
 */
export function renderHost(line: Line, merged: string, mounts: readonly Mount[] = []): string {
  for (const dir of [merged, ...mounts.map((mount) => mount.source)]) {
    if (!/^\/[A-Za-z0-9._/-]+$/.test(dir)) throw new Error(`unexpected host dir ${dir}`);
  }
  return joinWords(
    line.map((token) => {
      if (typeof token === 'string') return token;
      const path = checked(token.path);
      const mount = mounts
        .filter(({ target }) => path === target || path.startsWith(`${target}/`))
        .sort((a, b) => b.target.length - a.target.length)[0];
      if (mount !== undefined) return mount.source + path.slice(mount.target.length);
      return path === '/' ? `${merged}/` : `${merged}${path}`;
    }),
  );
}

/** Words joined by spaces, with ';' written against the word before it, as people type it. */
function joinWords(words: readonly string[]): string {
  return words.reduce(
    (line, word, i) => (i === 0 ? word : word === ';' ? `${line};` : `${line} ${word}`),
    '',
  );
}

function checked(path: string): string {
  if (!SAFE_PATH.test(path) || path.split('/').includes('..'))
    throw new Error(`unsafe container path ${path}`);
  return path;
}

/**
 * Turns a typed line into a template: words starting with '/' are container paths, except the
 * target of `ln -s`, which is stored in the link as written and never rebased.
 */
export function parseLine(text: string): Line {
  const words = text
    .split(/\s+/)
    .flatMap((word) => (word.length > 1 && word.endsWith(';') ? [word.slice(0, -1), ';'] : [word]))
    .filter((word) => word.length > 0);
  return words.map((word, i): Token => {
    const isLinkTarget = words[i - 1] === '-s' && words[i - 2] === 'ln';
    return word.startsWith('/') && !isLinkTarget ? { path: word } : word;
  });
}
