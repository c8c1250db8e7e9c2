import type { Errno } from '../../engine/errors.ts';
import type { AbsPath } from '../../engine/ids.ts';
import type { CommandContext, ShellCommand } from '../types.ts';
import { absPath, strerr } from './common.ts';
import type { Line, LineSource } from './write-sed-exec.ts';
import { SedState, Sink, runSed } from './write-sed-exec.ts';
import type { Command } from './write-sed-program.ts';
import { SedCompiler, SedError } from './write-sed-parse.ts';
import { withTempName } from './write-tempname.ts';

// sed: a stream editor (see write-sed-*.ts). With -i it does what GNU sed does, so the overlay shows
// it: read FILE, create a temporary "sedXXXXXX" beside it (O_EXCL, mode 0600), write the result,
// give it FILE's owner and mode, then rename(2) it over FILE. The image's file stays untouched in its
// layer; the upper gets a new file at the name (docker diff: C).

export interface SedOptions {
  readonly program: readonly Command[];
  readonly expressions: number;
  readonly quiet: boolean;
  readonly separate: boolean;
  /** -i: undefined when off; '*' without a backup; else the backup name pattern ('*' = the name). */
  readonly inPlace: string | undefined;
  readonly files: readonly string[];
}

const USAGE = 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n';
const LONG: Readonly<Record<string, string>> = {
  expression: 'e',
  'in-place': 'i',
  quiet: 'n',
  silent: 'n',
  'regexp-extended': 'E',
  separate: 's',
  unbuffered: 'u',
};

export const sed: ShellCommand<SedOptions> = {
  name: 'sed',
  usage: USAGE.trimEnd(),
  where: ['container', 'host'],
  parse(args) {
    const bad = (message: string) => ({ ok: false as const, message, exitCode: 1 });
    const scripts: string[] = [];
    const operands: string[] = [];
    const flags = new Set<string>();
    let inPlace: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        operands.push(...args.slice(i + 1));
        break;
      }
      if (a.startsWith('--')) {
        const eq = a.indexOf('=');
        const name = a.slice(2, eq < 0 ? undefined : eq);
        const hits = Object.keys(LONG).filter((l) => l.startsWith(name));
        const full = hits.includes(name) ? name : hits.length === 1 ? hits[0]! : undefined;
        if (full === undefined)
          return bad(
            `sed: ${hits.length > 1 ? 'option' : 'unrecognized option'} '${a}'${hits.length > 1 ? ' is ambiguous' : ''}\n${USAGE}`,
          );
        const key = LONG[full]!;
        if (key === 'e') {
          const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
          if (v === undefined) return bad(`sed: option '--expression' requires an argument\n${USAGE}`);
          scripts.push(v);
        } else if (key === 'i') inPlace = eq >= 0 ? suffixPattern(a.slice(eq + 1)) : '*';
        else flags.add(key);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]!;
          if (c === 'i') {
            inPlace = suffixPattern(a.slice(j + 1));
            break;
          }
          if (c === 'e') {
            const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
            if (v === undefined) return bad(`sed: option requires an argument -- 'e'\n${USAGE}`);
            scripts.push(v);
            break;
          }
          if (!'nrEsu'.includes(c)) return bad(`sed: invalid option -- '${c}'\n${USAGE}`);
          flags.add(c === 'r' ? 'E' : c);
        }
        continue;
      }
      operands.push(a);
    }
    if (scripts.length === 0) {
      const first = operands.shift();
      if (first === undefined) return bad(USAGE);
      scripts.push(first);
    }
    const compiler = new SedCompiler(flags.has('E'));
    let program: Command[];
    try {
      for (const s of scripts) compiler.add(s);
      program = compiler.finish();
    } catch (e) {
      if (e instanceof SedError) return bad(`sed: ${e.message}\n`);
      return bad('sed: -e expression #1, char 0: Invalid regular expression\n');
    }
    return {
      ok: true,
      opts: {
        program,
        expressions: compiler.expressions,
        quiet: flags.has('n'),
        separate: flags.has('s') || inPlace !== undefined,
        inPlace,
        files: operands,
      },
    };
  },
  run(o, ctx) {
    if (o.inPlace !== undefined && o.files.length === 0) {
      ctx.stderr('sed: no input files\n');
      return 4;
    }
    const st = new SedState(o.program, o.quiet);
    const files = o.files.length > 0 ? o.files : ['-'];
    const job = new Job(ctx, o, st, files);
    return job.run();
  },
};

/** -iSUFFIX: GNU keeps a pattern where '*' stands for the file's name ('.bak' means '*.bak'). */
const suffixPattern = (s: string): string => (s === '' ? '*' : s.includes('*') ? s : `*${s}`);

class Panic extends Error {
  constructor(
    message: string,
    readonly exit: number,
  ) {
    super(message);
  }
}

/** One sed run: the files in order, read lazily as GNU does (so `$` may look ahead). */
class Job implements LineSource {
  private lines: Line[] = [];
  private at = 0;
  private nextFile = 0;
  private bad = 0;
  private out = new Sink();
  private edit: { readonly path: AbsPath; readonly name: string; readonly tmp: AbsPath } | undefined;

