import type { Addr, Command, Piece, Regex } from './write-sed-program.ts';

// Running a compiled sed program over a stream of lines (GNU sed execute.c): the cycle, addresses
// and ranges (match_address_p), `s` with GNU's rules for empty matches and the N-th occurrence.

export interface Line {
  readonly text: string;
  /** Whether the line ended with a newline (the last line of a file may not). */
  readonly nl: boolean;
}

export interface LineSource {
  next(): Line | null;
  /** `$`: is the line just read the last one (may look ahead into the next files). */
  atEnd(): boolean;
}

/** Where output goes: stdout, or the temporary file of `sed -i`. */
export class Sink {
  text = '';
  missingNewline = false;

  line(s: string, nl: boolean): void {
    this.fixNewline();
    this.text += s;
    if (nl) this.text += '\n';
    else this.missingNewline = true;
  }

  raw(s: string): void {
    this.fixNewline();
    this.text += s;
  }

  private fixNewline(): void {
    if (this.missingNewline) this.text += '\n';
    this.missingNewline = false;
  }
}

export type Outcome =
  | { readonly kind: 'end' }
  | { readonly kind: 'quit'; readonly exit: number }
  | { readonly kind: 'error'; readonly message: string };

/** What survives from one stream to the next (with -s/-i each file is a stream of its own). */
export class SedState {
  lineNo = 0;
  lastRegex: Regex | null = null;
  readonly ranges = new Map<number, 'active' | 'closed'>();
  readonly rangeEnds = new Map<number, number>();

  constructor(
    readonly program: readonly Command[],
    readonly quiet: boolean,
  ) {}

  reset(): void {
    this.lineNo = 0;
    this.ranges.clear();
    this.rangeEnds.clear();
  }
}

class NoRegex extends Error {}

/** Run the program over every line of `input`, writing to `out`. */
export function runSed(st: SedState, input: LineSource, out: Sink): Outcome {
  try {
    for (let line = input.next(); line; line = input.next()) {
      st.lineNo++;
      const r = cycle(st, line, input, out);
      if (r !== null) return { kind: 'quit', exit: r };
    }
    return { kind: 'end' };
  } catch (e) {
    if (e instanceof NoRegex) return { kind: 'error', message: 'no previous regular expression' };
    throw e;
  }
}

/** One line through the script; a number when a q/Q command ends everything. */
function cycle(st: SedState, line: Line, input: LineSource, out: Sink): number | null {
  let ps = line.text;
  const prog = st.program;
  for (let pc = 0; pc < prog.length;) {
    const cmd = prog[pc]!;
    if (matches(st, cmd, pc, ps, input) === cmd.bang) {
      pc = cmd.name === '{' ? cmd.end + 1 : pc + 1;
      continue;
    }
    pc++;
    switch (cmd.name) {
      case '{':
      case '}':
        break;
      case 'd':
        return null;
      case 'p':
        out.line(ps, line.nl);
        break;
      case '=':
        out.raw(`${st.lineNo}\n`);
        break;
      case 'q':
        if (!st.quiet) out.line(ps, line.nl);
        return cmd.exit;
      case 'Q':
        return cmd.exit;
      case 'y':
        ps = [...ps].map((c) => cmd.map.get(c) ?? c).join('');
        break;
      case 's': {
        const r = substitute(st, cmd, ps);
        ps = r.text;
        if (r.replaced && cmd.print) out.line(ps, line.nl);
        break;
      }
    }
  }
  if (!st.quiet) out.line(ps, line.nl);
  return null;
}

function regexOf(st: SedState, re: Regex | null): Regex {
  const r = re ?? st.lastRegex;
  if (!r) throw new NoRegex();
  st.lastRegex = r;
  return r;
}

function test(st: SedState, re: Regex | null, text: string): boolean {
  const r = regexOf(st, re).re;
  r.lastIndex = 0;
  return r.test(text);
}

