import { addImage } from '../../engine/docker/images.ts';
import { createContainer, findContainer } from '../../engine/docker/containers.ts';
import { emptyWorld } from '../../engine/docker/world.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { layerId } from '../../engine/ids.ts';
import { emptyLayer } from '../../engine/layer.ts';
import type { LineResult, OutputChunk, Session, ShellFrame } from '../../shell/session-api.ts';
import type { ShellApi } from '../shell-api.ts';

const host: ShellFrame = {
  where: 'host',
  shellName: 'bash',
  cwd: '/root' as AbsPath,
  env: new Map(),
  lastStatus: 0,
  onExit: 'none',
  history: [],
};

/**
 * A tiny stand-in for the shell, for testing the store's own behaviour apart from the real commands:
 *   create NAME   a container from the one image     enter NAME   open a shell in it     exit
 *   print N       N characters of stdout             mixed        stdout, stdout, stderr
 *   throw         a shell bug                        anything else: command not found (127)
 */
export function scriptedShell(): ShellApi {
  const [world] = addImage(emptyWorld(), {
    ref: 'demo',
    layers: [[{ path: '/bin/sh', type: 'file', mode: '0755', content: '#!/bin/busybox\n' }]],
  });
  const ok = (session: Session, output: OutputChunk[] = []): LineResult => ({
    session,
    output,
    exitCode: 0,
    events: [],
  });
  return {
    createSession: () => ({ world, host: emptyLayer(layerId('host'), 0), frames: [host] }),
    promptOf: (s) => {
      const top = s.frames[s.frames.length - 1];
      return top?.where === 'container' ? `root@${top.containerId?.slice(0, 12)}:/# ` : '$ ';
    },
    runLine(s, line) {
      const [cmd = '', arg = ''] = line.trim().split(/\s+/);
      switch (cmd) {
        case '':
          return ok(s);
        case 'create': {
          const image = [...s.world.images.values()][0]!;
          const [w] = createContainer(s.world, {
            image,
            imageRef: 'demo',
            name: arg,
            command: ['sh'],
            autoRemove: false,
          });
          return ok({ ...s, world: w });
        }
        case 'enter': {
          const c = findContainer(s.world, arg)!;
          const frame: ShellFrame = { ...host, where: 'container', containerId: c.id, shellName: 'sh' };
          return ok({ ...s, frames: [...s.frames, frame] });
        }
        case 'exit':
          return ok({ ...s, frames: s.frames.slice(0, Math.max(1, s.frames.length - 1)) });
        case 'print':
          return ok(s, [{ stream: 'stdout', text: 'x'.repeat(Number(arg)) }]);
        case 'mixed':
          return ok(s, [
            { stream: 'stdout', text: 'a' },
            { stream: 'stdout', text: 'b' },
            { stream: 'stderr', text: 'c\n' },
          ]);
        case 'throw':
          throw new Error('boom');
        default:
          return {
            session: s,
            output: [{ stream: 'stderr', text: `bash: ${cmd}: command not found\n` }],
            exitCode: 127,
            events: [],
          };
      }
    },
  };
}
