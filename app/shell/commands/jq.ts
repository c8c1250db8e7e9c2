import type { CommandContext, ParseResult, ShellCommand } from '../types.ts';
import { strerr } from './common.ts';
import { builtins, JqHalt } from './jq-builtins.ts';
import type { Env, EvalCtx } from './jq-eval.ts';
import { Budget, evaluate, JqError } from './jq-eval.ts';
import type { DumpOptions, JqValue } from './jq-json.ts';
import { compact, dump, parseJsonStream, parseOne } from './jq-json.ts';
import type { Ast, CompileError, Pattern } from './jq-parse.ts';
import { locate, parseJq } from './jq-parse.ts';
import { Inputs } from './read-input.ts';

// jq 1.6 as Debian ships it: `docker inspect … | jq '.[].GraphDriver'` in the blog. Plain text only:
// the terminal here shows no colours, so -C is accepted and ignored.

export interface JqOptions {
  readonly filter: string | null;
  readonly files: readonly string[];
  readonly raw: boolean;
  readonly join: boolean;
  readonly ascii: boolean;
  readonly sortKeys: boolean;
  readonly nullInput: boolean;
  readonly slurp: boolean;
  readonly rawInput: boolean;
  readonly exitStatus: boolean;
  /** null: compact output (-c or --indent 0). */
  readonly indent: string | null;
  readonly vars: readonly (readonly [string, JqValue])[];
}

const HINT =
  'Use jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n';

const USAGE_TEXT =
  'jq - commandline JSON processor [version 1.6]\n\nUsage:\tjq [options] <jq filter> [file...]\n\tjq [options] --args <jq filter> [strings...]\n\tjq [options] --jsonargs <jq filter> [JSON_TEXTS...]\n\n' +
  "jq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter's results as JSON on\nstandard output.\n\n" +
  "The simplest filter is ., which copies jq's input to its output\nunmodified (except for formatting, but note that IEEE754 is used\nfor number representation internally, with all that that implies).\n\n" +
  'For more advanced filters see the jq(1) manpage ("man jq")\nand/or https://stedolan.github.io/jq\n\nExample:\n\n\t$ echo \'{"foo": 0}\' | jq .\n\t{\n\t\t"foo": 0\n\t}\n\n';

const HELP_OPTIONS =
  "Some of the options include:\n  -c               compact instead of pretty-printed output;\n  -n               use `null` as the single input value;\n  -e               set the exit status code based on the output;\n  -s               read (slurp) all inputs into an array; apply filter to it;\n  -r               output raw strings, not JSON texts;\n  -a               output ASCII with escaped unicode characters;\n  -j               like -r, but without a newline after each output;\n  -S               sort keys of objects on output;\n  -C               colorize JSON;\n  -M               monochrome (don't colorize JSON);\n  --tab            use tabs for indentation;\n  --arg a v        set variable $a to value <v>;\n  --argjson a v    set variable $a to JSON value <v>;\n  --slurpfile a f  set variable $a to an array of JSON texts read from <f>;\n  --rawfile a f    set variable $a to a string consisting of the contents of <f>;\n  --args           remaining arguments are string arguments, not files;\n  --jsonargs       remaining arguments are JSON arguments, not files;\n  --               terminates argument processing;\n\nNamed arguments are also available as $ARGS.named[], while\npositional arguments are available as $ARGS.positional[].\n\nSee the manpage for more options.\n";

const usageError = (message: string): ParseResult<never> => ({
  ok: false,
  message: `jq: ${message}\n${HINT}`,
  exitCode: 2,
});

const SHORT: Readonly<Record<string, string>> = {
  r: 'raw',
  j: 'join',
  a: 'ascii',
  S: 'sort',
  n: 'null',
  s: 'slurp',
  R: 'rawInput',
  e: 'exit',
  c: 'compact',
  C: 'color',
  M: 'mono',
  h: 'help',
};
const LONG: Readonly<Record<string, string>> = {
  'raw-output': 'raw',
  'join-output': 'join',
  'ascii-output': 'ascii',
  'sort-keys': 'sort',
  'null-input': 'null',
  slurp: 'slurp',
  'raw-input': 'rawInput',
  'exit-status': 'exit',
  'compact-output': 'compact',
  'color-output': 'color',
  'monochrome-output': 'mono',
  tab: 'tab',
  help: 'help',
  unbuffered: 'unbuffered',
};

