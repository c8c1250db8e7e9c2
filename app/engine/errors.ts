// The errno values the simulated kernel can return. Commands turn them into coreutils-style messages.
export type Errno =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EXDEV'
  | 'EINVAL'
  | 'ELOOP'
  | 'EROFS'
  | 'EACCES'
  | 'EPERM'
  | 'EBUSY'
  | 'ENAMETOOLONG'
  | 'EFBIG'
  | 'ENOSPC';

/** strerror(3) text, as GNU coreutils prints after the colon. */
export const strerror: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EXDEV: 'Invalid cross-device link',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EBUSY: 'Device or resource busy',
  ENAMETOOLONG: 'File name too long',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
};

export type Result<T> = { ok: true; value: T } | { ok: false; errno: Errno };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(errno: Errno): Result<T> => ({ ok: false, errno });
