import type { ShellCommand } from '../types.ts';
import { absPath, complain, parseArgs, quote, strerr } from './common.ts';

// truncate: open(O_WRONLY|O_CREAT) — a copy-up for an image file, a new 0644 file otherwise — then
// ftruncate(2) to the size, which always sets a new mtime (coreutils truncate.c).

type SizeMode = 'abs' | 'rel' | 'max' | 'min' | 'rdn' | 'rup';

export interface TruncateOptions {
  readonly noCreate: boolean;
  readonly size: { readonly mode: SizeMode; readonly n: number } | undefined;
  readonly reference: string | undefined;
  readonly files: readonly string[];
}

const tryHelp = "Try 'truncate --help' for more information.\n";
const bad = (message: string, withHelp = true) => ({
  ok: false as const,
  message: message + (withHelp ? tryHelp : ''),
  exitCode: 1,
});

export const truncate: ShellCommand<TruncateOptions> = {
  name: 'truncate',
  usage: 'Usage: truncate OPTION... FILE...',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('truncate', args, {
      flags: 'c',
      withArg: 'sr',
      long: { 'no-create': 'c', size: 's', reference: 'r' },
      longWithArg: ['size', 'reference'],
    });
    if (!p.ok) return p;
    const s = p.opts.values.get('s');
    const reference = p.opts.values.get('r');
    let size: TruncateOptions['size'];
    if (s !== undefined) {
      const parsed = parseSize(s);
      if (typeof parsed === 'string') return bad(`truncate: ${parsed}\n`, parsed.startsWith('multiple'));
      size = parsed;
    }
    if (size === undefined && reference === undefined)
      return bad("truncate: you must specify either '--size' or '--reference'\n");
    if (size !== undefined && size.mode === 'abs' && reference !== undefined)
      return bad("truncate: you must specify a relative '--size' with '--reference'\n");
    if (p.opts.operands.length === 0) return bad('truncate: missing file operand\n');
    return {
      ok: true,
      opts: { noCreate: p.opts.flags.has('c'), size, reference, files: p.opts.operands },
    };
  },
  run(o, ctx) {
    const { fs } = ctx;
    let refSize: number | undefined;
    if (o.reference !== undefined) {
      const st = fs.stat(absPath(ctx, o.reference));
      if (!st.ok) {
        complain(ctx, 'truncate', `cannot stat ${quote(o.reference)}: ${strerr(st.errno)}`);
        return 1;
      }
      refSize = st.value.size;
    }
    let ok = true;
    for (const file of o.files) {
      const path = absPath(ctx, file);
      // Without O_CREAT the open of a missing file fails, and -c makes that silent.
      if (o.noCreate && !fs.stat(path).ok) continue;
      const open = fs.writeFile(path, '', { append: true, mode: 0o666 });
      if (!open.ok) {
        complain(ctx, 'truncate', `cannot open ${quote(file)} for writing: ${strerr(open.errno)}`);
        ok = false;
        continue;
      }
      let base = refSize;
      if (o.size === undefined || o.size.mode !== 'abs') {
        if (base === undefined) {
          const st = fs.stat(path);
          if (!st.ok) {
            complain(ctx, 'truncate', `cannot fstat ${quote(file)}: ${strerr(st.errno)}`);
            ok = false;
            continue;
          }
          base = st.value.size;
        }
      }
      const n = newSize(o.size, base ?? 0);
      const r = fs.truncate(path, n);
      if (!r.ok) {
        complain(ctx, 'truncate', `failed to truncate ${quote(file)} at ${n} bytes: ${strerr(r.errno)}`);
        ok = false;
      }
    }
    return ok ? 0 : 1;
  },
};

function newSize(size: TruncateOptions['size'], current: number): number {
  if (size === undefined) return current;
  const { mode, n } = size;
  switch (mode) {
    case 'abs':
      return n;
    case 'rel':
      return Math.max(0, current + n);
    case 'max':
      return Math.min(current, n);
    case 'min':
      return Math.max(current, n);
    case 'rdn':
      return Math.floor(current / n) * n;
    case 'rup':
      return Math.ceil(current / n) * n;
  }
}

const UNITS = 'KMGTPEZYRQ';

/** -s: [<>/%]N or [+-]N with K, KiB (1024) or KB (1000) suffixes, as xdectoimax reads them. */
export function parseSize(text: string): TruncateOptions['size'] | string {
  let s = text.trimStart();
  let mode: SizeMode = 'abs';
  const lead = s[0];
  if (lead === '<' || lead === '>' || lead === '/' || lead === '%') {
    mode = ({ '<': 'max', '>': 'min', '/': 'rdn', '%': 'rup' } as const)[lead];
    s = s.slice(1).trimStart();
  }
  if (s[0] === '+' || s[0] === '-') {
    if (mode !== 'abs') return 'multiple relative modifiers specified';
    mode = 'rel';
  }
  const m = /^([+-]?\d+)([kKmMgGtTPEZYRQ](?:B|iB)?)?$/.exec(s);
  if (!m) return `Invalid number: ${quote(text)}`;
  let n = Number(m[1]);
  const suffix = m[2];
  if (suffix) {
    const power = UNITS.indexOf(suffix[0]!.toUpperCase()) + 1;
    n *= (suffix.endsWith('B') && !suffix.endsWith('iB') ? 1000 : 1024) ** power;
  }
  if (!Number.isSafeInteger(n)) return `Invalid number: ${quote(text)}`;
  if ((mode === 'rdn' || mode === 'rup') && n === 0) return 'division by zero';
  return { mode, n };
}
