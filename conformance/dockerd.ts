/**
 * A private dockerd (REFERENCE-SYSTEMS.md): its own data root, exec root, socket and pid file under
 * one temp dir, no networking. Stopping is synchronous so it can also run from a signal handler.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from './exec.ts';

export const DOCKER = existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : 'docker';

export interface Dockerd {
  readonly dir: string;
  /** Environment for the docker client: DOCKER_HOST points at the private socket. */
  readonly env: NodeJS.ProcessEnv;
  readonly pidFile: string;
  readonly log: string;
  /** The pid we spawned, in case dockerd died before writing its pid file. */
  readonly spawnedPid: number;
}

export async function startDockerd(dir: string, timeoutMs = 60_000): Promise<Dockerd> {
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'dockerd.log');
  const pidFile = join(dir, 'dockerd.pid');
  const socket = join(dir, 'docker.sock');
  const logFd = openSync(log, 'a');
  const child = spawn(
    'dockerd',
    [
      `--data-root=${join(dir, 'root')}`,
      `--exec-root=${join(dir, 'exec')}`,
      `--host=unix://${socket}`,
      `--pidfile=${pidFile}`,
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      '--storage-driver=overlay2',
    ],
    { detached: true, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  let exited = false;
  child.on('exit', () => (exited = true));
  child.on('error', () => (exited = true));
  child.unref();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DOCKER_HOST: `unix://${socket}`,
    DOCKER_CLI_HINTS: 'false',
  };
  delete env['DOCKER_CONTEXT'];
  const dockerd: Dockerd = { dir, env, pidFile, log, spawnedPid: child.pid ?? -1 };

  try {
    await waitForDaemon(dockerd, timeoutMs, () => exited);
    return dockerd;
  } catch (error) {
    stopDockerd(dockerd);
    throw error;
  }
}

async function waitForDaemon(dockerd: Dockerd, timeoutMs: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await exec(DOCKER, ['info', '--format', '{{.Driver}}'], { env: dockerd.env });
    const driver = info.stdout.trim();
    if (info.code === 0 && driver === 'overlay2') return;
    if (info.code === 0) throw new Error(`dockerd runs with storage driver "${driver}", not overlay2`);
    if (exited() || Date.now() > deadline) {
      const tail = readFileSync(dockerd.log, 'utf8').trim().split('\n').slice(-15).join('\n');
      throw new Error(
        `dockerd did not come up (${exited() ? 'it exited' : 'timeout'}); its last log lines:\n${tail}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** rm -f every container, stop dockerd by its pid file, undo any mount left under dir, delete dir. */
export function stopDockerd(dockerd: Dockerd): string[] {
  const problems: string[] = [];
  try {
    const ids = execFileSync(DOCKER, ['ps', '-aq'], { env: dockerd.env, encoding: 'utf8', timeout: 30_000 })
      .split('\n')
      .filter((id) => id.length > 0);
    if (ids.length > 0)
      execFileSync(DOCKER, ['rm', '-f', ...ids], { env: dockerd.env, stdio: 'ignore', timeout: 120_000 });
  } catch (error) {
    problems.push(`removing containers: ${String(error)}`);
  }
  const pid = existsSync(dockerd.pidFile)
    ? Number(readFileSync(dockerd.pidFile, 'utf8').trim())
    : dockerd.spawnedPid;
  if (pid > 0 && !stopPid(pid)) problems.push(`dockerd (pid ${pid}) did not exit`);
  for (const mountPoint of mountsUnder(dockerd.dir)) {
    try {
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    } catch {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
    }
  }
  const left = mountsUnder(dockerd.dir);
  if (left.length > 0) problems.push(`mounts left under ${dockerd.dir}: ${left.join(' ')}`);
  else rmSync(dockerd.dir, { recursive: true, force: true });
  return problems;
}

function stopPid(pid: number): boolean {
  for (const [signal, waitMs] of [
    ['SIGTERM', 30_000],
    ['SIGKILL', 10_000],
  ] as const) {
    if (!alive(pid)) return true;
    try {
      process.kill(pid, signal);
    } catch {
      return !alive(pid);
    }
    const deadline = Date.now() + waitMs;
    while (alive(pid) && Date.now() < deadline) sleepSync(100);
  }
  return !alive(pid);
}

/** A zombie counts as gone: while this process waits synchronously, nothing reaps its child. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Mount points at or below dir, deepest first (field 5 of /proc/self/mountinfo, octal-escaped). */
export function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    .map((field) =>
      field.replace(/\\([0-7]{3})/g, (_, code: string) => String.fromCharCode(parseInt(code, 8))),
    )
    .filter((mountPoint) => mountPoint === dir || mountPoint.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
}
