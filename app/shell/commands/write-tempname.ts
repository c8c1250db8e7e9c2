import { sha256Hex } from '../../engine/digest.ts';
import type { Errno, Result } from '../../engine/errors.ts';
import type { Fs } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { dirname, joinPath } from '../../engine/path.ts';

// Temporary names in the destination's directory, as mkstemp ("sedXXXXXX") and gnulib's force-link
// ("CuXXXXXX") make them. The six X's come from a hash of the path, the clock and the attempt rather
// than from a random source, so a replayed session is byte-identical (STYLE.md, SEMANTICS.md H3).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function tempName(prefix: string, near: AbsPath, clock: number, attempt: number): AbsPath {
  const hex = sha256Hex(new TextEncoder().encode(`${prefix}\0${near}\0${clock}\0${attempt}`));
  let x = '';
  for (let i = 0; i < 6; i++) x += ALPHABET[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 62];
  return joinPath(dirname(near), prefix + x);
}

/** try_tempname: call `create` on fresh names until one is not taken. */
export function withTempName(
  fs: Fs,
  prefix: string,
  near: AbsPath,
  create: (tmp: AbsPath) => Result<void>,
): Result<AbsPath> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const tmp = tempName(prefix, near, fs.now(), attempt);
    const r = create(tmp);
    if (r.ok) return { ok: true, value: tmp };
    if (r.errno !== 'EEXIST') return { ok: false, errno: r.errno };
  }
  return { ok: false, errno: 'EEXIST' };
}

/** 0: made; 'replaced': made over an existing name; else the errno. */
export type ForceResult = 0 | 'replaced' | Errno;

/**
 * gnulib force_linkat / force_symlinkat: try the plain call; if the name is taken and `force`, make
 * the link under a temporary name beside it and rename that over the old name (atomic replace).
 */
export function forceMake(
  fs: Fs,
  dst: AbsPath,
  force: boolean,
  make: (at: AbsPath) => Result<void>,
  firstErrno: Errno | 0 | null = null,
): ForceResult {
  const first = firstErrno ?? errnoOf(make(dst));
  if (!force || first !== 'EEXIST') return first;
  const tmp = withTempName(fs, 'Cu', dst, make);
  if (!tmp.ok) return tmp.errno;
  const r = fs.rename(tmp.value, dst);
  if (!r.ok) {
    fs.unlink(tmp.value);
    return r.errno;
  }
  return 'replaced';
}

const errnoOf = (r: Result<void>): Errno | 0 => (r.ok ? 0 : r.errno);
