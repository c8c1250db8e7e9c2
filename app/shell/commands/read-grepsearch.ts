import type { AbsPath } from '../../engine/ids.ts';
import { joinPath } from '../../engine/path.ts';
import type { CommandContext } from '../types.ts';
import { absPath, strerr } from './common.ts';
import { Inputs } from './read-input.ts';
import type { Matcher } from './read-regex.ts';
import { BudgetExceeded, RegexError, compileGrep } from './read-regex.ts';

export interface GrepOptions {
  readonly patterns: readonly string[];
  /** -f FILE: more patterns, one per line. */
  readonly patternFiles: readonly string[];
  readonly syntax: 'basic' | 'extended' | 'fixed';
  readonly icase: boolean;
  readonly invert: boolean;
  readonly word: boolean;
  readonly line: boolean;
  readonly output: 'lines' | 'only' | 'count' | 'files' | 'files-without' | 'quiet';
  readonly lineNumbers: boolean;
  /** -r follows symlinks named on the command line only; -R follows all. */
  readonly recursive: 'none' | 'physical' | 'follow';
  readonly filenames: 'auto' | 'always' | 'never';
  /** -s: no messages about missing or unreadable files. */
  readonly noMessages: boolean;
  /** -a: search binary files as text. */
  readonly text: boolean;
  readonly maxCount: number;
  readonly operands: readonly string[];
}

/** Past this size a single line is searched only in its first part; a paste cannot stall the page. */
const MAX_LINE = 1 << 20;

/** One grep run: GNU's exit status is 0 when a line was selected, 1 when none, 2 on trouble. */
class Grep {
  private selected = false;
  private trouble = false;
  private out: string[] = [];
  private readonly inputs: Inputs;

  constructor(
    private readonly o: GrepOptions,
    private readonly ctx: CommandContext,
    private readonly m: Matcher,
    private readonly prefix: boolean | 'if-dir',
  ) {
    this.inputs = new Inputs(ctx);
  }

  private say(message: string): void {
    this.flush();
    this.ctx.stderr(`grep: ${message}\n`);
  }

  flush(): void {
    if (this.out.length > 0) this.ctx.stdout(this.out.join(''));
    this.out = [];
  }

  private fail(name: string, e: string): void {
    this.trouble = true;
    if (!this.o.noMessages) this.say(`${name}: ${e}`);
  }

  /** An operand: a file, `-`, or with -r a directory to walk. Returns true to stop (grep -q matched). */
  operand(op: string, shown: string): boolean {
    if (op === '-') return this.search(this.inputs.stdin(), '(standard input)', this.prefix === true);
    const path = absPath(this.ctx, op);
    const st = this.ctx.fs.stat(path);
    if (st.ok && st.value.kind === 'dir' && this.o.recursive !== 'none') return this.walk(path, shown);
    const text = this.ctx.fs.readFile(path);
    if (!text.ok) {
      this.fail(op, strerr(text.errno));
      return false;
    }
    return this.search(text.value, shown, this.prefix === true);
  }

  private walk(dir: AbsPath, shown: string): boolean {
    const r = this.ctx.fs.readdir(dir);
    if (!r.ok) {
      this.fail(shown, strerr(r.errno));
      return false;
    }
    for (const e of r.value) {
      const path = joinPath(dir, e.name);
      const name = shown === '' ? e.name : shown.endsWith('/') ? shown + e.name : `${shown}/${e.name}`;
      let kind = e.kind;
      if (kind === 'symlink') {
        if (this.o.recursive !== 'follow') continue; // -r does not follow links it meets
        const st = this.ctx.fs.stat(path);
        if (!st.ok) {
          this.fail(name, strerr(st.errno));
          continue;
        }
        kind = st.value.kind;
      }
      if (kind === 'dir') {
        if (this.walk(path, name)) return true;
      } else if (kind === 'file') {
        const text = this.ctx.fs.readFile(path);
        if (!text.ok) this.fail(name, strerr(text.errno));
        else if (this.search(text.value, name, this.prefix !== false)) return true;
      } // devices met while recursing are skipped (-D read applies to the command line only)
    }
    return false;
  }

