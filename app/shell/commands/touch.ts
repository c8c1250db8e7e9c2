import type { Errno } from '../../engine/errors.ts';
import type { ShellCommand } from '../types.ts';
import { absPath, complain, parseArgs, quote, strerr } from './common.ts';

// touch: open(O_WRONLY|O_CREAT, 0666) — which copies an image file up even though nothing is written
// (C1) and creates a missing one as 0644 — then futimens(NULL) for a new mtime (T3), as touch.c does.

export interface TouchOptions {
  readonly noCreate: boolean;
  /** -a: change only the access time, which the simulator does not keep. */
  readonly atimeOnly: boolean;
  readonly when:
    | { readonly kind: 'now' }
    | { readonly kind: 'date'; readonly text: string; readonly stamp: boolean }
    | { readonly kind: 'ref'; readonly file: string };
  readonly files: readonly string[];
}

const tryHelp = "Try 'touch --help' for more information.\n";

export const touch: ShellCommand<TouchOptions> = {
  name: 'touch',
  usage: 'Usage: touch [OPTION]... FILE...',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('touch', args, {
      flags: 'acfm',
      withArg: 'drt',
      long: { 'no-create': 'c', date: 'd', reference: 'r' },
      longWithArg: ['date', 'reference'],
    });
    if (!p.ok) return p;
    const { flags: f, values: v } = p.opts;
    if (p.opts.operands.length === 0)
      return { ok: false, message: `touch: missing file operand\n${tryHelp}`, exitCode: 1 };
    const d = v.get('d');
    const t = v.get('t');
    const r = v.get('r');
    if ([d, t, r].filter((x) => x !== undefined).length > 1 && !(d !== undefined && r !== undefined))
      return {
        ok: false,
        message: `touch: cannot specify times from more than one source\n${tryHelp}`,
        exitCode: 1,
      };
    return {
      ok: true,
      opts: {
        noCreate: f.has('c'),
        atimeOnly: f.has('a') && !f.has('m'),
        when:
          r !== undefined
            ? { kind: 'ref', file: r }
            : d !== undefined
              ? { kind: 'date', text: d, stamp: false }
              : t !== undefined
                ? { kind: 'date', text: t, stamp: true }
                : { kind: 'now' },
        files: p.opts.operands,
      },
    };
  },
  run(o, ctx) {
    const { fs } = ctx;
    let time: number | null = null;
    if (o.when.kind === 'ref') {
      const st = fs.stat(absPath(ctx, o.when.file));
      if (!st.ok) {
        complain(ctx, 'touch', `failed to get attributes of ${quote(o.when.file)}: ${strerr(st.errno)}`);
        return 1;
      }
      time = st.value.mtime;
    } else if (o.when.kind === 'date') {
      const parsed = o.when.stamp ? parseStamp(o.when.text, fs.now()) : parseDate(o.when.text, fs.now());
      if (parsed === null) {
        complain(ctx, 'touch', `invalid date format ${quote(o.when.text)}`);
        return 1;
      }
      time = parsed;
    }
    let ok = true;
    for (const file of o.files) {
      const path = absPath(ctx, file);
      let openErr: Errno | 0 = 0;
      if (!o.noCreate) {
        const w = fs.writeFile(path, '', { append: true, mode: 0o666 });
        if (!w.ok) openErr = w.errno;
      }
      let mtime = time;
      if (o.atimeOnly) {
        // futimens with the mtime omitted: still a metadata change (copy-up), mtime kept.
        const st = fs.stat(path);
        mtime = st.ok ? st.value.mtime : null;
      }
      const u = fs.utimes(path, mtime);
      if (u.ok) continue;
      if (openErr && openErr !== 'EISDIR') {
        complain(ctx, 'touch', `cannot touch ${quote(file)}: ${strerr(openErr)}`);
      } else {
        if (o.noCreate && u.errno === 'ENOENT') continue;
        complain(ctx, 'touch', `setting times of ${quote(file)}: ${strerr(u.errno)}`);
      }
      ok = false;
    }
    return ok ? 0 : 1;
  },
};

const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number): number | null => {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 60) return null;
  return Math.floor(ms / 1000);
};

/** -d: '@SECONDS', 'now', or an ISO date 'YYYY-MM-DD[ T]HH:MM[:SS]' (UTC, the container's zone). */
export function parseDate(text: string, now: number): number | null {
  const s = text.trim();
  if (s === 'now' || s === '') return now;
  const at = /^@(-?\d+)$/.exec(s);
  if (at) return Number(at[1]);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:Z|UTC))?$/.exec(s);
  if (!m) return null;
  const n = (i: number): number => Number(m[i] ?? 0);
  return utc(n(1), n(2), n(3), n(4), n(5), n(6));
}

/** -t: [[CC]YY]MMDDhhmm[.ss]; a two-digit year 69–99 is 19YY, 00–68 is 20YY. */
export function parseStamp(text: string, now: number): number | null {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(text);
  if (!m) return null;
  const digits = m[1]!;
  const tail = digits.slice(-8);
  let year = new Date(now * 1000).getUTCFullYear();
  if (digits.length === 12) year = Number(digits.slice(0, 4));
  if (digits.length === 10) {
    const yy = Number(digits.slice(0, 2));
    year = yy >= 69 ? 1900 + yy : 2000 + yy;
  }
  const two = (i: number): number => Number(tail.slice(i, i + 2));
  return utc(year, two(0), two(2), two(4), two(6), Number(m[2] ?? 0));
}
