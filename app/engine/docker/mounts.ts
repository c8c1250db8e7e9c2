import type { AbsPath } from '../ids.ts';
import { layerId } from '../ids.ts';
import { emptyDir } from '../layer.ts';
import type { Mount, Namespace } from '../namespace.ts';
import { resolvePath } from '../namespace.ts';
import { NamespaceFs } from '../namespace-fs.ts';
import type { Overlay } from '../overlay.ts';
import { normalize, splitPath } from '../path.ts';
import { containerOverlay, OVERLAY2 } from './containers.ts';
import { fillVolume, isEmptyVolume, putVolume, volumeMountpoint } from './volumes.ts';
import type { Container, TmpfsMount, VolumeMount, World } from './world.ts';

// What a container mounts over its rootfs besides Docker's own files (A6, F4): volumes and tmpfs.
// The flags are read as the docker CLI and dockerd read them; the checks run where dockerd runs them
// (create), the mount points are made where runc makes them (start).

export type MountRequest =
  | {
      readonly kind: 'volume';
      /** null: an anonymous volume, named at create from the seeded generator. */
      readonly name: string | null;
      readonly target: AbsPath;
      readonly readOnly: boolean;
      readonly mode: string;
      readonly copyData: boolean;
    }
  | {
      readonly kind: 'tmpfs';
      readonly target: AbsPath;
      readonly options: string;
      readonly readOnly: boolean;
      readonly mode: number | null;
    };

export type Parsed<T> = T | { readonly error: string };

const RW = new Set(['rw', 'ro']);
const LABEL = new Set(['z', 'Z']);
const PROPAGATION = new Set(['private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave']);
const CONSISTENCY = new Set(['consistent', 'cached', 'delegated']);

/** moby volume/mounts linux_parser.go linuxValidMountMode: known words, at most one of each kind. */
function validMode(mode: string): boolean {
  if (mode === '') return true;
  const counts = [0, 0, 0, 0, 0];
  for (const o of mode.split(',')) {
    const k = RW.has(o)
      ? 0
      : LABEL.has(o)
        ? 1
        : PROPAGATION.has(o)
          ? 2
          : o === 'nocopy'
            ? 3
            : CONSISTENCY.has(o)
              ? 4
              : -1;
    if (k < 0) return false;
    counts[k]!++;
  }
  return counts.every((n) => n <= 1);
}

const invalidSpec = (raw: string): string => `invalid volume specification: '${raw}'`;

/**
 * `-v SPEC`. The CLI (compose's ParseVolume) sends a spec with no source — one field, where a
 * leading `X:` counts as a Windows drive — as an anonymous volume at that path, relative paths taken
 * from '/' as dockerd does; anything else goes to dockerd's ParseMountRaw: SRC:DST[:MODE].
 */
export function parseVolumeFlag(raw: string): Parsed<MountRequest> {
  const driveless = /^[A-Za-z]:/.test(raw) ? raw.slice(2) : raw;
  if (!driveless.includes(':')) {
    if (raw === '') return { error: invalidSpec(raw) };
    return { kind: 'volume', name: null, target: normalize(raw), readOnly: false, mode: '', copyData: true };
  }
  const arr = raw.split(':');
  if (arr[0] === '' || arr.length > 3) return { error: invalidSpec(raw) };
  if (arr.length === 2 && validMode(arr[1]!)) return { error: invalidSpec(raw) };
  const [src, dst, mode = ''] = arr as [string, string, string?];
  if (!validMode(mode)) return { error: `invalid mode: ${mode}` };
  const type = src.startsWith('/') ? 'bind' : 'volume';
  const config = `${invalidSpec(raw)}: invalid mount config for type "${type}"`;
  if (!dst.startsWith('/'))
    return { error: `${config}: invalid mount path: '${dst}' mount path must be absolute` };
  if (normalize(dst) === '/') return { error: `${config}: invalid specification: destination can't be '/'` };
  if (type === 'bind') return { error: bindError(src, dst) };
  const opts = mode.split(',');
  return {
    kind: 'volume',
    name: src,
    target: normalize(dst),
    readOnly: opts.includes('ro'),
    mode,
    copyData: !opts.includes('nocopy'),
  };
}

