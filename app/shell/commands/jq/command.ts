// jq 1.6 as Debian ships it: `docker inspect … | jq '.[].GraphDriver'` in the blog. Plain text only:
// the terminal here shows no colours, so -C is accepted and ignored.

import type { CommandContext, ShellCommand } from '../../types.ts';
import { strerr } from '../common.ts';
import { Inputs } from '../read-input.ts';
import type { CompileError } from './ast.ts';
import { builtins } from './builtins/index.ts';
import { checkProgram } from './check.ts';
import type { JqOptions } from './cli-args.ts';
import { HELP_OPTIONS, parseJqArgs, USAGE_TEXT } from './cli-args.ts';
import { evaluate } from './evaluate.ts';
import type { DumpOptions } from './json-dump.ts';
import { compact, dump } from './json-dump.ts';
import { parseJsonStream } from './json-parse.ts';
import { locate, parseJq } from './parser.ts';
import type { Env, EvalCtx } from './runtime.ts';
import { Budget, JqError, JqHalt } from './runtime.ts';
import type { JqValue } from './value.ts';

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
