import type { AbsPath, ContainerId } from '../ids.ts';
import { containerId, layerId } from '../ids.ts';
import { emptyLayer } from '../layer.ts';
import type { Mount, Namespace } from '../namespace.ts';
import type { Overlay } from '../overlay.ts';
import { buildInitLayer } from '../init-layer.ts';
import { setIn } from '../tree.ts';
import { fileNode } from '../node.ts';
import type { ImageRecord, TmpfsMount, VolumeMount } from './world.ts';
import { imageLayersTopFirst } from './images.ts';
import type { MountRequest } from './mounts.ts';
import { randomHex, randomLink, randomPick } from './rng.ts';
import { DEVICES, runtimeFiles } from './runtime.ts';
import { anonymousName, createVolume, putVolume, removeAnonymousVolumes } from './volumes.ts';
import type { Container, World } from './world.ts';

export const OVERLAY2 = '/var/lib/docker/overlay2';

export interface CreateOptions {
  readonly image: ImageRecord;
  readonly imageRef: string;
  readonly name?: string;
  readonly command: readonly string[];
  readonly autoRemove: boolean;
  /** Volumes and tmpfs (`-v`, `--mount`, `--tmpfs`), already checked by combineMounts (mounts.ts). */
  readonly mounts?: readonly MountRequest[];
  /** `--read-only` */
  readonly readOnly?: boolean;
  readonly tty?: boolean;
  readonly openStdin?: boolean;
}

/**
 * docker create: a random container id and mount id, the init layer made from the image (A5), an empty
 * upper, and the files that will be mounted over the rootfs when it runs (A6). Named volumes are
 * created on first use and anonymous ones get a random name (F4); their mount points are made at start.
 */
export function createContainer(world: World, opts: CreateOptions): [World, Container] {
  const now = world.clock;
  const [idHex, r1] = randomHex(world.rng);
  const [mountId, r2] = randomHex(r1);
  const [initLink, r3] = randomLink(r2);
  const [upperLink, r4] = randomLink(r3);
  let rng = r4;
  let name = opts.name;
  if (name === undefined) {
    const [n, r5] = generateName(world, rng);
    name = n;
    rng = r5;
  }
  const id = containerId(idHex);
  const lowers = imageLayersTopFirst(world, opts.image);
  const init = buildInitLayer(layerId(`${mountId}-init`), lowers, now, world.nextIno);
  let ino = init.nextIno;
  const runtime = runtimeFiles(id, now, () => ino++);
  let w: World = { ...world, rng };
  const mounts: VolumeMount[] = [];
  const tmpfs: TmpfsMount[] = [];
  for (const r of opts.mounts ?? []) {
    if (r.kind === 'tmpfs') {
      const tree = emptyLayer(layerId(`tmpfs:${id}:${r.target}`), now);
      tmpfs.push({ target: r.target, options: r.options, readOnly: r.readOnly, mode: r.mode, tree });
      continue;
    }
    let volName = r.name;
    if (volName === null) [volName, w] = anonymousName(w);
    [w] = createVolume(w, volName, { anonymous: r.name === null });
    mounts.push({
      volume: volName,
      target: r.target,
      readOnly: r.readOnly,
      mode: r.mode,
      copyData: r.copyData,
    });
  }
  rng = w.rng;
  const c: Container = {
    id,
    name,
    imageId: opts.image.id,
    imageRef: opts.imageRef,
    command: opts.command,
    created: now,
    state: 'created',
    exitCode: 0,
    startedAt: null,
    finishedAt: null,
    autoRemove: opts.autoRemove,
    mountId,
    initLink,
    upperLink,
    init: init.upper,
    upper: emptyLayer(layerId(mountId), now),
    nextIno: ino,
    runtime,
    env: opts.image.config.config.Env,
    workingDir: opts.image.config.config.WorkingDir || '/',
    mounts,
    tmpfs,
    readOnly: opts.readOnly ?? false,
    tty: opts.tty ?? false,
    openStdin: opts.openStdin ?? false,
  };
  const containers = new Map(w.containers);
  containers.set(id, c);
  return [{ ...w, rng, containers, nextIno: ino }, c];
}

/** The container's rootfs alone: upper over init over the image layers (A1). */
export function containerOverlay(world: World, c: Container): Overlay {
  const image = world.images.get(c.imageId)!;
  return { upper: c.upper, lowers: [c.init, ...imageLayersTopFirst(world, image)], nextIno: c.nextIno };
}

/** The init layer's merged view (what `docker diff` compares against, D1). */
export function initOverlay(world: World, c: Container): Overlay {
  const image = world.images.get(c.imageId)!;
  return { upper: c.init, lowers: imageLayersTopFirst(world, image), nextIno: c.nextIno };
}

const plain = (layer: Container['upper'], nextIno: number): Overlay => ({
  upper: layer,
  lowers: [],
  nextIno,
});