/** Host directories are outside the simulated daemon: say so plainly instead of pretending. */
const bindError = (src: string, dst: string): string =>
  `bind mounts of host paths are not simulated (${src}:${dst}); use a named volume, e.g. -v data:${dst}`;

const TMPFS_FLAGS = new Set(
  (
    'defaults ro rw suid nosuid dev nodev exec noexec sync async dirsync remount mand nomand atime noatime ' +
    'diratime nodiratime bind rbind unbindable runbindable private rprivate shared rshared slave rslave ' +
    'relatime norelatime strictatime nostrictatime'
  ).split(' '),
);
const TMPFS_DATA = new Set(['size', 'mode', 'uid', 'gid', 'nr_inodes', 'nr_blocks', 'mpol']);

/** `--tmpfs PATH[:OPTIONS]`, checked as dockerd's ParseTmpfsOptions checks it. */
export function parseTmpfsFlag(raw: string): Parsed<MountRequest> {
  const colon = raw.indexOf(':');
  const path = colon < 0 ? raw : raw.slice(0, colon);
  const options = colon < 0 ? '' : raw.slice(colon + 1);
  if (!path.startsWith('/')) return { error: `invalid mount path: '${path}' mount path must be absolute` };
  let mode: number | null = null;
  let readOnly = false;
  for (const o of options === '' ? [] : options.split(',')) {
    if (TMPFS_FLAGS.has(o)) {
      if (o === 'ro' || o === 'rw') readOnly = o === 'ro';
      continue;
    }
    const kv = o.split('=');
    if (kv.length < 2 || !TMPFS_DATA.has(kv[0]!))
      return { error: `invalid tmpfs option [${kv.map((s) => JSON.stringify(s)).join(' ')}]` };
    if (kv[0] === 'mode') mode = parseInt(kv[1]!, 8) & 0o7777;
  }
  return { kind: 'tmpfs', target: normalize(path), options, readOnly, mode };
}

/**
 * `--mount type=volume|tmpfs,src=…,dst=…[,readonly][,volume-nocopy][,tmpfs-mode=…]`. The CLI reads the
 * fields (its errors come back as `cli`); dockerd checks the result (`error`).
 */
export function parseMountFlag(raw: string): MountRequest | { readonly error: string; readonly cli?: true } {
  let type = 'volume';
  let src = '';
  let dst = '';
  let readOnly = false;
  let noCopy = false;
  let mode: number | null = null;
  for (const field of raw.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? null : field.slice(eq + 1);
    const bool = (): boolean => value === null || ['1', 'true'].includes(value.toLowerCase());
    switch (key) {
      case 'type':
        type = value ?? '';
        break;
      case 'source':
      case 'src':
        src = value ?? '';
        break;
      case 'target':
      case 'dst':
      case 'destination':
        dst = value ?? '';
        break;
      case 'readonly':
      case 'ro':
        readOnly = bool();
        break;
      case 'volume-nocopy':
        noCopy = bool();
        break;
      case 'tmpfs-mode':
        mode = parseInt(value ?? '', 8) & 0o7777;
        break;
      case 'tmpfs-size':
      case 'volume-driver':
      case 'volume-label':
      case 'volume-opt':
      case 'consistency':
        break;
      default:
        return { error: `unexpected key '${key}' in '${field}'`, cli: true };
    }
  }
  const config = `invalid mount config for type "${type}"`;
  if (!['volume', 'tmpfs', 'bind'].includes(type)) return { error: `${config}: mount type unknown` };
  if (dst === '') return { error: `${config}: field Target must not be empty` };
  if (!dst.startsWith('/'))
    return { error: `${config}: invalid mount path: '${dst}' mount path must be absolute` };
  if (type === 'bind') return { error: bindError(src, dst) };
  if (type === 'tmpfs') {
    if (src !== '') return { error: `${config}: field Source must not be specified` };
    return { kind: 'tmpfs', target: normalize(dst), options: '', readOnly, mode };
  }
  if (src === '' && readOnly)
    return { error: `${config}: must not set ReadOnly mode when using anonymous volumes` };
  return {
    kind: 'volume',
    name: src === '' ? null : src,
    target: normalize(dst),
    readOnly,
    mode: '',
    copyData: !noCopy,
  };
}

