import type { ShellCommand } from '../types.ts';
import { parseArgs } from './common.ts';
import type { GrepOptions } from './read-grepsearch.ts';
import { runGrep } from './read-grepsearch.ts';

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';
const TRY = "Try 'grep --help' for more information.\n";

/** Short options taking an argument, and the long names of all options. */
const WITH_ARG = 'efm';
const LONG: Readonly<Record<string, string>> = {
  'extended-regexp': 'E',
  'fixed-strings': 'F',
  'basic-regexp': 'G',
  'ignore-case': 'i',
  'no-ignore-case': 'no-ignore-case',
  'invert-match': 'v',
  'word-regexp': 'w',
  'line-regexp': 'x',
  count: 'c',
  'files-with-matches': 'l',
  'files-without-match': 'L',
  'line-number': 'n',
  'only-matching': 'o',
  quiet: 'q',
  silent: 'q',
  'no-messages': 's',
  recursive: 'r',
  'dereference-recursive': 'R',
  'with-filename': 'H',
  'no-filename': 'h',
  text: 'a',
  regexp: 'e',
  file: 'f',
  'max-count': 'm',
};

/**
 * Every -e and -f value in order (common.ts's parser keeps only the last value of an option, and
 * grep takes them all), walking the arguments with getopt's rules.
 */
function allValues(args: readonly string[]): { e: string[]; f: string[] } {
  const out = { e: [] as string[], f: [] as string[] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const long = /^--(regexp|file)(?:=(.*))?$/s.exec(a);
    if (long) {
      const v = long[2] ?? args[++i];
      if (v !== undefined) out[long[1] === 'regexp' ? 'e' : 'f'].push(v);
      continue;
    }
    if (a.startsWith('--') && /^--(max-count)$/.test(a)) i++;
    if (a.startsWith('--') || !a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const ch = a[j]!;
      if (!WITH_ARG.includes(ch)) continue;
      const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
      if (v !== undefined && (ch === 'e' || ch === 'f')) out[ch].push(v);
      break;
    }
  }
  return out;
}

export const grep: ShellCommand<GrepOptions> = {
  name: 'grep',
  usage: USAGE,
  where: ['container', 'host'],
  parse(args) {
    // --color only paints on a terminal that asks for it; the simulator's output has no colours.
    const list = args.filter((a) => !/^--colou?r(=.*)?$/.test(a));
    const p = parseArgs('grep', list, {
      flags: 'EFGivwxclLnoqsrRHhay',
      withArg: WITH_ARG,
      long: LONG,
      longWithArg: ['regexp', 'file', 'max-count'],
      usageExit: 2,
    });
    if (!p.ok)
      return {
        ok: false,
        message: p.message.replace(/Try 'grep --help'.*\n$/, `${USAGE}\n${TRY}`),
        exitCode: 2,
      };
    const { flags, values } = p.opts;
    const operands = [...p.opts.operands];
    const given = allValues(list);
    let patterns: string[] | undefined;
    if (given.e.length > 0 || given.f.length > 0) patterns = given.e.flatMap((e) => e.split('\n'));
    else {
      const first = operands.shift();
      if (first === undefined) return { ok: false, message: `${USAGE}\n${TRY}`, exitCode: 2 };
      patterns = first.split('\n');
    }
    const max = values.get('m');
    if (max !== undefined && !/^-?\d+$/.test(max))
      return { ok: false, message: `grep: invalid max count\n`, exitCode: 2 };
    const has = (f: string): boolean => flags.has(f);
    return {
      ok: true,
      opts: {
        patterns,
        patternFiles: given.f,
        syntax: has('F') ? 'fixed' : has('E') ? 'extended' : 'basic',
        icase: (has('i') || has('y')) && !has('no-ignore-case'),
        invert: has('v'),
        word: has('w'),
        line: has('x'),
        output: has('q')
          ? 'quiet'
          : has('l')
            ? 'files'
            : has('L')
              ? 'files-without'
              : has('c')
                ? 'count'
                : has('o')
                  ? 'only'
                  : 'lines',
        lineNumbers: has('n'),
        recursive: has('R') ? 'follow' : has('r') ? 'physical' : 'none',
        filenames: has('H') ? 'always' : has('h') ? 'never' : 'auto',
        noMessages: has('s'),
        text: has('a'),
        maxCount: max === undefined || Number(max) < 0 ? Infinity : Number(max),
        operands,
      },
    };
  },
  run: (o, ctx) => runGrep(o, ctx),
};