export function parseJqArgs(args: readonly string[]): ParseResult<JqOptions | { help: boolean }> {
  const flags = new Set<string>();
  const vars: [string, JqValue][] = [];
  const positional: string[] = [];
  let indent = 2;
  let noMore = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    // jq 1.6 reads `-` followed by a letter (or a second `-`) as options; `-1 + 2` is a program.
    if (noMore || !/^-[-a-zA-Z]/.test(a)) {
      positional.push(a);
      continue;
    }
    if (a === '--') {
      noMore = true;
      continue;
    }
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (name === 'arg' || name === 'argjson') {
        const k = args[i + 1];
        const v = args[i + 2];
        if (k === undefined || v === undefined)
          return usageError(
            `--${name} takes two parameters (e.g. --${name} varname ${name === 'arg' ? 'value' : 'text'})`,
          );
        if (name === 'arg') vars.push([`$${k}`, v]);
        else {
          const parsed = parseOne(v);
          if (!parsed.ok) return usageError('invalid JSON text passed to --argjson');
          vars.push([`$${k}`, parsed.value]);
        }
        i += 2;
        continue;
      }
      if (name === 'indent') {
        const v = args[++i];
        const n = v === undefined ? NaN : Number(v);
        if (!Number.isInteger(n) || n < -1 || n > 7)
          return usageError('--indent takes a number between -1 and 7');
        indent = n;
        continue;
      }
      const f = LONG[name];
      if (!f) return usageError(`Unknown option ${a}`);
      flags.add(f);
      continue;
    }
    for (const ch of a.slice(1)) {
      const f = SHORT[ch];
      if (!f) return usageError(`Unknown option ${a}`);
      flags.add(f);
    }
  }
  if (flags.has('help')) return { ok: true, opts: { help: true } };
  const [filter, ...files] = positional;
  const raw = flags.has('raw') || flags.has('join');
  return {
    ok: true,
    opts: {
      filter: filter ?? null,
      files,
      raw,
      join: flags.has('join'),
      ascii: flags.has('ascii'),
      sortKeys: flags.has('sort'),
      nullInput: flags.has('null'),
      slurp: flags.has('slurp'),
      rawInput: flags.has('rawInput'),
      exitStatus: flags.has('exit'),
      indent:
        flags.has('compact') || indent === 0
          ? null
          : flags.has('tab')
            ? '\t'
            : ' '.repeat(indent === -1 ? 2 : indent),
      vars,
    },
  };
}

// ---- compile-time checks: undefined functions and variables are errors before any input is read

type Scope = { readonly parent: Scope; readonly name: string } | null;
const inScope = (s: Scope, name: string): boolean => {
  for (let e = s; e; e = e.parent) if (e.name === name) return true;
  return false;
};

