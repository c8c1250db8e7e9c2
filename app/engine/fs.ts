import type { Result } from './errors.ts';
import type { EngineEvent } from './events.ts';
import type { AbsPath, LayerId } from './ids.ts';
import type { FileContent } from './content.ts';

/**
 * The system-call surface a shell command sees: one process's view of its mount namespace (a container's
 * overlay root with its bind mounts and tmpfs, or the host). Paths are absolute and already normalized
 * lexically; symlinks are followed by the implementation exactly as the kernel would.
 *
 * Implementations wrap immutable engine state: each mutating call replaces that state and records the
 * engine events it produced, so a command line can be replayed and animated step by step.
 */
export type StatKind = 'file' | 'dir' | 'symlink' | 'chardev';

export interface Stat {
  readonly kind: StatKind;
  /** Permission bits only (0o7777). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
  readonly size: number;
  readonly nlink: number;
  readonly ino: number;
  /** Which mount answered ('overlay', 'tmpfs', 'proc', 'bind', 'host', a volume name …). */
  readonly mount: string;
  /** For objects found in an overlay: the layer that provides it. */
  readonly layer?: LayerId;
  readonly rdev?: readonly [number, number];
  readonly target?: string;
}

export interface DirEntry {
  readonly name: string;
  readonly kind: StatKind;
  /** For overlay entries: the topmost layer that holds the name. */
  readonly layer?: LayerId;
}

export interface WriteOptions {
  /** O_APPEND instead of O_TRUNC. Appending '' still opens for write (copy-up) without touching mtime. */
  readonly append: boolean;
  /** Mode for a newly created file, before the umask (default 0o666). */
  readonly mode?: number;
  /** O_EXCL: fail with EEXIST if the name exists. */
  readonly exclusive?: boolean;
}

export interface Fs {
  stat(path: AbsPath): Result<Stat>;
  lstat(path: AbsPath): Result<Stat>;
  /** Entries sorted by name in byte order; without '.' and '..'. */
  readdir(path: AbsPath): Result<DirEntry[]>;
  readFile(path: AbsPath): Result<string>;
  /** A regular file's data exactly (bytes of a binary, a sparse tail's size): what `cp` copies. */
  readFileContent?(path: AbsPath): Result<FileContent>;
  readlink(path: AbsPath): Result<string>;
  /** Canonical path with every symlink resolved (realpath(3)); the final component must exist. */
  realpath(path: AbsPath): Result<AbsPath>;

  /** Text, or (not appending) a file's exact data from readFileContent. */
  writeFile(path: AbsPath, data: string | FileContent, options: WriteOptions): Result<void>;
  mkdir(path: AbsPath, mode?: number): Result<void>;
  unlink(path: AbsPath): Result<void>;
  rmdir(path: AbsPath): Result<void>;
  rename(from: AbsPath, to: AbsPath): Result<void>;
  symlink(target: string, path: AbsPath): Result<void>;
  link(existing: AbsPath, path: AbsPath): Result<void>;
  chmod(path: AbsPath, mode: number): Result<void>;
  chown(path: AbsPath, uid: number, gid: number): Result<void>;
  /** Set mtime (touch, cp -p). `null` means now. Creating the file is the caller's job. */
  utimes(path: AbsPath, mtime: number | null): Result<void>;
  truncate(path: AbsPath, size: number): Result<void>;

  /** The logical clock's current time in seconds (H4). */
  now(): number;
  /** Events recorded so far by this handle, in order. */
  events(): readonly EngineEvent[];
}
