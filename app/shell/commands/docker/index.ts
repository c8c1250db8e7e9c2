import type { CommandContext, ParseResult, ShellCommand } from '../../types.ts';
import { commit } from './commit.ts';
import { cp } from './cp.ts';
import { create, start } from './create-start.ts';
import { diff } from './diff.ts';
import { history, images, rmi, tag } from './images.ts';
import { info, systemDf } from './system.ts';
import { exec } from './exec.ts';
import { containerInspect, imageInspect, inspect } from './inspect.ts';
import { containerPrune, imagePrune, systemPrune } from './prune.ts';
import { load, save } from './load-save.ts';
import { ps } from './ps.ts';
import { pull } from './pull.ts';
import { run } from './run.ts';
import { rm, stop } from './stop-rm.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { volume } from './volume.ts';

/** Every `docker` subcommand the simulator knows; `container …` spellings map onto them. */
// Method parameters are bivariant, so each typed subcommand fits DockerSubcommand<unknown>.
export const SUBCOMMANDS: readonly DockerSubcommand<unknown>[] = [
  run,
  create,
  start,
  exec,
  ps,
  stop,
  rm,
  diff,
  cp,
  containerPrune,
  volume,
  commit,
  images,
  tag,
  rmi,
  history,
  info,
  systemDf,
  inspect,
  imageInspect,
  containerInspect,
  pull,
  load,
  save,
  imagePrune,
  systemPrune,
];

interface DockerInvocation {
  readonly sub: DockerSubcommand<unknown>;
  readonly opts: unknown;
}

/** Find the subcommand the words start with (`ps`, `container ls`, `system df` …), longest match first. */
function lookup(args: readonly string[]): [DockerSubcommand<unknown>, readonly string[]] | undefined {
  let best: [DockerSubcommand<unknown>, number] | undefined;
  for (const s of SUBCOMMANDS) {
    for (const spelling of [s.name, ...(s.aliases ?? [])]) {
      const words = spelling.split(' ');
      if (words.every((w, i) => args[i] === w) && (!best || words.length > best[1])) best = [s, words.length];
    }
  }
  return best && [best[0], args.slice(best[1])];
}

const HELP =
  'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n' +
  `${'' /* filled below */}`;

function help(): string {
  const lines = SUBCOMMANDS.map((s) => `  ${s.name.padEnd(11)} ${s.about}\n`);
  return `${HELP}${lines.join('')}\nRun 'docker COMMAND --help' for more information on a command.\n`;
}

export const docker: ShellCommand<DockerInvocation | { help: true }> = {
  name: 'docker',
  usage: 'Usage:  docker [OPTIONS] COMMAND',
  where: ['host'],
  parse(args): ParseResult<DockerInvocation | { help: true }> {
    if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help')
      return { ok: true, opts: { help: true } };
    const found = lookup(args);
    if (!found) {
      const shown = args[0]!.startsWith('-')
        ? `unknown flag: ${args[0]}`
        : `unknown command: docker ${args[0]}`;
      return {
        ok: false,
        message: `docker: ${shown}\n\nRun 'docker --help' for more information\n`,
        exitCode: 1,
      };
    }
    const [sub, rest] = found;
    if (rest.includes('--help'))
      return { ok: false, message: `\nUsage:  ${sub.usage}\n\n${sub.about}\n`, exitCode: 0 };
    const p = sub.parse(rest);
    return p.ok ? { ok: true, opts: { sub, opts: p.opts } } : p;
  },
  run(o, ctx: CommandContext): number {
    if ('help' in o) {
      ctx.stdout(help());
      return 0;
    }
    const host = ctx.services?.docker;
    if (!host) {
      ctx.stderr(
        'failed to connect to the docker API at unix:///var/run/docker.sock; check if the path is correct and if the daemon is running\n',
      );
      return 1;
    }
    return o.sub.run(o.opts, ctx, host);
  },
};