function checkProgram(ast: Ast, known: ReadonlySet<string>, vars: readonly string[]): CompileError[] {
  const errors: CompileError[] = [];
  let base: Scope = null;
  for (const v of [...vars, '$ENV', '$__prog_args']) base = { parent: base, name: v };
  const bindPattern = (p: Pattern, s: Scope, fs: Scope): Scope => {
    switch (p.k) {
      case 'var':
        return { parent: s, name: p.name };
      case 'array':
        return p.items.reduce((acc, it) => bindPattern(it, acc, fs), s);
      case 'object':
        return p.entries.reduce((acc: Scope, e) => {
          if (typeof e.key !== 'string') walk(e.key, acc, fs);
          const withBind: Scope = e.bind ? { parent: acc, name: e.bind } : acc;
          return e.value ? bindPattern(e.value, withBind, fs) : withBind;
        }, s);
    }
  };
  const walk = (a: Ast, vs: Scope, fs: Scope): void => {
    switch (a.k) {
      case 'identity':
      case 'recurse':
      case 'literal':
      case 'format':
      case 'loc':
        return;
      case 'index':
        walk(a.target, vs, fs);
        walk(a.index, vs, fs);
        return;
      case 'slice':
        walk(a.target, vs, fs);
        if (a.from) walk(a.from, vs, fs);
        if (a.to) walk(a.to, vs, fs);
        return;
      case 'iterate':
        walk(a.target, vs, fs);
        return;
      case 'string':
        for (const p of a.parts) if (typeof p !== 'string') walk(p, vs, fs);
        return;
      case 'array':
        if (a.body) walk(a.body, vs, fs);
        return;
      case 'object':
        for (const e of a.entries) {
          walk(e.key, vs, fs);
          walk(e.value, vs, fs);
        }
        return;
      case 'pipe':
      case 'comma':
      case 'and':
      case 'or':
      case 'alt':
      case 'binop':
      case 'assign':
        walk(a.left, vs, fs);
        walk(a.right, vs, fs);
        return;
      case 'neg':
        walk(a.body, vs, fs);
        return;
      case 'if':
        walk(a.cond, vs, fs);
        walk(a.then, vs, fs);
        walk(a.else, vs, fs);
        return;
      case 'try':
        walk(a.body, vs, fs);
        if (a.catch) walk(a.catch, vs, fs);
        return;
      case 'reduce':
      case 'foreach': {
        walk(a.source, vs, fs);
        walk(a.init, vs, fs);
        const inner = bindPattern(a.pattern, vs, fs);
        walk(a.update, inner, fs);
        if (a.k === 'foreach' && a.extract) walk(a.extract, inner, fs);
        return;
      }
      case 'as':
        walk(a.source, vs, fs);
        walk(a.body, bindPattern(a.pattern, vs, fs), fs);
        return;
      case 'label':
        walk(a.body, { parent: vs, name: `*label-${a.name}` }, fs);
        return;
      case 'break':
        if (!inScope(vs, `*label-${a.name}`))
          errors.push({ message: `$*label-${a.name} is not defined`, pos: a.pos });
        return;
      case 'var':
        if (!inScope(vs, a.name)) errors.push({ message: `${a.name} is not defined`, pos: a.pos });
        return;
      case 'call': {
        const key = `${a.name}/${a.args.length}`;
        if (!inScope(fs, key) && !known.has(key))
          errors.push({ message: `${key} is not defined`, pos: a.pos });
        for (const arg of a.args) walk(arg, vs, fs);
        return;
      }
      case 'def': {
        const self: Scope = { parent: fs, name: `${a.name}/${a.params.length}` };
        let bodyFs: Scope = self;
        let bodyVs: Scope = vs;
        for (const p of a.params) {
          bodyFs = { parent: bodyFs, name: `${p.replace(/^\$/, '')}/0` };
          if (p.startsWith('$')) bodyVs = { parent: bodyVs, name: p };
        }
        walk(a.body, bodyVs, bodyFs);
        walk(a.rest, vs, self);
        return;
      }
    }
  };
  walk(ast, base, null);
  return errors;
}

function compileErrorText(src: string, errors: readonly CompileError[]): string {
  let out = '';
  for (const e of errors) {
    const at = locate(src, e.pos);
    out += `jq: error: ${e.message} at <top-level>, line ${at.line}:\n${at.text}\n`;
  }
  return out + `jq: ${errors.length} compile ${errors.length === 1 ? 'error' : 'errors'}\n`;
}

// ---- running

interface Source {
  readonly name: string;
  readonly text: string;
}

const MAX_OUTPUT = 16 << 20;