function matchOne(st: SedState, a: Addr, idx: number, ps: string, input: LineSource): boolean {
  switch (a.kind) {
    case 'line':
      return st.lineNo === a.n;
    case 'step':
      return st.lineNo >= a.first && (st.lineNo - a.first) % a.step === 0;
    case 'last':
      return input.atEnd();
    case 'regex':
      return test(st, a.re, ps);
    case 'plus':
    case 'mult':
      return (st.rangeEnds.get(idx) ?? 0) <= st.lineNo;
  }
}

/** execute.c match_address_p, ranges included. */
function matches(st: SedState, cmd: Command, idx: number, ps: string, input: LineSource): boolean {
  const { a1, a2 } = cmd;
  if (!a1) return true;
  const n = st.lineNo;
  if (st.ranges.get(idx) !== 'active') {
    if (!a2) return matchOne(st, a1, idx, ps, input);
    if (a1.kind === 'line') {
      if (st.ranges.get(idx) === 'closed' || n < a1.n) return false;
    } else if (!matchOne(st, a1, idx, ps, input)) return false;
    st.ranges.set(idx, 'active');
    if (a2.kind === 'regex') return true;
    if (a2.kind === 'line') {
      if (n >= a2.n) st.ranges.set(idx, 'closed');
      return n <= a2.n || matchOne(st, a1, idx, ps, input);
    }
    if ((a2.kind === 'plus' || a2.kind === 'mult') && a2.n > 0) {
      st.rangeEnds.set(idx, a2.kind === 'plus' ? n + a2.n : n + a2.n - (n % a2.n));
      return true;
    }
    if (a2.kind === 'plus' || a2.kind === 'mult') {
      // +0 / ~0: the range ends on the line that starts it.
      st.ranges.set(idx, 'closed');
      return true;
    }
  }
  if (a2!.kind === 'line') {
    if (n >= a2!.n) st.ranges.set(idx, 'closed');
    return n <= a2!.n;
  }
  if (matchOne(st, a2!, idx, ps, input)) st.ranges.set(idx, 'closed');
  return true;
}

/** execute.c do_subst. */
function substitute(
  st: SedState,
  cmd: Extract<Command, { name: 's' }>,
  text: string,
): { text: string; replaced: boolean } {
  const re = regexOf(st, cmd.re).re;
  const at = (from: number): RegExpExecArray | null => {
    re.lastIndex = from;
    return re.exec(text);
  };
  let m = at(0);
  if (!m) return { text, replaced: false };
  let start = 0;
  let lastEnd = 0;
  let count = 0;
  let again = true;
  let replaced = false;
  let out = '';
  do {
    const offset = m.index;
    let matched = m[0].length;
    if (start < offset) {
      out += text.slice(start, offset);
      start = offset;
    }
    if ((matched > 0 || count === 0 || offset > lastEnd) && ++count >= cmd.nth) {
      replaced = true;
      out += expand(cmd.pieces, m);
      again = cmd.global;
    } else {
      if (matched === 0) {
        if (start < text.length) matched = 1;
        else break;
      }
      out += text.slice(offset, offset + matched);
    }
    start = offset + matched;
    lastEnd = offset + m[0].length;
  } while (again && start <= text.length && (m = at(start)) !== null);
  if (start < text.length) out += text.slice(start);
  return { text: out, replaced };
}

/** The replacement with & and \N filled in and \L \U \E \l \u applied. */
function expand(pieces: readonly Piece[], m: RegExpExecArray): string {
  let res = '';
  let mode: 'L' | 'U' | 'E' = 'E';
  let once: 'l' | 'u' | null = null;
  const add = (t: string): void => {
    if (t === '') return;
    if (mode === 'L') t = t.toLowerCase();
    else if (mode === 'U') t = t.toUpperCase();
    if (once) {
      t = (once === 'u' ? t[0]!.toUpperCase() : t[0]!.toLowerCase()) + t.slice(1);
      once = null;
    }
    res += t;
  };
  for (const p of pieces) {
    if ('lit' in p) add(p.lit);
    else if ('ref' in p) add(m[p.ref] ?? '');
    else if (p.fold === 'l' || p.fold === 'u') once = p.fold;
    else {
      mode = p.fold;
      once = null;
    }
  }
  return res;
}
