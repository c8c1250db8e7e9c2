import type { ParseResult } from '../../types.ts';

/**
 * The docker CLI's flag parsing (spf13/pflag): `-d`, `-it` clusters, `--name web`, `--name=web`,
 * repeatable flags (-e, -v), and for `run`/`exec` flags stop at the first positional (the image or
 * container), so `docker run img ls -l` keeps `-l` for ls.
 */
export interface FlagSpec {
  readonly bool: Readonly<Record<string, string>>; // '--detach' | '-d' → canonical name
  readonly string?: Readonly<Record<string, string>>;
  /** Flags that may be given many times (their values accumulate). */
  readonly repeat?: readonly string[];
  readonly interspersed: boolean;
}

export interface DockerArgs {
  readonly bools: ReadonlySet<string>;
  readonly strings: ReadonlyMap<string, readonly string[]>;
  readonly positionals: readonly string[];
}

/** A flag error: the message, the usage line, and the help hint; exit 125 (docker CLI 28). */
export const dockerUsageError = (cmd: string, message: string, usage: string): ParseResult<never> => ({
  ok: false,
  message: `${message}\n\nUsage:  ${usage}\n\nRun 'docker ${cmd} --help' for more information\n`,
  exitCode: 125,
});

export function parseDockerFlags(
  cmd: string,
  usage: string,
  args: readonly string[],
  spec: FlagSpec,
): ParseResult<DockerArgs> {
  const bools = new Set<string>();
  const strings = new Map<string, string[]>();
  const positionals: string[] = [];
  const setString = (name: string, v: string): void => {
    const repeat = spec.repeat?.includes(name) ?? false;
    strings.set(name, repeat ? [...(strings.get(name) ?? []), v] : [v]);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq < 0 ? a : a.slice(0, eq);
      const b = spec.bool[key];
      const s = spec.string?.[key];
      if (b) {
        if (eq >= 0 && !/^(true|false)$/.test(a.slice(eq + 1)))
          return dockerUsageError(
            cmd,
            `invalid argument "${a.slice(eq + 1)}" for "${key}" flag: strconv.ParseBool: parsing "${a.slice(eq + 1)}": invalid syntax`,
            usage,
          );
        if (eq < 0 || a.slice(eq + 1) === 'true') bools.add(b);
      } else if (s) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return dockerUsageError(cmd, `flag needs an argument: ${key}`, usage);
        setString(s, v);
      } else return dockerUsageError(cmd, `unknown flag: ${key}`, usage);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = `-${a[j]!}`;
        const b = spec.bool[ch];
        const s = spec.string?.[ch];
        if (b) bools.add(b);
        else if (s) {
          const rest = a.slice(j + 1).replace(/^=/, '');
          const v = rest !== '' ? rest : args[++i];
          if (v === undefined)
            return dockerUsageError(cmd, `flag needs an argument: '${a[j]!}' in ${ch}`, usage);
          setString(s, v);
          break;
        } else return dockerUsageError(cmd, `unknown shorthand flag: '${a[j]!}' in ${a}`, usage);
      }
      continue;
    }
    positionals.push(a);
    if (!spec.interspersed) {
      positionals.push(...args.slice(i + 1));
      break;
    }
  }
  return { ok: true, opts: { bools, strings, positionals } };
}

/** `docker: 'docker diff' requires 1 argument` and the usage block, exit 1, as CLI 28 prints it. */
export function argCountError(
  cmd: string,
  rule: string,
  usage: string,
  hint: 'Run' | 'See' = 'Run',
): ParseResult<never> {
  return {
    ok: false,
    message: `docker: 'docker ${cmd}' ${rule}\n\nUsage:  ${usage}\n\n${hint} 'docker ${cmd} --help' for more information\n`,
    exitCode: 1,
  };
}