  constructor(
    private readonly ctx: CommandContext,
    private readonly o: SedOptions,
    private readonly st: SedState,
    private readonly files: readonly string[],
  ) {}

  run(): number {
    try {
      if (!this.o.separate) return this.finish(runSed(this.st, this, this.out));
      while (this.openNext()) {
        const r = runSed(this.st, this, this.out);
        if (r.kind !== 'end') return this.finish(r);
        this.closeFile();
        this.st.reset();
      }
      return this.finish({ kind: 'end' });
    } catch (e) {
      if (!(e instanceof Panic)) throw e;
      this.flush();
      this.ctx.stderr(`sed: ${e.message}\n`);
      return e.exit;
    }
  }

  private finish(r: ReturnType<typeof runSed>): number {
    if (r.kind === 'error') {
      this.flush();
      if (this.edit) this.ctx.fs.unlink(this.edit.tmp);
      this.ctx.stderr(`sed: -e expression #${this.o.expressions}, char 0: ${r.message}\n`);
      return 1;
    }
    if (this.o.separate) this.closeFile();
    this.flush();
    if (r.kind === 'quit') return r.exit;
    return this.bad > 0 ? 2 : 0;
  }

  private flush(): void {
    if (!this.edit && this.out.text !== '') this.ctx.stdout(this.out.text);
    if (!this.edit) this.out.text = '';
  }

  next(): Line | null {
    while (this.at >= this.lines.length) {
      if (this.o.separate || !this.openNext()) return null;
    }
    return this.lines[this.at++]!;
  }

  atEnd(): boolean {
    if (this.at < this.lines.length) return false;
    if (this.o.separate) return true;
    while (this.nextFile < this.files.length) {
      this.openNext();
      if (this.lines.length > 0) return false;
    }
    return true;
  }

  /** open_next_file: read the next file (reporting it if unreadable); false when none is left. */
  private openNext(): boolean {
    if (this.nextFile >= this.files.length) return false;
    const name = this.files[this.nextFile++]!;
    this.lines = [];
    this.at = 0;
    const { fs } = this.ctx;
    if (name === '-' && this.o.inPlace === undefined) {
      this.lines = splitLines(this.ctx.stdin);
      return true;
    }
    const path = absPath(this.ctx, name);
    const data = fs.readFile(path);
    if (!data.ok) {
      if (data.errno === 'EISDIR')
        throw new Panic(
          this.o.inPlace !== undefined
            ? `couldn't edit ${name}: not a regular file`
            : `read error on ${name}: ${strerr('EISDIR')}`,
          4,
        );
      this.flush();
      this.ctx.stderr(`sed: can't read ${name}: ${strerr(data.errno)}\n`);
      this.bad++;
      return this.o.separate ? this.openNext() : true;
    }
    this.lines = splitLines(data.value);
    if (this.o.inPlace !== undefined) this.startEdit(path, name);
    return true;
  }

  private startEdit(path: AbsPath, name: string): void {
    const { fs } = this.ctx;
    const st = fs.stat(path);
    if (!st.ok || st.value.kind !== 'file') throw new Panic(`couldn't edit ${name}: not a regular file`, 4);
    const tmp = withTempName(fs, 'sed', path, (t) =>
      fs.writeFile(t, '', { append: false, exclusive: true, mode: 0o600 }),
    );
    if (!tmp.ok) throw new Panic(`couldn't open temporary file ${tempShown(name)}: ${strerr(tmp.errno)}`, 4);
    this.edit = { path, name, tmp: tmp.value };
    this.out = new Sink();
  }

  /** closedown: the temporary file gets the original's owner and mode, then takes its name. */
  private closeFile(): void {
    const e = this.edit;
    if (!e) return;
    this.edit = undefined;
    const { fs } = this.ctx;
    if (this.out.text !== '') fs.writeFile(e.tmp, this.out.text, { append: true });
    this.out = new Sink();
    const orig = fs.stat(e.path);
    if (orig.ok) {
      fs.chown(e.tmp, orig.value.uid, orig.value.gid);
      fs.chmod(e.tmp, orig.value.mode);
    }
    if (this.o.inPlace !== '*') {
      const backup = this.o.inPlace!.split('*').join(e.name);
      rename(this.ctx, e.path, absPath(this.ctx, backup), e.name);
    }
    rename(this.ctx, e.tmp, e.path, e.tmp.slice(e.tmp.lastIndexOf('/') + 1));
  }
}

function rename(ctx: CommandContext, from: AbsPath, to: AbsPath, shown: string): void {
  const r = ctx.fs.rename(from, to);
  if (!r.ok) throw new Panic(`cannot rename ${shown}: ${strerr(r.errno as Errno)}`, 4);
}

const tempShown = (name: string): string =>
  `${name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '.'}/sedXXXXXX`;

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop()!;
  const lines: Line[] = parts.map((t) => ({ text: t, nl: true }));
  if (last !== '') lines.push({ text: last, nl: false });
  return lines;
}
