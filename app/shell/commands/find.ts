import type { Result } from '../../engine/errors.ts';
import type { Stat, StatKind } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { joinPath } from '../../engine/path.ts';
import type { CommandContext, ShellCommand } from '../types.ts';
import { absPath, strerr } from './common.ts';
import type { Visit } from './read-findeval.ts';
import { compileNode, printable } from './read-findeval.ts';
import type { FindError, FindPlan } from './read-findparse.ts';
import { parseFind, splitPaths } from './read-findparse.ts';
import { localeQuote } from './read-quote.ts';

export interface FindOptions {
  /** -P (the default) never follows symlinks, -H only those named as starting points, -L all. */
  readonly follow: 'never' | 'args' | 'always';
  readonly paths: readonly string[];
  readonly args: readonly string[];
}

export const find: ShellCommand<FindOptions> = {
  name: 'find',
  usage: 'Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]',
  where: ['container', 'host'],
  parse(args) {
    let i = 0;
    let follow: FindOptions['follow'] = 'never';
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '-P') follow = 'never';
      else if (a === '-H') follow = 'args';
      else if (a === '-L') follow = 'always';
      else break;
    }
    const [paths, rest] = splitPaths(args.slice(i));
    return { ok: true, opts: { follow, paths, args: rest } };
  },
  run(o, ctx) {
    try {
      return runFind(o, ctx);
    } catch (e) {
      ctx.stderr(`find: ${String(e)}\n`);
      return 1;
    }
  },
};

function runFind(o: FindOptions, ctx: CommandContext): number {
  const quote = (s: string): string => localeQuote(s, ctx.where);
  const say = (m: string): void => ctx.stderr(`find: ${m}\n`);
  const parsed = parseFind(o.args, quote);
  if ('message' in parsed) return parseFailure(parsed, ctx, say);
  const plan: FindPlan = parsed;
  for (const w of plan.warnings) say(w);
  let status = 0;
  let out: string[] = [];
  const flush = (): void => {
    if (out.length > 0) ctx.stdout(out.join(''));
    out = [];
  };
  const complain = (m: string): void => {
    flush();
    say(m);
    status = 1;
  };
  const walker = { prune: false, quit: false };
  const warned = new Set<string>();
  const expr = compileNode(plan.expr, ctx, {
    emit: (path, end) =>
      out.push((ctx.stdoutIsTty && end === '\n' ? printable(path, ctx.where === 'host') : path) + end),
    emitRaw: (t) => out.push(t),
    walker,
    warn: (m) => {
      if (warned.has(m)) return;
      warned.add(m);
      flush();
      say(m);
    },
  });
  if (typeof expr === 'string') {
    say(expr);
    return 1;
  }

  // With -L, the directories being walked by their canonical paths, to catch a link back up.
  const ancestors = new Map<string, string>();
  const visit = (v: Visit): void => {
    let descend = v.kind === 'dir' && v.depth < plan.maxdepth;
    walker.prune = false;
    if (!plan.depthFirst && v.depth >= plan.mindepth) expr(v);
    if (walker.quit) return;
    let real: string | undefined;
    if (descend && o.follow !== 'never') {
      const rp = ctx.fs.realpath(v.abs);
      real = rp.ok ? rp.value : v.abs;
      const seen = ancestors.get(real);
      if (seen !== undefined) {
        complain(
          `File system loop detected; ${quote(v.path)} is part of the same file system loop as ${quote(seen)}.`,
        );
        descend = false;
      }
    }
    if (descend && (plan.depthFirst || !walker.prune)) {
      if (real !== undefined) ancestors.set(real, v.path);
      const r = ctx.fs.readdir(v.abs);
      if (!r.ok) complain(`${quote(v.path)}: ${strerr(r.errno)}`);
      else
        for (const e of r.value) {
          visit(entry(ctx, v, e.name, e.kind, o.follow === 'always'));
          if (walker.quit) break;
        }
      if (real !== undefined) ancestors.delete(real);
      if (walker.quit) return;
    }
    if (plan.depthFirst && v.depth >= plan.mindepth) expr(v);
  };

  for (const start of o.paths.length > 0 ? o.paths : ['.']) {
    if (walker.quit) break;
    const abs = absPath(ctx, start);
    const st = start === '' ? undefined : look(ctx, abs, o.follow !== 'never');
    if (!st?.ok) {
      complain(`${quote(start)}: ${strerr(st?.errno ?? 'ENOENT')}`);
      continue;
    }
    const first = st.value;
    visit({ path: start, start, abs, base: baseOf(start), depth: 0, kind: first.kind, st: () => first });
    flush();
  }
  flush();
  return status;
}

/** stat when following links (a dangling one is then taken as itself), else lstat. */
function look(ctx: CommandContext, abs: AbsPath, follow: boolean): Result<Stat> {
  if (!follow) return ctx.fs.lstat(abs);
  const st = ctx.fs.stat(abs);
  return st.ok || st.errno !== 'ENOENT' ? st : ctx.fs.lstat(abs);
}

function parseFailure(e: FindError, ctx: CommandContext, say: (m: string) => void): number {
  say(e.message);
  if (e.hint && ctx.fs.lstat(absPath(ctx, e.hint.file)).ok)
    say(`possible unquoted pattern after predicate \`${e.hint.after}'?`);
  return 1;
}

/** A child on the walk; its stat is taken only if a test asks for it (or to follow a link with -L). */
function entry(ctx: CommandContext, parent: Visit, name: string, kind: StatKind, follow: boolean): Visit {
  const abs = joinPath(parent.abs, name);
  let cached: Stat | undefined | null = null;
  if (follow && kind === 'symlink') {
    const st = look(ctx, abs, true);
    cached = st.ok ? st.value : undefined;
    kind = cached?.kind ?? kind;
  }
  return {
    path: parent.path.endsWith('/') ? parent.path + name : `${parent.path}/${name}`,
    start: parent.start,
    abs,
    base: name,
    depth: parent.depth + 1,
    kind,
    st: () => {
      if (cached === null) {
        const r = look(ctx, abs, follow);
        cached = r.ok ? r.value : undefined;
      }
      return cached;
    },
  };
}

/** basename as find takes it for the starting point: trailing slashes dropped, `/` stays `/`. */
function baseOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
