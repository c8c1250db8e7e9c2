import type { Errno } from '../../engine/errors.ts';
import type { ShellCommand } from '../types.ts';
import { absPath, complain, parseArgs, quote, quoteIfNeeded, strerr } from './common.ts';
import { fileNameConcat, identity, lastComponent, stripTrailingSlashes } from './write-names.ts';
import { forceMake } from './write-tempname.ts';

// ln: link(2) — which copies an image file up before linking it in the upper (C9) — or symlink(2),
// which stores the target text as given and copies up only the parents. Like coreutils ln.c it tries
// the link first and looks closer only when that fails; -f replaces through a temporary name
// ("CuXXXXXX") renamed over the old one (gnulib force_linkat / force_symlinkat).

export interface LnOptions {
  readonly symbolic: boolean;
  readonly force: boolean;
  readonly noDereference: boolean;
  readonly logical: boolean;
  readonly verbose: boolean;
  readonly targetDir: string | undefined;
  readonly noTargetDir: boolean;
  readonly files: readonly string[];
}

const tryHelp = "Try 'ln --help' for more information.\n";

export const ln: ShellCommand<LnOptions> = {
  name: 'ln',
  usage: 'Usage: ln [OPTION]... [-T] TARGET LINK_NAME',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('ln', args, {
      flags: 'fLnPsTv',
      withArg: 't',
      long: {
        force: 'f',
        logical: 'L',
        'no-dereference': 'n',
        physical: 'P',
        symbolic: 's',
        'target-directory': 't',
        'no-target-directory': 'T',
        verbose: 'v',
      },
      longWithArg: ['target-directory'],
    });
    if (!p.ok) return p;
    const f = p.opts.flags;
    const files = p.opts.operands;
    const targetDir = p.opts.values.get('t');
    if (files.length === 0)
      return { ok: false, message: `ln: missing file operand\n${tryHelp}`, exitCode: 1 };
    if (f.has('T') && targetDir !== undefined)
      return {
        ok: false,
        message: 'ln: cannot combine --target-directory and --no-target-directory\n',
        exitCode: 1,
      };
    if (f.has('T') && files.length !== 2)
      return {
        ok: false,
        message:
          files.length < 2
            ? `ln: missing destination file operand after ${quote(files[0]!)}\n${tryHelp}`
            : `ln: extra operand ${quote(files[2]!)}\n${tryHelp}`,
        exitCode: 1,
      };
    return {
      ok: true,
      opts: {
        symbolic: f.has('s'),
        force: f.has('f'),
        noDereference: f.has('n'),
        logical: f.has('L'),
        verbose: f.has('v'),
        targetDir,
        noTargetDir: f.has('T'),
        files,
      },
    };
  },
  run(o, ctx) {
    const { fs } = ctx;
    const make = (source: string, at: string): Errno | 0 => {
      const r = o.symbolic
        ? fs.symlink(source, absPath(ctx, at))
        : fs.link(linkSource(source), absPath(ctx, at));
      return r.ok ? 0 : r.errno;
    };
    const linkSource = (source: string) => {
      const abs = absPath(ctx, source);
      if (!o.logical) return abs;
      const real = fs.realpath(abs);
      return real.ok ? real.value : abs;
    };
    const isDir = (operand: string): Errno | 0 => {
      const st = o.noDereference ? fs.lstat(absPath(ctx, operand)) : fs.stat(absPath(ctx, operand));
      if (!st.ok) return st.errno;
      return st.value.kind === 'dir' ? 0 : 'ENOTDIR';
    };

    let files = o.files;
    let targetDir = o.targetDir;
    let firstErrno: Errno | 0 | null = null;
    if (targetDir !== undefined) {
      const e = isDir(targetDir);
      if (e !== 0) {
        complain(ctx, 'ln', `target directory ${quote(targetDir)}: ${strerr(e)}`);
        return 1;
      }
    } else if (!o.noTargetDir) {
      if (files.length === 1) targetDir = '.';
      else {
        const last = files[files.length - 1]!;
        if (files.length === 2) firstErrno = make(files[0]!, last);
        if (
          firstErrno === null ||
          firstErrno === 'EEXIST' ||
          firstErrno === 'ENOTDIR' ||
          firstErrno === 'EINVAL'
        ) {
          const e = isDir(last);
          if (e === 0) {
            targetDir = last;
            files = files.slice(0, -1);
            firstErrno = null;
          } else if (files.length > 2) {
            complain(ctx, 'ln', `target ${quote(last)}: ${strerr(e)}`);
            return 1;
          }
        }
      }
    }

    const doLink = (source: string, dest: string, tried: Errno | 0 | null): boolean => {
      let errno = tried ?? make(source, dest);
      if (errno !== 0) {
        const sst = o.symbolic ? undefined : fs.lstat(absPath(ctx, source));
        if (sst && !sst.ok) {
          complain(ctx, 'ln', `failed to access ${quote(source)}: ${strerr(sst.errno)}`);
          return false;
        }
        if (sst?.ok && sst.value.kind === 'dir') {
          complain(ctx, 'ln', `${quoteIfNeeded(source)}: hard link not allowed for directory`);
          return false;
        }
        let force = o.force;
        if (force) {
          const dst = fs.lstat(absPath(ctx, dest));
          if (!dst.ok) {
            if (dst.errno !== 'ENOENT') {
              complain(ctx, 'ln', `failed to access ${quote(dest)}: ${strerr(dst.errno)}`);
              return false;
            }
            force = false;
          } else if (dst.value.kind === 'dir') {
            complain(ctx, 'ln', `${quoteIfNeeded(dest)}: cannot overwrite directory`);
            return false;
          } else if (
            sst?.ok &&
            identity(fs, absPath(ctx, source), sst.value, false) ===
              identity(fs, absPath(ctx, dest), dst.value, false)
          ) {
            complain(ctx, 'ln', `${quote(source)} and ${quote(dest)} are the same file`);
            return false;
          }
        }
        const r = forceMake(
          fs,
          absPath(ctx, dest),
          force,
          (at) => (o.symbolic ? fs.symlink(source, at) : fs.link(linkSource(source), at)),
          errno,
        );
        errno = r === 'replaced' ? 0 : r;
      }
      if (errno === 0) {
        if (o.verbose) ctx.stdout(`${quote(dest)} ${o.symbolic ? '-' : '='}> ${quote(source)}\n`);
        return true;
      }
      const why = strerr(errno);
      if (o.symbolic) complain(ctx, 'ln', `failed to create symbolic link ${quote(dest)}: ${why}`);
      else if (['EEXIST', 'ENOSPC', 'EROFS'].includes(errno))
        complain(ctx, 'ln', `failed to create hard link ${quote(dest)}: ${why}`);
      else complain(ctx, 'ln', `failed to create hard link ${quote(dest)} => ${quote(source)}: ${why}`);
      return false;
    };

    if (targetDir === undefined) return doLink(files[0]!, files[1]!, firstErrno) ? 0 : 1;
    let ok = true;
    for (const source of files) {
      const dest = fileNameConcat(targetDir, stripTrailingSlashes(lastComponent(source)));
      ok = doLink(source, dest, null) && ok;
    }
    return ok ? 0 : 1;
  },
};
