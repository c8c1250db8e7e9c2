import type { Errno } from '../../engine/errors.ts';
import { strerror } from '../../engine/errors.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { normalize } from '../../engine/path.ts';
import type { CommandContext, ParseResult } from '../types.ts';

// Shared pieces of the coreutils-like commands: GNU-style option parsing and GNU-style messages.

export interface OptSpec {
  /** Short flags without arguments, e.g. 'alRd'. */
  readonly flags?: string;
  /** Short options that take an argument, e.g. 's' for `truncate -s 10`. */
  readonly withArg?: string;
  /** Long options: name → the short letter it stands for (or itself when it has no short form). */
  readonly long?: Readonly<Record<string, string>>;
  /** Long options that take an argument (`--size=10` or `--size 10`). */
  readonly longWithArg?: readonly string[];
  /** Exit code for usage errors (ls uses 2, most coreutils 1). */
  readonly usageExit?: number;
}

export interface Parsed {
  /** Flags seen (short letters, or long names without a short form). */
  readonly flags: ReadonlySet<string>;
  /** Options with arguments; the last occurrence wins. */
  readonly values: ReadonlyMap<string, string>;
  readonly operands: readonly string[];
}

const tryHelp = (cmd: string): string => `Try '${cmd} --help' for more information.\n`;

/** getopt_long as GNU tools use it: clustered short flags, `--`, `--long[=value]`, operands anywhere. */
export function parseArgs(cmd: string, args: readonly string[], spec: OptSpec): ParseResult<Parsed> {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  const usage = spec.usageExit ?? 1;
  const bad = (message: string): ParseResult<Parsed> => ({
    ok: false,
    message: message + tryHelp(cmd),
    exitCode: usage,
  });
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(spec.long ?? {}).filter((l) => l === name || l.startsWith(name));
      const exact = matches.includes(name) ? name : matches.length === 1 ? matches[0] : undefined;
      if (exact === undefined) {
        if (matches.length > 1) return bad(`${cmd}: option '${a}' is ambiguous\n`);
        return bad(`${cmd}: unrecognized option '${a}'\n`);
      }
      const key = spec.long![exact]!;
      if (spec.longWithArg?.includes(exact)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return bad(`${cmd}: option '--${exact}' requires an argument\n`);
        values.set(key, v);
      } else {
        if (eq >= 0) return bad(`${cmd}: option '--${exact}' doesn't allow an argument\n`);
        flags.add(key);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        if (spec.withArg?.includes(ch)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return bad(`${cmd}: option requires an argument -- '${ch}'\n`);
          values.set(ch, v);
          break;
        }
        if (!spec.flags?.includes(ch)) return bad(`${cmd}: invalid option -- '${ch}'\n`);
        flags.add(ch);
      }
      continue;
    }
    operands.push(a);
  }
  return { ok: true, opts: { flags, values, operands } };
}

/** `cmd: missing operand` + the help hint, as coreutils prints it. */
export const missingOperand = (cmd: string, after?: string): string =>
  after === undefined
    ? `${cmd}: missing operand\n${tryHelp(cmd)}`
    : `${cmd}: missing destination file operand after ${quote(after)}\n${tryHelp(cmd)}`;

/**
 * GNU's shell-escape quoting of a file name in messages: 'single quotes' always (as in
 * "cannot remove '/x'"), with a name holding a single quote shown in double quotes.
 */
export function quote(name: string): string {
  if (name.includes("'")) return `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
  return `'${name}'`;
}

/** Quote only when the name needs it (as in "cat: /x: No such file…" vs "cat: 'a b': …"). */
export function quoteIfNeeded(name: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(name) ? name : quote(name);
}

export const strerr = (e: Errno): string => strerror[e];

/** An absolute path for an operand, relative to the command's cwd. */
export const absPath = (ctx: CommandContext, operand: string): AbsPath => normalize(operand, ctx.cwd);

/** Print `cmd: message` to stderr. */
export const complain = (ctx: CommandContext, cmd: string, message: string): void =>
  ctx.stderr(`${cmd}: ${message}\n`);
