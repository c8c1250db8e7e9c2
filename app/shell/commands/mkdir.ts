import type { Errno } from '../../engine/errors.ts';
import type { ShellCommand } from '../types.ts';
import { absPath, complain, missingOperand, parseArgs, quote, strerr } from './common.ts';
import { UMASK, adjustMode, compileMode } from './write-mode.ts';

// mkdir: mkdir(2) per operand; -p makes each missing ancestor first (gnulib mkancesdirs: try mkdir,
// then "chdir" into it) and accepts an existing directory; -m sets the mode, with a chmod after the
// mkdir when the umask would have changed it (gnulib make_dir_parents / dirchownmod).

export interface MkdirOptions {
  readonly parents: boolean;
  readonly verbose: boolean;
  readonly mode: string | undefined;
  readonly dirs: readonly string[];
}

export const mkdir: ShellCommand<MkdirOptions> = {
  name: 'mkdir',
  usage: 'Usage: mkdir [OPTION]... DIRECTORY...',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('mkdir', args, {
      flags: 'pv',
      withArg: 'm',
      long: { mode: 'm', parents: 'p', verbose: 'v' },
      longWithArg: ['mode'],
    });
    if (!p.ok) return p;
    if (p.opts.operands.length === 0) return { ok: false, message: missingOperand('mkdir'), exitCode: 1 };
    return {
      ok: true,
      opts: {
        parents: p.opts.flags.has('p'),
        verbose: p.opts.flags.has('v'),
        mode: p.opts.values.get('m'),
        dirs: p.opts.operands,
      },
    };
  },
  run(o, ctx) {
    let mode = 0o777;
    let bits = 0;
    if (o.mode !== undefined) {
      const changes = compileMode(o.mode);
      if (!changes) {
        complain(ctx, 'mkdir', `invalid mode ${quote(o.mode)}`);
        return 1;
      }
      ({ mode, bits } = adjustMode(0o777, true, UMASK, changes));
    }
    const { fs } = ctx;
    const announce = (dir: string): void => {
      if (o.verbose) ctx.stdout(`mkdir: created directory ${quote(dir)}\n`);
    };
    const fail = (dir: string, errno: Errno): false => {
      complain(ctx, 'mkdir', `cannot create directory ${quote(dir)}: ${strerr(errno)}`);
      return false;
    };
    const one = (dir: string): boolean => {
      if (o.parents) {
        for (const prefix of ancestors(dir)) {
          const base = prefix.slice(prefix.replace(/\/+$/, '').lastIndexOf('/') + 1);
          let made: Errno | 0 = 0;
          if (base !== '..') {
            const r = fs.mkdir(absPath(ctx, prefix), 0o777);
            if (r.ok) announce(prefix);
            else made = r.errno;
          }
          const st = fs.stat(absPath(ctx, prefix));
          if (!st.ok) return fail(prefix, made && st.errno === 'ENOENT' ? made : st.errno);
          if (st.value.kind !== 'dir') return fail(prefix, 'ENOTDIR');
        }
      }
      const path = absPath(ctx, dir);
      const keepSpecial = ((bits & 0o6000) | (mode & 0o1000)) === 0;
      const made = fs.mkdir(path, keepSpecial ? mode : mode & ~0o022);
      if (!made.ok) {
        if (o.parents && made.errno !== 'ENOENT') {
          const st = fs.stat(path);
          if (st.ok && st.value.kind === 'dir') return true;
        }
        return fail(dir, made.errno);
      }
      announce(dir);
      if (keepSpecial && (mode & bits & 0o777) === 0) return true;
      // dirchownmod: fix what the umask (or the special bits) left different.
      const st = fs.lstat(path);
      if (st.ok && ((st.value.mode ^ mode) & bits) !== 0) {
        const c = fs.chmod(path, mode | (st.value.mode & 0o7777 & ~bits));
        if (!c.ok) {
          complain(ctx, 'mkdir', `cannot change permissions of ${quote(dir)}: ${strerr(c.errno)}`);
          return false;
        }
      }
      return true;
    };
    let ok = true;
    for (const dir of o.dirs) ok = one(dir) && ok;
    return ok ? 0 : 1;
  },
};

/** The operand cut after each component that has more components after it ('a/b/c' → 'a', 'a/b'). */
function ancestors(dir: string): string[] {
  const out: string[] = [];
  const re = /[^/]+/g;
  let m: RegExpExecArray | null;
  const comps: { end: number; text: string }[] = [];
  while ((m = re.exec(dir)) !== null) comps.push({ end: m.index + m[0].length, text: m[0] });
  for (const c of comps.slice(0, -1)) if (c.text !== '.') out.push(dir.slice(0, c.end));
  return out;
}
