import type { AbsPath, ContainerId } from '../ids.ts';
import { containerId, layerId } from '../ids.ts';
import { emptyLayer } from '../layer.ts';
import type { Mount, Namespace } from '../namespace.ts';
import type { Overlay } from '../overlay.ts';
import { buildInitLayer } from '../init-layer.ts';
import { setIn } from '../tree.ts';
import { fileNode } from '../node.ts';
import type { ImageRecord } from './world.ts';
import { imageLayersTopFirst } from './images.ts';
import { randomHex, randomLink, randomPick } from './rng.ts';
import { DEVICES, runtimeFiles } from './runtime.ts';
import type { Container, World } from './world.ts';

export const OVERLAY2 = '/var/lib/docker/overlay2';

export interface CreateOptions {
  readonly image: ImageRecord;
  readonly imageRef: string;
  readonly name?: string;
  readonly command: readonly string[];
  readonly autoRemove: boolean;
}

/**
 * docker create: a random container id and mount id, the init layer made from the image (A5), an empty
 * upper, and the files that will be mounted over the rootfs when it runs (A6).
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
  };
  const containers = new Map(world.containers);
  containers.set(id, c);
  return [{ ...world, rng, containers, nextIno: ino }, c];
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

/** The mount namespace a process in the container sees (A6). */
export function containerNamespace(world: World, c: Container): Namespace {
  const rt = c.runtime;
  const proc = withMounts(rt.proc, world, c);
  const m = (
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
  return {
    mounts: [
      m('/', 'overlay', 'overlay', containerOverlay(world, c), false),
      m('/proc', 'proc', 'proc', plain(proc, c.nextIno), true),
      m('/sys', 'sysfs', 'sysfs', plain(rt.sys, c.nextIno), true),
      m('/dev', 'tmpfs', 'tmpfs', plain(rt.dev, c.nextIno), false),
      m('/dev/shm', 'tmpfs', 'shm', plain(rt.shm, c.nextIno), false),
      m('/etc/resolv.conf', 'bind', 'bind', plain(rt.etc, c.nextIno), false, '/resolv.conf'),
      m('/etc/hostname', 'bind', 'bind', plain(rt.etc, c.nextIno), false, '/hostname'),
      m('/etc/hosts', 'bind', 'bind', plain(rt.etc, c.nextIno), false, '/hosts'),
    ],
    devices: new Map(DEVICES.map(([name, nums]) => [`/dev/${name}`, nums])),
  };
}

/** Take a namespace back after commands ran in it: the upper and the runtime trees changed. */
export function withNamespace(c: Container, ns: Namespace): Container {
  const [root, , , dev, shm, resolv, hostname, hosts] = ns.mounts;
  // The three bind mounts are views of one tree: take each file from the mount that shows it.
  let etcRoot = c.runtime.etc.root;
  for (const [mount, name] of [
    [resolv, 'resolv.conf'],
    [hostname, 'hostname'],
    [hosts, 'hosts'],
  ] as const) {
    const node = mount!.fs.upper.root.children.get(name);
    if (node && node !== etcRoot.children.get(name)) etcRoot = setIn(etcRoot, [name], node, null);
  }
  const maxIno = Math.max(...ns.mounts.map((x) => x.fs.nextIno));
  return {
    ...c,
    upper: root!.fs.upper,
    nextIno: maxIno,
    runtime: {
      ...c.runtime,
      dev: dev!.fs.upper,
      shm: shm!.fs.upper,
      etc: etcRoot === c.runtime.etc.root ? c.runtime.etc : { ...c.runtime.etc, root: etcRoot },
    },
  };
}

/** /proc/mounts as the container would show it, starting with the overlay line (A1). */
function withMounts(proc: Container['upper'], world: World, c: Container) {
  const image = world.images.get(c.imageId)!;
  const links = [c.initLink, ...image.chain.map((ch) => world.layers.get(ch)!.link).reverse()];
  const lower = links.map((l) => `${OVERLAY2}/l/${l}`).join(':');
  const text =
    `overlay / overlay rw,relatime,lowerdir=${lower},upperdir=${OVERLAY2}/${c.mountId}/diff,workdir=${OVERLAY2}/${c.mountId}/work 0 0\n` +
    'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n' +
    'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0\n' +
    'sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0\n' +
    'shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k 0 0\n' +
    '/dev/vda /etc/resolv.conf ext4 rw,relatime 0 0\n/dev/vda /etc/hostname ext4 rw,relatime 0 0\n/dev/vda /etc/hosts ext4 rw,relatime 0 0\n';
  const node = fileNode(text, { mode: 0o444, uid: 0, gid: 0, mtime: c.created }, 0);
  return { ...proc, root: setIn(proc.root, ['mounts'], node, null) };
}

export function updateContainer(world: World, c: Container): World {
  const containers = new Map(world.containers);
  containers.set(c.id, c);
  return { ...world, containers };
}

export function removeContainer(world: World, id: ContainerId): World {
  const containers = new Map(world.containers);
  containers.delete(id);
  return { ...world, containers };
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
