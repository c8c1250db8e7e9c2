/** Can this machine run the suite? Each check gives a reason a person can act on, never a silent skip. */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DOCKER } from './dockerd.ts';
import { exec } from './exec.ts';
import { BUSYBOX } from './bin.ts';

export const INSTALL_HINT = 'apt-get install -y docker.io busybox-static attr umoci';

/** The first reason the suite cannot run here, or undefined when it can. */
export async function preflight(): Promise<string | undefined> {
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root: it mounts overlayfs and runs its own dockerd';
  for (const [program, why] of [
    ['dockerd', 'the reference Docker daemon'],
    ['getfattr', 'reading trusted.overlay.opaque'],
    ['bash', 'running the host command lines'],
  ] as const) {
    if (onPath(program) === undefined) return `${program} not found (${why}); install it: ${INSTALL_HINT}`;
  }
  if (!existsSync(DOCKER) && onPath('docker') === undefined)
    return `docker client not found; install it: ${INSTALL_HINT}`;
  if (!existsSync(BUSYBOX)) return `${BUSYBOX} not found; install it: ${INSTALL_HINT}`;
  if (!isStaticElf(readFileSync(BUSYBOX)))
    return `${BUSYBOX} is not statically linked; install busybox-static: ${INSTALL_HINT}`;
  const gnu = await exec('mv', ['--version']);
  if (!gnu.stdout.includes('GNU coreutils')) return 'the host commands must be GNU coreutils (mv --version)';
  return overlayMountProblem();
}

function onPath(program: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this dir
    }
  }
  return undefined;
}

/** An ELF that asks for no program interpreter (no PT_INTERP header) runs without a libc in the image. */
export function isStaticElf(bytes: Buffer): boolean {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46 || bytes[4] !== 2) return false;
  const phoff = Number(bytes.readBigUInt64LE(0x20));
  const phentsize = bytes.readUInt16LE(0x36);
  const phnum = bytes.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) {
    const offset = phoff + i * phentsize;
    if (offset + 4 > bytes.length || bytes.readUInt32LE(offset) === 3) return false;
  }
  return true;
}

/** Mounts a throwaway overlay, writes through it and unmounts it again. */
async function overlayMountProblem(): Promise<string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-overlay-check-'));
  const lower = join(dir, 'l');
  const upper = join(dir, 'u');
  const work = join(dir, 'w');
  const merged = join(dir, 'm');
  for (const path of [lower, upper, work, merged]) mkdirSync(path);
  writeFileSync(join(lower, 'f'), 'x');
  try {
    const options = `lowerdir=${lower},upperdir=${upper},workdir=${work}`;
    const mount = await exec('mount', ['-t', 'overlay', 'overlay', '-o', options, merged]);
    if (mount.code !== 0) return `cannot mount overlayfs: ${mount.stderr.trim()}`;
    writeFileSync(join(merged, 'f'), 'y');
    if (readFileSync(join(upper, 'f'), 'utf8') !== 'y') return 'overlayfs did not copy up a written file';
    return undefined;
  } finally {
    await exec('umount', [merged]);
    if ((await exec('mountpoint', ['-q', merged])).code !== 0) rmSync(dir, { recursive: true, force: true });
  }
}
