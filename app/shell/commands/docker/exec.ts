import { findContainer } from '../../../engine/docker/containers.ts';
import { findProgram } from '../../../engine/docker/lifecycle.ts';
import type { ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import { interactiveShell } from './programs.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

const USAGE = 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]';
const ABOUT = 'Execute a command in a running container';

export interface ExecOpts {
  readonly container: string;
  readonly argv: readonly string[];
  readonly interactive: boolean;
  readonly tty: boolean;
  readonly detach: boolean;
}

export const exec: DockerSubcommand<ExecOpts> = {
  name: 'exec',
  aliases: ['container exec'],
  usage: USAGE,
  about: ABOUT,
  parse(args): ParseResult<ExecOpts> {
    const p = parseDockerFlags('exec', USAGE, args, {
      bool: {
        '-i': 'i',
        '--interactive': 'i',
        '-t': 't',
        '--tty': 't',
        '-d': 'd',
        '--detach': 'd',
        '--privileged': 'privileged',
      },
      string: {
        '-e': 'env',
        '--env': 'env',
        '-w': 'workdir',
        '--workdir': 'workdir',
        '-u': 'user',
        '--user': 'user',
      },
      repeat: ['env'],
      interspersed: false,
    });
    if (!p.ok) return p;
    const [container, ...argv] = p.opts.positionals;
    if (container === undefined || argv.length === 0)
      return argCountError('exec', 'requires at least 2 arguments', USAGE, 'See');
    return {
      ok: true,
      opts: {
        container,
        argv,
        interactive: p.opts.bools.has('i'),
        tty: p.opts.bools.has('t'),
        detach: p.opts.bools.has('d'),
      },
    };
  },
  run(o, ctx, docker) {
    const world = docker.world();
    const c = findContainer(world, o.container);
    if (!c) return daemonError(ctx, `No such container: ${o.container}`);
    if (c.state !== 'running') return daemonError(ctx, `Container ${c.id} is not running`);
    const prog = findProgram(world, c, o.argv[0]!);
    if ('error' in prog) {
      ctx.stderr(
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${o.argv[0]}": ${prog.error}: unknown\n`,
      );
      return 126;
    }
    const shell = interactiveShell(o.argv);
    if (shell && o.interactive && o.tty && !o.detach) {
      docker.enterShell(c.id, shell, 'none');
      return 0;
    }
    return docker.runProgram(c.id, o.argv, {
      stdin: o.interactive ? ctx.stdin : '',
      stdout: ctx.stdout,
      stderr: ctx.stderr,
    });
  },
};
