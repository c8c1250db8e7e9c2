import type { Stat, StatKind } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import type { CommandContext } from '../types.ts';
import { absPath, strerr } from './common.ts';
import type { FindNode } from './read-findnode.ts';
import { findPrintf } from './read-findprintf.ts';
import { glob } from './read-glob.ts';
import { localeQuote } from './read-quote.ts';

// Turning find's parsed expression into a predicate over the files of the walk.

/** One file met on the walk. */
export interface Visit {
  readonly path: string;
  readonly start: string;
  readonly abs: AbsPath;
  readonly base: string;
  readonly depth: number;
  readonly kind: StatKind;
  st(): Stat | undefined;
}

export type Pred = (v: Visit) => boolean;

/** On a terminal, find -print shows unprintable characters as '?' (every non-ASCII one in the C locale). */
export function printable(t: string, utf8: boolean): string {
  let out = '';
  for (const ch of t) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f || (!utf8 && c >= 0x80) ? '?' : ch;
  }
  return out;
}

export interface Sinks {
  emit(path: string, end: string): void;
  emitRaw(text: string): void;
  readonly walker: { prune: boolean; quit: boolean };
  warn(message: string): void;
}

/** Turn the parsed tree into a predicate; a string is an error found now (a -newer reference missing). */
export function compileNode(n: FindNode, ctx: CommandContext, s: Sinks): Pred | string {
  const cmp = (value: number, c: -1 | 0 | 1, want: number): boolean =>
    c === 1 ? value > want : c === -1 ? value < want : value === want;
  switch (n.k) {
    case 'and':
    case 'or':
    case 'comma': {
      const a = compileNode(n.a, ctx, s);
      if (typeof a === 'string') return a;
      const b = compileNode(n.b, ctx, s);
      if (typeof b === 'string') return b;
      if (n.k === 'and') return (v) => a(v) && b(v);
      if (n.k === 'or') return (v) => a(v) || b(v);
      return (v) => (a(v), b(v));
    }
    case 'not': {
      const a = compileNode(n.a, ctx, s);
      return typeof a === 'string' ? a : (v) => !a(v);
    }
    case 'const':
      return () => n.value;
    case 'name': {
      const m = glob(n.pattern, n.fold);
      return n.whole ? (v) => m(v.path) : (v) => m(v.base);
    }
    case 'type':
      return (v) => n.types.includes({ file: 'f', dir: 'd', symlink: 'l', chardev: 'c' }[v.kind]);
    case 'empty':
      return (v) => {
        if (v.kind === 'dir') {
          const r = ctx.fs.readdir(v.abs);
          return r.ok && r.value.length === 0;
        }
        return v.kind === 'file' && v.st()?.size === 0;
      };
    case 'newer': {
      const ref = ctx.fs.lstat(absPath(ctx, n.ref));
      if (!ref.ok) return `${localeQuote(n.ref, ctx.where)}: ${strerr(ref.errno)}`;
      const t = ref.value.mtime;
      return (v) => (v.st()?.mtime ?? -Infinity) > t;
    }
    case 'size':
      return (v) => cmp(Math.ceil((v.st()?.size ?? 0) / n.unit), n.cmp, n.n);
    case 'perm':
      return (v) => {
        const mode = (v.st()?.mode ?? 0) & 0o7777;
        if (n.how === 'exact') return mode === n.mode;
        if (n.how === 'all') return (mode & n.mode) === n.mode;
        return n.mode === 0 || (mode & n.mode) !== 0;
      };
    case 'age': {
      const now = ctx.fs.now();
      return (v) => cmp(Math.floor((now - (v.st()?.mtime ?? now)) / n.unit), n.cmp, n.n);
    }
    case 'num':
      return (v) => {
        const st = v.st();
        return st !== undefined && cmp(st[n.field], n.cmp, n.n);
      };
    case 'print':
      return (v) => {
        s.emit(v.path, n.end);
        return true;
      };
    case 'printf':
      return (v) => {
        s.emitRaw(findPrintf(n.format, subject(ctx, v), s.warn));
        return true;
      };
    case 'prune':
      return () => (s.walker.prune = true);
    case 'quit':
      return () => (s.walker.quit = true);
  }
}

function subject(ctx: CommandContext, v: Visit) {
  const skip = v.start.endsWith('/') ? v.start.length : v.start.length + 1;
  return {
    path: v.path,
    rel: v.depth === 0 ? '' : v.path.slice(skip),
    base: v.base,
    depth: v.depth,
    st: v.st,
    target: () => {
      const r = ctx.fs.stat(v.abs);
      return r.ok ? r.value : undefined;
    },
  };
}