  /** Search one input's text. Returns true when grep can stop (-q found a line). */
  search(text: string, name: string, showName: boolean): boolean {
    const { o, m } = this;
    const binary = !o.text && text.includes('\0');
    const lines = text === '' ? [] : text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    const head = showName ? `${name}:` : '';
    let count = 0;
    for (let i = 0; i < lines.length && count < o.maxCount; i++) {
      const full = lines[i]!;
      const line = full.length > MAX_LINE ? full.slice(0, MAX_LINE) : full;
      if (m.test(line) === o.invert) continue;
      count++;
      this.selected = true;
      if (o.output === 'quiet') return true;
      if (o.output === 'files' || o.output === 'files-without') break;
      if (o.output === 'count' || binary) continue;
      const num = o.lineNumbers ? `${i + 1}:` : '';
      if (o.output === 'lines') this.out.push(`${head}${num}${full}\n`);
      else if (!o.invert) this.only(line, head + num);
    }
    if (o.output === 'count') this.out.push(`${head}${count}\n`);
    else if (o.output === 'files' && count > 0) this.out.push(`${name}\n`);
    else if (o.output === 'files-without' && count === 0) this.out.push(`${name}\n`);
    else if (binary && count > 0 && o.output !== 'quiet' && !o.noMessages)
      this.say(`${name}: binary file matches`);
    return false;
  }

  /** -o: every non-empty leftmost-longest match on its own line. */
  private only(line: string, head: string): void {
    let from = 0;
    while (from <= line.length) {
      const s = this.m.search(line, from);
      if (!s) return;
      if (s.end > s.start) this.out.push(`${head}${line.slice(s.start, s.end)}\n`);
      from = s.end > s.start ? s.end : s.start + 1;
    }
  }

  status(): number {
    if (this.trouble && !(this.o.output === 'quiet' && this.selected)) return 2;
    return this.selected ? 0 : 1;
  }
}

/** Read -f pattern files (relative to the cwd, `-` for standard input), one pattern per line. */
function patternFiles(o: GrepOptions, inputs: Inputs): string[] | string {
  const out: string[] = [];
  for (const f of o.patternFiles) {
    const t = inputs.read(f);
    if (!t.ok) return `${f}: ${strerr(t.errno)}`;
    const lines = t.value.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    out.push(...lines);
  }
  return out;
}

export function runGrep(o: GrepOptions, ctx: CommandContext): number {
  try {
    const warn = (m: string): void => ctx.stderr(`grep: warning: ${m}\n`);
    const extra = patternFiles(o, new Inputs(ctx));
    if (typeof extra === 'string') {
      ctx.stderr(`grep: ${extra}\n`);
      return 2;
    }
    const utf8 = ctx.where === 'host';
    let matcher: Matcher;
    try {
      matcher = compileGrep([...o.patterns, ...extra], { ...o, utf8 }, warn);
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      ctx.stderr(`grep: ${e.message}\n`);
      return 2;
    }
    const operands = o.operands.length > 0 ? o.operands : [o.recursive === 'none' ? '-' : ''];
    const prefix: boolean | 'if-dir' =
      o.filenames === 'always'
        ? true
        : o.filenames === 'never'
          ? false
          : operands.length > 1
            ? true
            : o.recursive !== 'none'
              ? 'if-dir'
              : false;
    const g = new Grep(o, ctx, matcher, prefix);
    try {
      for (const op of operands) {
        // grep -r with no operand searches the working directory, naming files without a leading ./
        if (op === '' ? g.operand('.', '') : g.operand(op, op)) break;
      }
    } finally {
      g.flush();
    }
    return g.status();
  } catch (e) {
    ctx.stderr(`grep: ${e instanceof BudgetExceeded ? e.message : String(e)}\n`);
    return 2;
  }
}