function runJq(o: JqOptions, ctx: CommandContext): number {
  let program = o.filter;
  if (program === null) {
    // jq 1.6 runs `.` when its input or output is not a terminal.
    if (ctx.stdoutIsTty && ctx.stdin === '' && o.files.length === 0) {
      ctx.stderr(USAGE_TEXT + 'For a listing of options, use jq --help.\n');
      return 2;
    }
    program = '.';
  }
  const parsed = parseJq(program);
  const b = builtins();
  if (!parsed.ok) {
    ctx.stderr(compileErrorText(program, parsed.errors));
    return 3;
  }
  const checkErrors = checkProgram(
    parsed.ast,
    b.names,
    o.vars.map(([k]) => k),
  );
  if (checkErrors.length > 0) {
    ctx.stderr(compileErrorText(program, checkErrors));
    return 3;
  }
  let env: Env = b.env;
  for (const [k, v] of o.vars) env = { parent: env, kind: 'var', name: k, value: v };

  // Inputs: stdin, or each file in turn (a file that cannot be read is reported and skipped).
  const reader = new Inputs(ctx);
  let openFailed = false;
  const sources: Source[] = [];
  for (const f of o.files.length > 0 ? o.files : ['-']) {
    const r = reader.read(f);
    if (r.ok) sources.push({ name: f === '-' ? '<stdin>' : f, text: r.value });
    else {
      openFailed = true;
      if (r.errno !== 'EISDIR') ctx.stderr(`jq: error: Could not open file ${f}: ${strerr(r.errno)}\n`);
    }
  }

  let ret = 0;
  let lastOutput: JqValue | undefined;
  let outputs = 0;
  let written = 0;
  let location = '<unknown>';
  let parseFailed = false;
  const dumpOpts: DumpOptions = { indent: o.indent, sortKeys: o.sortKeys, ascii: o.ascii };

  function* values(): Generator<JqValue> {
    for (const src of sources) {
      if (o.rawInput) {
        const lines = src.text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        let n = 0;
        for (const line of lines) {
          location = `${src.name}:${++n}`;
          yield line;
        }
        continue;
      }
      for (const r of parseJsonStream(src.text)) {
        if (!r.ok) {
          ctx.stderr(`parse error: ${r.error}\n`);
          parseFailed = true;
          return;
        }
        location = `${src.name}:${r.line}`;
        yield r.value;
      }
    }
  }
  const stream = values();
  const nextInput = (): JqValue | undefined => {
    const r = stream.next();
    return r.done ? undefined : r.value;
  };
  const envObject = new Map<string, JqValue>([...ctx.env].map(([k, v]) => [k, v]));

  const runOne = (input: JqValue): boolean => {
    const ectx: EvalCtx = {
      natives: b.natives,
      budget: new Budget(),
      nextInput,
      env: envObject,
      stderr: ctx.stderr,
    };
    try {
      for (const v of evaluate(parsed.ast, input, env, ectx)) {
        outputs++;
        lastOutput = v;
        const text = o.raw && typeof v === 'string' ? v : dump(v, dumpOpts);
        const line = o.join ? text : `${text}\n`;
        written += line.length;
        if (written > MAX_OUTPUT) {
          ctx.stderr('jq: error: output too large for this terminal\n');
          ret = 5;
          return false;
        }
        ctx.stdout(line);
      }
    } catch (e) {
      if (e instanceof JqHalt) {
        if (e.value !== null) ctx.stderr(typeof e.value === 'string' ? e.value : `${compact(e.value)}\n`);
        ret = e.code;
        return false;
      }
      if (!(e instanceof JqError)) {
        // Deep recursion in a typed program: reported like jq's own errors, never thrown out.
        if (e instanceof RangeError) {
          ctx.stderr(`jq: error (at ${location}): program recursion too deep\n`);
          ret = 5;
          return true;
        }
        throw e;
      }
      // error(null) is a silent backtrack in jq 1.6.
      if (e.value === null) return true;
      // jq 1.6 reports an exhausted `input` as "break".
      const text = e.value === 'No more inputs' ? 'break' : e.value;
      const msg = typeof text === 'string' ? `: ${text}` : ` (not a string): ${compact(text)}`;
      ctx.stderr(`jq: error (at ${location})${msg}\n`);
      ret = 5;
    }
    return true;
  };

  if (o.nullInput) runOne(null);
  else if (o.slurp) {
    const all: JqValue[] = [];
    if (o.rawInput) all.push(sources.map((s) => s.text).join(''));
    else for (const v of values()) all.push(v);
    if (!parseFailed) runOne(o.rawInput ? (all[0] ?? '') : all);
  } else {
    for (;;) {
      const v = nextInput();
      if (v === undefined) break;
      if (!runOne(v)) break;
    }
  }
  if (parseFailed) ret = 4;
  if (openFailed) ret = 2;
  if (o.exitStatus && ret === 0) {
    if (outputs === 0) return 4;
    return lastOutput === null || lastOutput === false ? 1 : 0;
  }
  return ret;
}

export const jq: ShellCommand<JqOptions | { help: boolean }> = {
  name: 'jq',
  usage: 'Usage:\tjq [OPTIONS] FILTER [FILES...]',
  where: ['host'],
  parse: parseJqArgs,
  run(o, ctx) {
    if ('help' in o) {
      ctx.stdout(USAGE_TEXT + HELP_OPTIONS);
      return 0;
    }
    try {
      return runJq(o, ctx);
    } catch (e) {
      ctx.stderr(`jq: error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 5;
    }
  },
};
