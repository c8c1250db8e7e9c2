import type { Stat } from '../../engine/fs.ts';
import type { CommandContext, ShellCommand } from '../types.ts';
import { absPath, complain, parseArgs, quote, quoteIfNeeded, strerr } from './common.ts';
import type { ModeChange } from './write-mode.ts';
import { UMASK, adjustMode, compileMode, permString } from './write-mode.ts';
import type { Name } from './write-names.ts';
import { childName, nameOf } from './write-names.ts';

// chmod: compute each file's new mode from its current one (octal or symbolic, modechange.c) and
// always call chmod(2), even when nothing changes — on an image file that is a copy-up (C1) that
// `docker diff` does not show (H4). -R walks pre-order and leaves symlinks alone, as fts does.

export interface ChmodOptions {
  readonly mode: string | undefined;
  readonly reference: string | undefined;
  readonly recursive: boolean;
  readonly silent: boolean;
  readonly verbosity: 'off' | 'changes' | 'high';
  readonly preserveRoot: boolean;
  /** The mode came as an option (chmod -w): warn when the umask changed the outcome. */
  readonly diagnoseSurprises: boolean;
  readonly files: readonly string[];
}

const tryHelp = "Try 'chmod --help' for more information.\n";
const usageError = (message: string) => ({ ok: false as const, message: message + tryHelp, exitCode: 1 });

export const chmod: ShellCommand<ChmodOptions> = {
  name: 'chmod',
  usage: 'Usage: chmod [OPTION]... MODE[,MODE]... FILE...',
  where: ['container', 'host'],
  parse(args) {
    // getopt sees "-w", "-x,g+w", "-755" as options whose letters are a mode.
    const rest: string[] = [];
    const modeParts: string[] = [];
    let dashdash = false;
    for (const a of args) {
      if (!dashdash && /^-[rwxXstugoa,+=0-7]/.test(a) && /^-[rwxXstugoa,+=0-7-]*$/.test(a)) modeParts.push(a);
      else rest.push(a);
      if (a === '--') dashdash = true;
    }
    const p = parseArgs('chmod', rest, {
      flags: 'cfvR',
      long: {
        changes: 'c',
        silent: 'f',
        quiet: 'f',
        verbose: 'v',
        recursive: 'R',
        reference: 'reference',
        'preserve-root': 'preserve-root',
        'no-preserve-root': 'no-preserve-root',
      },
      longWithArg: ['reference'],
    });
    if (!p.ok) return p;
    const f = p.opts.flags;
    const operands = [...p.opts.operands];
    const reference = p.opts.values.get('reference');
    let mode = modeParts.length > 0 ? modeParts.join(',') : undefined;
    if (reference !== undefined && mode !== undefined)
      return usageError('chmod: cannot combine mode and --reference options\n');
    const modeFromOperand = reference === undefined && mode === undefined;
    if (modeFromOperand) mode = operands.shift();
    if (operands.length === 0)
      return usageError(
        modeFromOperand && mode !== undefined
          ? `chmod: missing operand after ${quote(mode)}\n`
          : 'chmod: missing operand\n',
      );
    if (mode !== undefined && compileMode(mode) === null)
      return usageError(`chmod: invalid mode: ${quote(mode)}\n`);
    return {
      ok: true,
      opts: {
        mode,
        reference,
        recursive: f.has('R'),
        silent: f.has('f'),
        verbosity: f.has('v') ? 'high' : f.has('c') ? 'changes' : 'off',
        preserveRoot: f.has('preserve-root') && !f.has('no-preserve-root'),
        diagnoseSurprises: modeParts.length > 0,
        files: operands,
      },
    };
  },
  run(o, ctx) {
    let changes: ModeChange[];
    if (o.reference !== undefined) {
      const st = ctx.fs.stat(absPath(ctx, o.reference));
      if (!st.ok) {
        complain(ctx, 'chmod', `failed to get attributes of ${quote(o.reference)}: ${strerr(st.errno)}`);
        return 1;
      }
      const m = st.value.mode & 0o7777;
      changes = [{ op: '=', flag: 'ordinary', affected: 0o7777, value: m, mentioned: 0o7777 }];
    } else changes = compileMode(o.mode ?? '') ?? [];
    let ok = true;
    for (const file of o.files) ok = chmodRoot(ctx, nameOf(ctx, file), changes, o) && ok;
    return ok ? 0 : 1;
  },
};

