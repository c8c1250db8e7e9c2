import type { ShellCommand } from '../types.ts';
import { parseArgs, quote } from './common.ts';
import type { CopyOptions, CopyRun } from './write-copy.ts';
import { copyInternal } from './write-copy.ts';
import type { Name } from './write-names.ts';
import { fileNameConcat, lastComponent, nameOf, stripTrailingSlashes } from './write-names.ts';
import { targetOperands } from './write-target.ts';

// cp: coreutils cp.c's do_copy over copy.c's copy_internal (write-copy.ts). A new file is opened
// with O_CREAT|O_EXCL and the source's mode (the umask applies), an existing one with O_TRUNC (its
// mode stays); either way it gets a new mtime unless -p or -a preserve the source's.

export interface CpOptions {
  readonly copy: CopyOptions;
  readonly targetDir: string | undefined;
  readonly noTargetDir: boolean;
  readonly files: readonly string[];
}

const tryHelp = "Try 'cp --help' for more information.\n";
const PRESERVABLE = ['mode', 'timestamps', 'ownership', 'links', 'context', 'xattr', 'all'];

export const cp: ShellCommand<CpOptions> = {
  name: 'cp',
  usage: 'Usage: cp [OPTION]... [-T] SOURCE DEST',
  where: ['container', 'host'],
  parse(args) {
    const end = args.indexOf('--') < 0 ? args.length : args.indexOf('--');
    const keep: string[] = [];
    const preserve = new Set<string>();
    const noPreserve = new Set<string>();
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const m = i < end ? /^--(no-)?preserve(?:=(.*))?$/.exec(a) : null;
      if (!m) {
        keep.push(a);
        continue;
      }
      const list = m[2] === undefined ? (m[1] ? undefined : 'mode,ownership,timestamps') : m[2];
      if (list === undefined)
        return {
          ok: false,
          message: `cp: option '--no-preserve' requires an argument\n${tryHelp}`,
          exitCode: 1,
        };
      for (const item of list.split(',')) {
        if (!PRESERVABLE.includes(item))
          return {
            ok: false,
            message: `cp: invalid argument ${quote(item)} for '--${m[1] ?? ''}preserve'\n${tryHelp}`,
            exitCode: 1,
          };
        (m[1] ? noPreserve : preserve).add(item);
      }
    }
    const p = parseArgs('cp', keep, {
      flags: 'adfHlLnpPrRsTv',
      withArg: 't',
      long: {
        archive: 'a',
        dereference: 'L',
        force: 'f',
        link: 'l',
        'no-clobber': 'n',
        'no-dereference': 'P',
        recursive: 'R',
        'symbolic-link': 's',
        'target-directory': 't',
        'no-target-directory': 'T',
        verbose: 'v',
      },
      longWithArg: ['target-directory'],
    });
    if (!p.ok) return p;
    const f = p.opts.flags;
    if (f.has('a')) ['mode', 'ownership', 'timestamps', 'links'].forEach((x) => preserve.add(x));
    if (f.has('p')) ['mode', 'ownership', 'timestamps'].forEach((x) => preserve.add(x));
    if (f.has('d')) preserve.add('links');
    const has = (x: string): boolean =>
      (preserve.has(x) || preserve.has('all')) && !noPreserve.has(x) && !noPreserve.has('all');
    if (f.has('l') && f.has('s'))
      return { ok: false, message: `cp: cannot make both hard and symbolic links\n${tryHelp}`, exitCode: 1 };
    const recursive = f.has('a') || f.has('r') || f.has('R');
    const dereference = f.has('L')
      ? 'always'
      : f.has('H')
        ? 'cmdline'
        : f.has('P') || f.has('a') || f.has('d')
          ? 'never'
          : recursive && !f.has('l')
            ? 'never'
            : 'always';
    return {
      ok: true,
      opts: {
        copy: {
          cmd: 'cp',
          move: false,
          recursive,
          dereference,
          preserveMode: has('mode'),
          preserveOwnership: has('ownership'),
          preserveTimestamps: has('timestamps'),
          preserveLinks: has('links'),
          noClobber: f.has('n'),
          force: f.has('f'),
          hardLink: f.has('l'),
          symbolicLink: f.has('s'),
          verbose: f.has('v'),
          renameErrno: null,
        },
        targetDir: p.opts.values.get('t'),
        noTargetDir: f.has('T'),
        files: p.opts.operands,
      },
    };
  },
  run(o, ctx) {
    const t = targetOperands(ctx, 'cp', o.files, o.targetDir, o.noTargetDir);
    if (typeof t === 'number') return t;
    const copied = new Map<string, Name>();
    const one = (srcArg: string, dstShow: string, nonexistent: number): boolean => {
      const run: CopyRun = { topSrc: srcArg, topDst: dstShow, firstDirCreated: null, copied };
      const src = nameOf(ctx, srcArg);
      const dst = nameOf(ctx, dstShow);
      return copyInternal(ctx, src, dst, nonexistent, o.copy, true, run).ok;
    };
    if (t.targetDir !== undefined) {
      let ok = true;
      for (const arg of t.sources) {
        let base = stripTrailingSlashes(lastComponent(arg));
        // 'cp -R src/.. dest' copies into dest/., not dest/..
        if (base === '..') base = '.';
        ok = one(arg, fileNameConcat(t.targetDir, base), 0) && ok;
      }
      return ok ? 0 : 1;
    }
    const [source, dest] = t.sources as [string, string];
    return one(source, dest, t.destMissing ? -1 : 0) ? 0 : 1;
  },
};