const mount = (
  path: string,
  kind: Mount['kind'],
  name: string,
  fs: Overlay,
  readOnly: boolean,
  file?: string,
): Mount => ({
  path: path as AbsPath,
  kind,
  name,
  fs,
  readOnly,
  ...(file === undefined ? {} : { file: file as AbsPath }),
});

const ETC_FILES = ['resolv.conf', 'hostname', 'hosts'] as const;

/** /etc/resolv.conf, /etc/hostname, /etc/hosts: read-only with the rootfs under --read-only. */
const etcBinds = (c: Container): Mount[] =>
  ETC_FILES.map((f) =>
    mount(`/etc/${f}`, 'bind', 'bind', plain(c.runtime.etc, c.nextIno), c.readOnly, `/${f}`),
  );

/** The container's volumes and tmpfs mounts, as mounted over its rootfs (F4). */
function userMounts(world: World, c: Container): Mount[] {
  const out: Mount[] = [];
  for (const m of c.mounts) {
    const vol = world.volumes.get(m.volume);
    if (vol) out.push(mount(m.target, 'volume', vol.name, plain(vol.tree, vol.nextIno), m.readOnly));
  }
  for (const t of c.tmpfs) out.push(mount(t.target, 'tmpfs', 'tmpfs', plain(t.tree, c.nextIno), t.readOnly));
  return out;
}

/** The mount namespace a process in the container sees (A6, F4). */
export function containerNamespace(world: World, c: Container): Namespace {
  const rt = c.runtime;
  const proc = withMounts(rt.proc, world, c);
  return {
    mounts: [
      mount('/', 'overlay', 'overlay', containerOverlay(world, c), c.readOnly),
      mount('/proc', 'proc', 'proc', plain(proc, c.nextIno), true),
      mount('/sys', 'sysfs', 'sysfs', plain(rt.sys, c.nextIno), true),
      mount('/dev', 'tmpfs', 'tmpfs', plain(rt.dev, c.nextIno), false),
      mount('/dev/shm', 'tmpfs', 'shm', plain(rt.shm, c.nextIno), false),
      ...etcBinds(c),
      ...userMounts(world, c),
    ],
    devices: new Map(DEVICES.map(([name, nums]) => [`/dev/${name}`, nums])),
  };
}

/**
 * What dockerd itself sees of a container when `docker cp` reads or writes it: the rootfs with the
 * volumes and the /etc bind mounts over it, but no tmpfs, /dev, /proc or /sys — those belong to the
 * running process, so a copy to /dev/shm or a --tmpfs path lands in the upper. Works on stopped
 * containers too.
 */
export function daemonNamespace(world: World, c: Container): Namespace {
  const vols = userMounts(world, c).filter((m) => m.kind === 'volume');
  return {
    mounts: [
      mount('/', 'overlay', 'overlay', containerOverlay(world, c), c.readOnly),
      ...etcBinds(c),
      ...vols,
    ],
    devices: new Map(),
  };
}

/**
 * Take a namespace back after commands ran in it: the upper and the runtime trees changed (volumes
 * are the World's: see applyNamespace). Mounts are found by path and kind, so this reads both
 * containerNamespace and daemonNamespace.
 */
export function withNamespace(c: Container, ns: Namespace): Container {
  const find = (path: string, kind: Mount['kind'], name?: string): Mount | undefined =>
    ns.mounts.find((m) => m.path === path && m.kind === kind && (name === undefined || m.name === name));
  const root = ns.mounts[0]!;
  // The three bind mounts are views of one tree: take each file from the mount that shows it.
  let etcRoot = c.runtime.etc.root;
  for (const name of ETC_FILES) {
    const node = find(`/etc/${name}`, 'bind')?.fs.upper.root.children.get(name);
    if (node && node !== etcRoot.children.get(name)) etcRoot = setIn(etcRoot, [name], node, null);
  }
  const maxIno = Math.max(
    c.nextIno,
    ...ns.mounts.filter((x) => x.kind !== 'volume').map((x) => x.fs.nextIno),
  );
  const tmpfs = c.tmpfs.map((t) => {
    const m = ns.mounts.find((x) => x.path === t.target && x.kind === 'tmpfs' && x.name === 'tmpfs');
    return m && m.fs.upper !== t.tree ? { ...t, tree: m.fs.upper } : t;
  });
  return {
    ...c,
    upper: root.fs.upper,
    nextIno: maxIno,
    tmpfs,
    runtime: {
      ...c.runtime,
      dev: find('/dev', 'tmpfs', 'tmpfs')?.fs.upper ?? c.runtime.dev,
      shm: find('/dev/shm', 'tmpfs', 'shm')?.fs.upper ?? c.runtime.shm,
      etc: etcRoot === c.runtime.etc.root ? c.runtime.etc : { ...c.runtime.etc, root: etcRoot },
    },
  };
}

