import type { Result } from '../../engine/errors.ts';
import { fail } from '../../engine/errors.ts';
import type { Stat } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { joinPath } from '../../engine/path.ts';
import type { CommandContext, ShellCommand } from '../types.ts';
import { absPath, complain, parseArgs, strerr } from './common.ts';
import { sortBy } from './read-collate.ts';
import { columnLayout } from './read-lsformat.ts';
import type { LsEntry } from './read-lslong.ts';
import { indicator, longLines, totalLine } from './read-lslong.ts';
import { displayWidth, quoteAlways, shellQuote } from './read-quote.ts';

export interface LsOptions {
  /** -a shows every name, -A all but `.` and `..`; by default names starting with `.` are hidden. */
  readonly show: 'visible' | 'almost' | 'all';
  /** -l, -C, -1; `auto` is columns on a terminal and one name per line into a pipe. */
  readonly format: 'long' | 'columns' | 'single' | 'auto';
  readonly recursive: boolean;
  /** -d: list directories themselves, not their contents. */
  readonly directory: boolean;
  readonly classify: boolean;
  readonly human: boolean;
  readonly operands: readonly string[];
}

export const ls: ShellCommand<LsOptions> = {
  name: 'ls',
  usage: 'Usage: ls [OPTION]... [FILE]...',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('ls', args, {
      flags: 'aAdFhlR1C',
      long: {
        all: 'a',
        'almost-all': 'A',
        directory: 'd',
        classify: 'F',
        'human-readable': 'h',
        recursive: 'R',
      },
      usageExit: 2,
    });
    if (!p.ok) return p;
    let show: LsOptions['show'] = 'visible';
    let format: LsOptions['format'] = 'auto';
    // The last of conflicting options wins, as with getopt's sequential handling.
    for (const f of p.opts.flags) {
      if (f === 'a') show = 'all';
      else if (f === 'A') show = 'almost';
      else if (f === 'l') format = 'long';
      else if (f === 'C') format = 'columns';
      else if (f === '1') format = 'single';
    }
    const has = (f: string): boolean => p.opts.flags.has(f);
    return {
      ok: true,
      opts: {
        show,
        format,
        recursive: has('R'),
        directory: has('d'),
        classify: has('F'),
        human: has('h'),
        operands: p.opts.operands,
      },
    };
  },
  run(o, ctx) {
    try {
      return new Lister(o, ctx).run();
    } catch (e) {
      complain(ctx, 'ls', String(e));
      return 2;
    }
  },
};

interface PendingDir {
  readonly shown: string;
  readonly path: AbsPath;
  readonly commandLine: boolean;
}

/** One run of ls: GNU's order of work (operands, then a stack of directories to list). */
class Lister {
  private status = 0;
  private first = true;
  private readonly format: 'long' | 'columns' | 'single';
  private readonly tty: boolean;

  constructor(
    private readonly o: LsOptions,
    private readonly ctx: CommandContext,
  ) {
    this.tty = ctx.stdoutIsTty;
    this.format = o.format === 'auto' ? (this.tty ? 'columns' : 'single') : o.format;
  }

