/** Absolute container paths ('/data/a.txt'), handled lexically. */

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** Number of components: '/' is 0, '/data' is 1, '/data/a' is 2. */
export function depth(path: string): number {
  return path === '/' ? 0 : path.split('/').length - 1;
}

/** Whether `path` lies strictly below `dir`. */
export function isUnder(path: string, dir: string): boolean {
  return dir === '/' ? path !== '/' : path.startsWith(`${dir}/`);
}

/** Byte order of UTF-8 strings: the order REPLAY.md sorts paths in. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