/**
 * withNamespace, and the volumes the commands wrote to flow back into the World (F4): writes under a
 * volume change the volume, never the upper. A volume mounted twice keeps the last tree written.
 */
export function applyNamespace(world: World, c: Container, ns: Namespace): World {
  let w = updateContainer(world, withNamespace(c, ns));
  for (const m of ns.mounts) {
    if (m.kind !== 'volume') continue;
    const vol = w.volumes.get(m.name);
    if (vol && m.fs.upper !== vol.tree) w = putVolume(w, { ...vol, tree: m.fs.upper, nextIno: m.fs.nextIno });
  }
  return w;
}

/** /proc/mounts as the container would show it, starting with the overlay line (A1). */
function withMounts(proc: Container['upper'], world: World, c: Container) {
  const image = world.images.get(c.imageId)!;
  const links = [c.initLink, ...image.chain.map((ch) => world.layers.get(ch)!.link).reverse()];
  const lower = links.map((l) => `${OVERLAY2}/l/${l}`).join(':');
  const rw = c.readOnly ? 'ro' : 'rw';
  // runc mounts shallow paths first, in the order given (a stable sort by depth).
  const later: [string, string][] = [
    ...ETC_FILES.map((f): [string, string] => [`/etc/${f}`, `/dev/vda /etc/${f} ext4 ${rw},relatime 0 0\n`]),
    ...c.mounts.map((m): [string, string] => [
      m.target,
      `/dev/vda ${m.target} ext4 ${m.readOnly ? 'ro' : 'rw'},relatime 0 0\n`,
    ]),
    ...c.tmpfs.map((t): [string, string] => [
      t.target,
      `tmpfs ${t.target} tmpfs ${t.readOnly ? 'ro' : 'rw'},nosuid,nodev,noexec,relatime${t.mode === null ? '' : `,mode=${t.mode.toString(8)}`} 0 0\n`,
    ]),
  ];
  const depth = (p: string): number => p.split('/').length;
  later.sort((a, b) => depth(a[0]) - depth(b[0]));
  const text =
    `overlay / overlay ${rw},relatime,lowerdir=${lower},upperdir=${OVERLAY2}/${c.mountId}/diff,workdir=${OVERLAY2}/${c.mountId}/work 0 0\n` +
    'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n' +
    'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0\n' +
    'sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0\n' +
    'shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k 0 0\n' +
    later.map(([, line]) => line).join('');
  const node = fileNode(text, { mode: 0o444, uid: 0, gid: 0, mtime: c.created }, 0);
  return { ...proc, root: setIn(proc.root, ['mounts'], node, null) };
}

export function updateContainer(world: World, c: Container): World {
  const containers = new Map(world.containers);
  containers.set(c.id, c);
  return { ...world, containers };
}

/**
 * docker rm: the container goes; with `volumes` (rm -v; by default for --rm containers) its anonymous
 * volumes go too, unless another container uses them. Named volumes always stay (F3).
 */
export function removeContainer(world: World, id: ContainerId, opts: { volumes?: boolean } = {}): World {
  const c = world.containers.get(id);
  const containers = new Map(world.containers);
  containers.delete(id);
  const w = { ...world, containers };
  return c && (opts.volumes ?? c.autoRemove) ? removeAnonymousVolumes(w, c) : w;
}

/** A container by name, full id or unique id prefix, as the CLI resolves it. */
export function findContainer(world: World, key: string): Container | undefined {
  const k = key.replace(/^\//, '');
  for (const c of world.containers.values()) if (c.name === k || c.id === k) return c;
  const matches = [...world.containers.values()].filter((c) => k.length > 0 && c.id.startsWith(k));
  return matches.length === 1 ? matches[0] : undefined;
}

const ADJECTIVES = [
  'admiring',
  'brave',
  'clever',
  'dreamy',
  'eager',
  'focused',
  'gifted',
  'happy',
  'jolly',
  'keen',
  'loving',
  'modest',
  'nifty',
  'quirky',
  'relaxed',
  'serene',
  'tender',
  'vibrant',
  'wizardly',
  'zealous',
];
const NAMES = [
  'babbage',
  'curie',
  'darwin',
  'euler',
  'feynman',
  'gauss',
  'hopper',
  'kepler',
  'lovelace',
  'meitner',
  'newton',
  'noether',
  'pascal',
  'ritchie',
  'shannon',
  'thompson',
  'turing',
  'volhard',
  'wozniak',
  'yalow',
];

function generateName(world: World, rng: World['rng']): [string, World['rng']] {
  let r = rng;
  for (;;) {
    const [a, r1] = randomPick(r, ADJECTIVES);
    const [b, r2] = randomPick(r1, NAMES);
    r = r2;
    const name = `${a}_${b}`;
    if (![...world.containers.values()].some((c) => c.name === name)) return [name, r];
  }
}

export type { ContainerId };