/** A command-line operand: symlinks followed (FTS_COMFOLLOW). */
function chmodRoot(ctx: CommandContext, name: Name, changes: ModeChange[], o: ChmodOptions): boolean {
  const st = ctx.fs.stat(name.abs);
  if (!st.ok) {
    if (!o.silent) {
      const l = ctx.fs.lstat(name.abs);
      if (st.errno === 'ENOENT' && l.ok && l.value.kind === 'symlink')
        complain(ctx, 'chmod', `cannot operate on dangling symlink ${quote(name.show)}`);
      else complain(ctx, 'chmod', `cannot access ${quote(name.show)}: ${strerr(st.errno)}`);
    }
    return false;
  }
  if (o.recursive && o.preserveRoot && st.value.kind === 'dir') {
    const real = ctx.fs.realpath(name.abs);
    if (real.ok && real.value === '/') {
      complain(
        ctx,
        'chmod',
        name.show === '/'
          ? `it is dangerous to operate recursively on ${quote('/')}`
          : `it is dangerous to operate recursively on ${quote(name.show)} (same as ${quote('/')})`,
      );
      complain(ctx, 'chmod', 'use --no-preserve-root to override this failsafe');
      return false;
    }
  }
  return chmodOne(ctx, name, st.value, changes, o);
}

function chmodOne(
  ctx: CommandContext,
  name: Name,
  st: Stat,
  changes: ModeChange[],
  o: ChmodOptions,
): boolean {
  const isDir = st.kind === 'dir';
  const newMode = adjustMode(st.mode, isDir, UMASK, changes).mode;
  const r = ctx.fs.chmod(name.abs, newMode);
  let ok = r.ok;
  if (!r.ok && !o.silent)
    complain(ctx, 'chmod', `changing permissions of ${quote(name.show)}: ${strerr(r.errno)}`);
  if (r.ok && o.verbosity !== 'off') describe(ctx, name, st.mode, newMode, o);
  if (!r.ok && o.verbosity === 'high') {
    const from = `${octal(st.mode)} (${permString(st.mode)})`;
    ctx.stdout(
      `failed to change mode of ${quote(name.show)} from ${from} to ${octal(newMode)} (${permString(newMode)})\n`,
    );
  }
  if (r.ok && o.diagnoseSurprises) {
    const naive = adjustMode(st.mode, isDir, 0, changes).mode;
    if (newMode & ~naive) {
      complain(
        ctx,
        'chmod',
        `${quoteIfNeeded(name.show)}: new permissions are ${permString(newMode)}, not ${permString(naive)}`,
      );
      ok = false;
    }
  }
  if (!o.recursive || !isDir) return ok;
  const entries = ctx.fs.readdir(name.abs);
  if (!entries.ok) {
    if (!o.silent)
      complain(ctx, 'chmod', `cannot read directory ${quote(name.show)}: ${strerr(entries.errno)}`);
    return false;
  }
  for (const e of entries.value) {
    const child = childName(name, e.name);
    const cst = ctx.fs.lstat(child.abs);
    if (!cst.ok) {
      if (!o.silent) complain(ctx, 'chmod', `cannot access ${quote(child.show)}: ${strerr(cst.errno)}`);
      ok = false;
    } else if (cst.value.kind === 'symlink') {
      // fchmodat(AT_SYMLINK_NOFOLLOW) is unsupported on Linux: the link is not applied.
      if (o.verbosity === 'high')
        ctx.stdout(`neither symbolic link ${quote(child.show)} nor referent has been changed\n`);
    } else ok = chmodOne(ctx, child, cst.value, changes, o) && ok;
  }
  return ok;
}

const octal = (m: number): string => (m & 0o7777).toString(8).padStart(4, '0');

function describe(ctx: CommandContext, name: Name, old: number, now: number, o: ChmodOptions): void {
  if (((old ^ now) & 0o7777) === 0) {
    if (o.verbosity === 'high')
      ctx.stdout(`mode of ${quote(name.show)} retained as ${octal(now)} (${permString(now)})\n`);
    return;
  }
  ctx.stdout(
    `mode of ${quote(name.show)} changed from ${octal(old)} (${permString(old)}) to ${octal(now)} (${permString(now)})\n`,
  );
}
