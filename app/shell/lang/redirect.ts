import type { Errno } from '../../engine/errors.ts';
import type { Fs } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { normalize } from '../../engine/path.ts';
import type { OutputChunk } from './api.ts';
import type { Redirect, ShellName, Word } from './ast.ts';
import { badFdText, redirectText } from './diag.ts';
import type { Expanded } from './expand.ts';

/**
 * Where a descriptor leads. Descriptors share endpoint objects, so after `> f 2>&1` both write into one
 * buffer and the file receives the two streams interleaved, as with a real shared file description.
 */
export type Endpoint =
  | { readonly kind: 'terminal'; readonly stream: 'stdout' | 'stderr' }
  | { readonly kind: 'pipe'; readonly chunks: string[] }
  | FileEndpoint
  | { readonly kind: 'null' }
  /** `path`: the file it was read from (`docker load < FILE` reads that file's bytes, not its text). */
  | { readonly kind: 'input'; readonly text: string; readonly path?: AbsPath };

export interface FileEndpoint {
  readonly kind: 'file';
  readonly path: AbsPath;
  readonly append: boolean;
  readonly chunks: string[];
}

export type Fds = Map<number, Endpoint>;

export function write(ep: Endpoint | undefined, text: string, terminal: OutputChunk[]): void {
  if (ep === undefined || text === '') return;
  switch (ep.kind) {
    case 'terminal': {
      const last = terminal.at(-1);
      if (last?.stream === ep.stream)
        terminal[terminal.length - 1] = { stream: ep.stream, text: last.text + text };
      else terminal.push({ stream: ep.stream, text });
      return;
    }
    case 'pipe':
    case 'file':
      ep.chunks.push(text);
      return;
    case 'null':
    case 'input': // writing to a read-only descriptor fails (EBADF); the text goes nowhere
      return;
  }
}

export const readAll = (ep: Endpoint | undefined): string => (ep?.kind === 'input' ? ep.text : '');

export interface RedirectContext {
  readonly fs: Fs;
  readonly cwd: AbsPath;
  readonly shell: ShellName;
  expand(word: Word): Expanded<string | null>;
}

export type Opened =
  | { readonly ok: true }
  /** `message` is the shell's text without its prefix; `abort` marks an expansion error (ends the line). */
  | { readonly ok: false; readonly message: string; readonly abort: boolean };

const MAX_FD = 1023; // the usual `ulimit -n` of 1024

/**
 * Apply redirections left to right onto `fds`, opening files now: `> f` creates and truncates f before
 * the command runs, even if it then writes nothing or fails. Files opened are added to `opened`, so the
 * caller can write their output afterwards even when a later redirection fails.
 */
export function applyRedirects(
  redirects: readonly Redirect[],
  fds: Fds,
  opened: FileEndpoint[],
  ctx: RedirectContext,
): Opened {
  for (const r of redirects) {
    const fd = r.fd ?? (r.op === '<' || r.op === '<&' ? 0 : 1);
    if (fd > MAX_FD) return fail(badFdText(ctx.shell, String(fd)));
    const x = ctx.expand(r.target);
    if (!x.ok) return { ok: false, message: x.message, abort: true };
    const target = x.value;
    if (target === null) return fail(`${r.target.raw}: ambiguous redirect`);
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') {
        fds.delete(fd);
        continue;
      }
      if (/^[0-9]+$/.test(target)) {
        const src = fds.get(Number(target));
        if (src === undefined) return fail(badFdText(ctx.shell, target));
        fds.set(fd, src);
        continue;
      }
      // bash reads `>&file` (no descriptor before it) as `&>file`; anything else is an error.
      if (r.op !== '>&' || r.fd !== null || ctx.shell !== 'bash') return fail(badFdText(ctx.shell, target));
    }
    const both = r.op === '&>' || r.op === '&>>' || r.op === '>&';
    const ep =
      r.op === '<'
        ? openInput(target, fds, ctx)
        : openOutput(target, r.op === '>>' || r.op === '&>>', fds, ctx);
    if ('errno' in ep) return fail(redirectText(ctx.shell, target, ep.errno, r.op !== '<'));
    if (ep.kind === 'file') opened.push(ep);
    fds.set(both ? 1 : fd, ep);
    if (both) fds.set(2, ep);
  }
  return { ok: true };
}

const fail = (message: string): Opened => ({ ok: false, message, abort: false });

/** Linux's /dev/std* are links to the current descriptors; /dev/null is handled here so no file appears. */
function device(path: AbsPath, fds: Fds): Endpoint | undefined | null {
  switch (path) {
    case '/dev/null':
      return { kind: 'null' };
    case '/dev/stdin':
      return fds.get(0);
    case '/dev/stdout':
      return fds.get(1);
    case '/dev/stderr':
      return fds.get(2);
    case '/dev/tty':
      return { kind: 'terminal', stream: 'stdout' };
    default:
      return null;
  }
}

type OpenResult = Endpoint | { readonly errno: Errno };

function openOutput(target: string, append: boolean, fds: Fds, ctx: RedirectContext): OpenResult {
  if (target === '') return { errno: 'ENOENT' };
  const path = normalize(target, ctx.cwd);
  const dev = device(path, fds);
  if (dev !== null) return dev ?? { kind: 'null' };
  if (target.endsWith('/')) {
    // open("f/", O_CREAT) fails: EISDIR whether or not a directory is there, ENOTDIR on a file.
    const st = ctx.fs.stat(path);
    return { errno: st.ok && st.value.kind !== 'dir' ? 'ENOTDIR' : 'EISDIR' };
  }
  const opened = ctx.fs.writeFile(path, '', { append });
  if (!opened.ok) return { errno: opened.errno };
  return { kind: 'file', path, append, chunks: [] };
}

function openInput(target: string, fds: Fds, ctx: RedirectContext): OpenResult {
  if (target === '') return { errno: 'ENOENT' };
  const path = normalize(target, ctx.cwd);
  const dev = device(path, fds);
  if (dev !== null) return dev?.kind === 'input' ? dev : { kind: 'input', text: '' };
  const read = ctx.fs.readFile(path);
  return read.ok ? { kind: 'input', text: read.value, path } : { errno: read.errno };
}

/**
 * Write each opened file's output in one call, in the mode it was opened with. Returns the first error:
 * the command's output could not be stored (ENOSPC, EROFS …).
 */
export function flush(opened: readonly FileEndpoint[], fs: Fs): Errno | null {
  let first: Errno | null = null;
  for (const ep of opened) {
    if (ep.chunks.length === 0) continue;
    const res = fs.writeFile(ep.path, ep.chunks.join(''), { append: ep.append });
    ep.chunks.length = 0;
    if (!res.ok) first ??= res.errno;
  }
  return first;
}
