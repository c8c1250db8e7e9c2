import type { ContainerId } from '../ids.ts';
import { normalize } from '../path.ts';
import { resolvePath } from '../namespace.ts';
import { containerNamespace, removeContainer, updateContainer } from './containers.ts';
import type { Container, World } from './world.ts';

// Container state changes: start, exit, stop, remove — and the program check runc makes at start.

export function startContainer(world: World, id: ContainerId, now: number): World {
  const c = world.containers.get(id)!;
  return updateContainer(world, { ...c, state: 'running', startedAt: now, finishedAt: null, exitCode: 0 });
}

export function exitContainer(world: World, id: ContainerId, now: number, exitCode: number): World {
  const c = world.containers.get(id);
  if (!c) return world;
  if (c.autoRemove) return removeContainer(world, id);
  return updateContainer(world, { ...c, state: 'exited', finishedAt: now, exitCode });
}

/** The exit code a stop gives: `sleep` as PID 1 ignores SIGTERM and is killed after 10 s (137). */
export const stopExitCode = (c: Container): number => (/(^|\/)sleep$/.test(c.command[0] ?? '') ? 137 : 0);

const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * Find a program as runc does before it starts a process: a name with '/' is used as is, otherwise
 * searched in PATH; it must exist (following symlinks) and not be a directory. Returns the path, or
 * the text runc puts after `exec: "NAME": `.
 */
export function findProgram(world: World, c: Container, name: string): { path: string } | { error: string } {
  const ns = containerNamespace(world, c);
  const isFile = (p: string): 'ok' | 'missing' | 'dir' => {
    const info = resolvePath(ns, normalize(p), true);
    if (typeof info === 'string' || !info.found) return 'missing';
    return info.found.node.kind === 'dir' ? 'dir' : 'ok';
  };
  if (name.includes('/')) {
    const st = isFile(normalize(name, c.workingDir));
    if (st === 'ok') return { path: name };
    if (st === 'dir') return { error: 'permission denied' };
    return { error: `stat ${name}: no such file or directory` };
  }
  for (const dir of PATH_DIRS) if (isFile(`${dir}/${name}`) === 'ok') return { path: `${dir}/${name}` };
  return { error: 'executable file not found in $PATH' };
}