/**
 * The mounts of one `docker run`: identical flags count once (the CLI keeps a set), two mounts on one
 * destination are refused, and an anonymous volume yields to a named mount on its path (dockerd skips
 * Config.Volumes entries that already have a mount).
 */
export function combineMounts(reqs: readonly MountRequest[]): Parsed<readonly MountRequest[]> {
  const out: MountRequest[] = [];
  const seen = new Set<string>();
  for (const r of reqs) {
    const key = JSON.stringify(r);
    if (seen.has(key)) continue;
    seen.add(key);
    if (r.kind === 'volume' && r.name === null) continue;
    if (out.some((o) => o.target === r.target)) return { error: `Duplicate mount point: ${r.target}` };
    out.push(r);
  }
  for (const r of reqs)
    if (r.kind === 'volume' && r.name === null && !out.some((o) => o.target === r.target)) out.push(r);
  return out;
}

const mergedDir = (c: Container): string => `${OVERLAY2}/${c.mountId}/merged`;

/** The rootfs alone as a namespace, writable: how dockerd and runc see it while they prepare mounts. */
const rootfsOnly = (ov: Overlay): Namespace => ({
  mounts: [{ path: '/' as AbsPath, kind: 'overlay', name: 'overlay', fs: ov, readOnly: false }],
  devices: new Map(),
});

/**
 * dockerd's checks at create (GetResourcePath, then a stat of the destination in the rootfs): a
 * non-directory on the way, or a file where a volume would go, refuses the container.
 */
export function checkMountTargets(world: World, c: Container): string | null {
  const ns = rootfsOnly(containerOverlay(world, c));
  for (const m of c.mounts) {
    const info = resolvePath(ns, m.target, true);
    if (info === 'ENOTDIR') return `lstat ${mergedDir(c)}${m.target}: not a directory`;
    if (typeof info === 'string' || !info.found || info.found.node.kind === 'dir') continue;
    const path = `${mergedDir(c)}${m.target}`;
    const vol = world.volumes.get(m.volume);
    return vol?.anonymous
      ? `cannot mount volume over existing file, file exists ${path}`
      : `source ${path} is not directory`;
  }
  return null;
}

type Pending =
  { readonly kind: 'volume'; readonly i: number } | { readonly kind: 'tmpfs'; readonly i: number };

/**
 * What happens at start before the program runs: dockerd fills each empty volume whose mount still
 * asks for it with the rootfs content at its destination (F4, populateVolumes; asked once per mount),
 * then runc mounts everything shallowest first, making each missing mount point as `mkdir -p` in
 * whatever is mounted there already — usually the upper (T24: `A /anon`). tmpfs mounts start empty.
 */
