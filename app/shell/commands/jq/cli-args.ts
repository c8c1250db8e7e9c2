// jq 1.6's command line: its options, usage text and usage errors, as Debian's jq prints them.

import type { ParseResult } from '../../types.ts';
import { parseOne } from './json-parse.ts';
import type { JqValue } from './value.ts';

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
export const USAGE_TEXT =
  'jq - commandline JSON processor [version 1.6]\n\nUsage:\tjq [options] <jq filter> [file...]\n\tjq [options] --args <jq filter> [strings...]\n\tjq [options] --jsonargs <jq filter> [JSON_TEXTS...]\n\n' +
  "jq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter's results as JSON on\nstandard output.\n\n" +
  "The simplest filter is ., which copies jq's input to its output\nunmodified (except for formatting, but note that IEEE754 is used\nfor number representation internally, with all that that implies).\n\n" +
  'For more advanced filters see the jq(1) manpage ("man jq")\nand/or https://stedolan.github.io/jq\n\nExample:\n\n\t$ echo \'{"foo": 0}\' | jq .\n\t{\n\t\t"foo": 0\n\t}\n\n';

export const HELP_OPTIONS =
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
