import type { CommandContext, ParseResult } from '../../types.ts';
import type { DockerHost } from '../../docker-host.ts';

/** One `docker SUBCOMMAND`: parsed apart from running, like every command of the shell. */
export interface DockerSubcommand<Opts = unknown> {
  readonly name: string;
  /** Other spellings: `container ls` for `ps`, `container rm` for `rm` … */
  readonly aliases?: readonly string[];
  /** "docker diff CONTAINER" */
  readonly usage: string;
  /** One sentence, as `docker --help` lists it. */
  readonly about: string;
  parse(args: readonly string[]): ParseResult<Opts>;
  run(opts: Opts, ctx: CommandContext, docker: DockerHost): number;
}

/** `Error response from daemon: …` on stderr, exit 1: how every daemon-side failure reads. */
export function daemonError(ctx: CommandContext, message: string, prefix = ''): number {
  ctx.stderr(`${prefix}Error response from daemon: ${message}\n`);
  return 1;
}