export function prepareMounts(
  world: World,
  c0: Container,
): { world: World; container: Container } | { error: string } {
  const now = world.clock;
  let w = world;
  const rootfs = containerOverlay(w, c0);
  const volumeMounts: VolumeMount[] = c0.mounts.map((m) => {
    if (!m.copyData) return m;
    const vol = w.volumes.get(m.volume);
    const info = resolvePath(rootfsOnly(rootfs), m.target, true);
    if (vol && isEmptyVolume(vol) && typeof info !== 'string' && info.found?.node.kind === 'dir')
      w = putVolume(w, fillVolume(vol, info.found, now));
    return { ...m, copyData: false };
  });
  const tmpfsMounts: TmpfsMount[] = [...c0.tmpfs];
  const pending: Pending[] = [
    ...volumeMounts.map((_, i): Pending => ({ kind: 'volume', i })),
    ...tmpfsMounts.map((_, i): Pending => ({ kind: 'tmpfs', i })),
  ];
  const targetOf = (p: Pending): AbsPath =>
    (p.kind === 'volume' ? volumeMounts[p.i]! : tmpfsMounts[p.i]!).target;
  pending.sort((a, b) => splitPath(targetOf(a)).length - splitPath(targetOf(b)).length);

  let ns = rootfsOnly(rootfs);
  const mountedAs: Pending[] = [];
  for (const p of pending) {
    const target = targetOf(p);
    const fs = new NamespaceFs(ns, now);
    const before = fs.stat(target);
    const made = mkdirP(fs, target);
    const source = p.kind === 'volume' ? volumeMountpoint(volumeMounts[p.i]!.volume) : 'tmpfs';
    if (made !== null) return { error: runcMountError(source, target, p.kind === 'volume') };
    const real = fs.realpath(target);
    const at = real.ok ? real.value : target;
    ns = fs.ns;
    let mount: Mount;
    if (p.kind === 'volume') {
      const vm = { ...volumeMounts[p.i]!, target: at };
      volumeMounts[p.i] = vm;
      const vol = w.volumes.get(vm.volume)!;
      mount = { path: at, kind: 'volume', name: vol.name, fs: plain(vol.tree, vol.nextIno), readOnly: false };
    } else {
      const t = tmpfsMounts[p.i]!;
      const mode = t.mode ?? (before.ok && before.value.kind === 'dir' ? before.value.mode : 0o1777);
      const tree = { id: layerId(`tmpfs:${c0.id}:${at}`), root: emptyDir(now, mode), links: new Map() };
      tmpfsMounts[p.i] = { ...t, target: at, tree };
      mount = { path: at, kind: 'tmpfs', name: 'tmpfs', fs: plain(tree, c0.nextIno), readOnly: false };
    }
    ns = { ...ns, mounts: [...ns.mounts, mount] };
    mountedAs.push(p);
  }
  // Take back what the mount points changed: the upper, and any volume or tmpfs they were made in.
  const root = ns.mounts[0]!.fs;
  mountedAs.forEach((p, k) => {
    const m = ns.mounts[k + 1]!;
    if (p.kind === 'volume') {
      const vol = w.volumes.get(m.name)!;
      if (m.fs.upper !== vol.tree) w = putVolume(w, { ...vol, tree: m.fs.upper, nextIno: m.fs.nextIno });
    } else tmpfsMounts[p.i] = { ...tmpfsMounts[p.i]!, tree: m.fs.upper };
  });
  const container: Container = {
    ...c0,
    upper: root.upper,
    nextIno: Math.max(c0.nextIno, root.nextIno),
    mounts: volumeMounts,
    tmpfs: tmpfsMounts,
  };
  const containers = new Map(w.containers);
  containers.set(container.id, container);
  return { world: { ...w, containers }, container };
}

const plain = (layer: Overlay['upper'], nextIno: number): Overlay => ({ upper: layer, lowers: [], nextIno });

/** runc's MkdirAll of a mount point: each missing directory 0755; a non-directory on the way fails. */
function mkdirP(fs: NamespaceFs, target: AbsPath): string | null {
  const comps = splitPath(target);
  for (let i = 1; i <= comps.length; i++) {
    const p = ('/' + comps.slice(0, i).join('/')) as AbsPath;
    const st = fs.stat(p);
    if (st.ok) {
      if (st.value.kind !== 'dir') return 'ENOTDIR';
      continue;
    }
    if (st.errno !== 'ENOENT') return st.errno;
    const r = fs.mkdir(p, 0o755);
    if (!r.ok) return r.errno;
  }
  return null;
}

function runcMountError(source: string, target: string, bind: boolean): string {
  const flags = bind ? '0x5000' : '0xe';
  return (
    'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ' +
    `error during container init: error mounting "${source}" to rootfs at "${target}": mount ${source}:${target} ` +
    '(via /proc/self/fd/6), flags: ' +
    `${flags}: not a directory: unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type`
  );
}