  run(): number {
    const { o, ctx } = this;
    const operands = o.operands.length > 0 ? o.operands : ['.'];
    const files: { name: string; st: Stat }[] = [];
    let dirs: PendingDir[] = [];
    for (const op of operands) {
      const st = this.statOperand(op);
      if (!st.ok) {
        this.problem(2, `cannot access ${quoteAlways(op, ctx.where)}: ${strerr(st.errno)}`);
        continue;
      }
      if (st.value.kind === 'dir' && !o.directory)
        dirs.push({ shown: op, path: absPath(ctx, op), commandLine: true });
      else files.push({ name: op, st: st.value });
    }
    dirs = sortBy(dirs, (d) => d.shown, ctx.where);
    const printNames = o.recursive || files.length > 0 || operands.length > 1 || dirs.length > 1;
    if (files.length > 0) {
      const entries = files.map((f) => this.entry(f.name, absPath(ctx, f.name), f.st));
      this.emit(this.render(this.align(sortBy(entries, (e) => e.name, ctx.where))));
      if (dirs.length > 0) this.emit(['']);
    }
    const stack = dirs.reverse();
    for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
      const subdirs = this.listDir(d, printNames);
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
    }
    return this.status;
  }

  /**
   * stat or lstat, as GNU decides for operands: a trailing slash makes the kernel follow a symlink;
   * without -l, -d or -F a symlink to a directory is followed, anything else is shown as itself.
   */
  private statOperand(op: string): Result<Stat> {
    const { fs } = this.ctx;
    const path = absPath(this.ctx, op);
    if (op.endsWith('/')) {
      const st = fs.stat(path);
      return st.ok && st.value.kind !== 'dir' ? fail('ENOTDIR') : st;
    }
    if (!this.o.directory && !this.o.classify && this.o.format !== 'long') {
      const st = fs.stat(path);
      if (st.ok && st.value.kind === 'dir') return st;
    }
    return fs.lstat(path);
  }

  private listDir(d: PendingDir, printNames: boolean): PendingDir[] {
    const { ctx, o } = this;
    const read = ctx.fs.readdir(d.path);
    if (!read.ok) {
      const why = `cannot open directory ${quoteAlways(d.shown, ctx.where)}: ${strerr(read.errno)}`;
      this.problem(d.commandLine ? 2 : 1, why);
      return [];
    }
    const lines: string[] = [];
    if (printNames) {
      if (!this.first) lines.push('');
      this.first = false;
      lines.push(`${this.tty ? shellQuote(d.shown, { colon: true, utf8: ctx.where === 'host' }) : d.shown}:`);
    }
    const names: { name: string; path: AbsPath; kind: Stat['kind'] }[] = [];
    if (o.show === 'all') {
      names.push({ name: '.', path: d.path, kind: 'dir' });
      names.push({ name: '..', path: absPath(ctx, d.path + '/..'), kind: 'dir' });
    }
    for (const e of read.value)
      if (o.show !== 'visible' || !e.name.startsWith('.'))
        names.push({ name: e.name, path: joinPath(d.path, e.name), kind: e.kind });
    const needStat = this.format === 'long' || o.classify;
    const entries: LsEntry[] = [];
    for (const n of names) {
      if (!needStat) {
        entries.push(this.entry(n.name, n.path, fakeStat(n.kind)));
        continue;
      }
      const st = ctx.fs.lstat(n.path);
      if (st.ok) entries.push(this.entry(n.name, n.path, st.value));
      else
        this.problem(
          1,
          `cannot access ${quoteAlways(joinShown(d.shown, n.name), ctx.where)}: ${strerr(st.errno)}`,
        );
    }
    const sorted = this.align(sortBy(entries, (e) => e.name, ctx.where));
    if (this.format === 'long') lines.push(totalLine(sorted, o.human));
    lines.push(...this.render(sorted));
    this.emit(lines);
    if (!o.recursive) return [];
    return sorted
      .filter((e) => e.st.kind === 'dir' && e.name !== '.' && e.name !== '..')
      .map((e) => ({
        shown: joinShown(d.shown, e.name),
        path: joinPath(d.path, e.name),
        commandLine: false,
      }));
  }

  private entry(name: string, path: AbsPath, st: Stat): LsEntry {
    const shown = this.tty ? shellQuote(name, { utf8: this.ctx.where === 'host' }) : name;
    const base = { name, shown, width: displayWidth(shown), st };
    if (st.kind !== 'symlink' || this.format !== 'long') return base;
    const raw = st.target ?? '';
    const target = this.tty ? shellQuote(raw, { utf8: this.ctx.where === 'host' }) : raw;
    const t = this.o.classify ? this.ctx.fs.stat(path) : undefined;
    return t?.ok ? { ...base, target, targetSt: t.value } : { ...base, target };
  }

  /** On a terminal, when some names needed quotes, the others get a leading space to line up. */
  private align(entries: LsEntry[]): LsEntry[] {
    if (!this.tty || this.format === 'single') return entries;
    if (!entries.some((e) => e.shown !== e.name)) return entries;
    return entries.map((e) => (e.shown !== e.name ? e : { ...e, shown: ' ' + e.shown, width: e.width + 1 }));
  }

  private render(list: readonly LsEntry[]): string[] {
    const { o } = this;
    if (this.format === 'long')
      return longLines(list, { now: this.ctx.fs.now(), human: o.human, classify: o.classify });
    const ind = (e: LsEntry): string => (o.classify ? indicator(e.st) : '');
    if (this.format === 'single') return list.map((e) => e.shown + ind(e));
    const cells = list.map((e) => {
      const mark = ind(e);
      return { text: e.shown + mark, width: e.width + mark.length };
    });
    return columnLayout(cells, this.ctx.columns);
  }

  private emit(lines: readonly string[]): void {
    if (lines.length > 0) this.ctx.stdout(lines.join('\n') + '\n');
  }

  private problem(code: number, message: string): void {
    this.status = Math.max(this.status, code);
    complain(this.ctx, 'ls', message);
  }
}

/** GNU's file_name_concat for -R headers: `./sub`, `/bin`, `dir/sub` (no doubled slash). */
const joinShown = (dir: string, name: string): string => (dir.endsWith('/') ? dir + name : `${dir}/${name}`);

/** What a listing without -l or -F knows of an entry: its type from readdir (d_type). */
const fakeStat = (kind: Stat['kind']): Stat => ({
  kind,
  mode: 0,
  uid: 0,
  gid: 0,
  mtime: 0,
  size: 0,
  nlink: 1,
  ino: 0,
  mount: '',
});
