import type { AbsPath } from '../ids.ts';
import { layerId } from '../ids.ts';
import type { Layer, LayerEntrySpec } from '../layer.ts';
import { buildLayer } from '../layer.ts';
import type { Mount, Namespace } from '../namespace.ts';
import type { Overlay } from '../overlay.ts';
import { containerOverlay, OVERLAY2 } from './containers.ts';
import { imageLayersTopFirst } from './images.ts';
import type { World } from './world.ts';
import { isoTime } from './world.ts';

/**
 * The host's view of /var/lib/docker, as the blog browses it (A2, A3): overlay2/<cacheID>/{diff,
 * link, lower, work, committed}, overlay2/l/ links, the containers' <mountID>/ and <mountID>-init/
 * dirs with merged/ while running, image/overlay2/{layerdb,imagedb,repositories.json}. The small
 * files are a tree generated from the World; every diff/ and merged/ is a mount of the real layer
 * or of the container's overlay itself, so what `ls diff/` shows is exactly what the engine holds.
 */
const ROOT = '/var/lib/docker';

const cache = new WeakMap<World, Layer>();

/** The generated part of /var/lib/docker (small files and directories), cached per World. */
export function dockerRootTree(world: World): Layer {
  const hit = cache.get(world);
  if (hit) return hit;
  const e: LayerEntrySpec[] = [];
  const dir = (p: string, mode?: string): void =>
    void e.push({ path: p, type: 'dir', ...(mode ? { mode } : {}) });
  const file = (p: string, content: string, mode = '0644'): void =>
    void e.push({ path: p, type: 'file', content, mode });
  const link = (p: string, target: string): void => void e.push({ path: p, type: 'symlink', target });

  for (const d of [
    'buildkit',
    'containers',
    'image/overlay2/distribution',
    'image/overlay2/layerdb/tmp',
    'network/files',
    'plugins',
    'runtimes',
    'swarm',
    'tmp',
    'trust',
    'volumes',
  ])
    dir(`/${d}`, d === 'containers' || d === 'plugins' || d === 'tmp' ? '0710' : '0700');
  dir(`/overlay2/l`);
  dir(`/image/overlay2/imagedb/content/sha256`);
  dir(`/image/overlay2/imagedb/metadata/sha256`);
  dir(`/image/overlay2/layerdb/sha256`);
  dir(`/image/overlay2/layerdb/mounts`);

  // Layers with a child layer (or a container) are "committed" and mount read-only (A2).
  const hasChild = new Set<string>();
  for (const l of world.layers.values()) if (l.parent) hasChild.add(l.parent);
  for (const c of world.containers.values()) {
    const img = world.images.get(c.imageId);
    const top = img?.chain[img.chain.length - 1];
    if (top) hasChild.add(top);
  }
  const lowerOf = (chainId: string | null): string[] => {
    const out: string[] = [];
    for (
      let cur = chainId ? world.layers.get(chainId as never) : undefined;
      cur;
      cur = cur.parent ? world.layers.get(cur.parent) : undefined
    )
      out.push(`l/${cur.link}`);
    return out;
  };

  for (const l of world.layers.values()) {
    const d = `/overlay2/${l.cacheId}`;
    dir(`${d}/diff`);
    file(`${d}/link`, l.link);
    if (l.parent) {
      file(`${d}/lower`, lowerOf(l.parent).join(':'));
      dir(`${d}/work`, '0700');
    }
    if (hasChild.has(l.chainId)) file(`${d}/committed`, '', '0600');
    link(`/overlay2/l/${l.link}`, `../${l.cacheId}/diff`);
    const db = `/image/overlay2/layerdb/sha256/${l.chainId.slice(7)}`;
    file(`${db}/diff`, l.diffId);
    file(`${db}/cache-id`, l.cacheId);
    file(`${db}/size`, String(l.size));
    if (l.parent) file(`${db}/parent`, l.parent);
    file(`${db}/tar-split.json.gz`, '\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff', '0644');
  }

  for (const img of world.images.values()) {
    file(`/image/overlay2/imagedb/content/sha256/${img.id.slice(7)}`, img.configJson, '0600');
    if (img.parent) {
      const md = `/image/overlay2/imagedb/metadata/sha256/${img.id.slice(7)}`;
      file(`${md}/parent`, img.parent, '0600');
      file(`${md}/lastUpdated`, img.config.created, '0600');
    }
  }
  const repos: Record<string, Record<string, string>> = {};
  for (const [ref, id] of world.tags) {
    const repo = ref.slice(0, ref.lastIndexOf(':'));
    (repos[repo] ??= {})[ref] = id;
  }
  file(`/image/overlay2/repositories.json`, JSON.stringify({ Repositories: repos }), '0600');

  for (const c of world.containers.values()) {
    const img = world.images.get(c.imageId);
    const top = img?.chain[img.chain.length - 1] ?? null;
    const imageLower = lowerOf(top);
    const init = `/overlay2/${c.mountId}-init`;
    dir(`${init}/diff`);
    file(`${init}/link`, c.initLink);
    file(`${init}/lower`, imageLower.join(':'));
    dir(`${init}/work/work`, '0700');
    file(`${init}/committed`, '', '0600');
    link(`/overlay2/l/${c.initLink}`, `../${c.mountId}-init/diff`);
    const up = `/overlay2/${c.mountId}`;
    dir(`${up}/diff`);
    file(`${up}/link`, c.upperLink);
    file(`${up}/lower`, [`l/${c.initLink}`, ...imageLower].join(':'));
    dir(`${up}/work/work`, '0700');
    if (c.state === 'running') dir(`${up}/merged`);
    link(`/overlay2/l/${c.upperLink}`, `../${c.mountId}/diff`);
    const mnt = `/image/overlay2/layerdb/mounts/${c.id}`;
    file(`${mnt}/mount-id`, c.mountId);
    file(`${mnt}/init-id`, `${c.mountId}-init`);
    if (top) file(`${mnt}/parent`, top);
    const cd = `/containers/${c.id}`;
    dir(`${cd}/checkpoints`, '0700');
    dir(`${cd}/mounts`, '0700');
    file(
      `${cd}/config.v2.json`,
      JSON.stringify({
        ID: c.id,
        Name: `/${c.name}`,
        Image: c.imageId,
        Created: isoTime(c.created),
        Driver: 'overlay2',
      }),
    );
    file(`${cd}/hostconfig.json`, JSON.stringify({ AutoRemove: c.autoRemove, NetworkMode: 'default' }));
    for (const f of ['hostname', 'hosts', 'resolv.conf']) {
      const n = c.runtime.etc.root.children.get(f);
      file(`${cd}/${f}`, n?.kind === 'file' ? n.content : '');
    }
    file(`${cd}/${c.id}-json.log`, '', '0640');
  }

  for (const v of world.volumes.values()) dir(`/volumes/${v.name}/_data`);
  file('/volumes/metadata.db', '', '0600');

  let ino = 1;
  const tree = buildLayer(layerId('var-lib-docker'), e, world.clock, () => ino++);
  cache.set(world, tree);
  return tree;
}

const plain = (layer: Layer): Overlay => ({ upper: layer, lowers: [], nextIno: 1 });

/**
 * The host's mount namespace: its own disk at '/', the generated /var/lib/docker over it, and one
 * read-only mount per diff/ and merged/ directory, each showing the engine's own layer or overlay.
 */
export function hostNamespace(world: World, host: Layer): Namespace {
  const m = (path: string, kind: Mount['kind'], name: string, fs: Overlay, readOnly: boolean): Mount => ({
    path: path as AbsPath,
    kind,
    name,
    fs,
    readOnly,
  });
  const mounts: Mount[] = [
    m('/', 'host', 'ext4', { upper: host, lowers: [], nextIno: world.nextIno }, false),
  ];
  mounts.push(m(ROOT, 'host', 'ext4', plain(dockerRootTree(world)), true));
  for (const l of world.layers.values())
    mounts.push(m(`${ROOT}/overlay2/${l.cacheId}/diff`, 'host', 'ext4', plain(l.layer), true));
  for (const v of world.volumes.values())
    mounts.push(m(`${ROOT}/volumes/${v.name}/_data`, 'host', 'ext4', plain(v.tree), true));
  for (const c of world.containers.values()) {
    mounts.push(m(`${OVERLAY2}/${c.mountId}-init/diff`, 'host', 'ext4', plain(c.init), true));
    mounts.push(m(`${OVERLAY2}/${c.mountId}/diff`, 'host', 'ext4', plain(c.upper), true));
    if (c.state === 'running') {
      const img = world.images.get(c.imageId);
      if (img && imageLayersTopFirst(world, img))
        mounts.push(
          m(`${OVERLAY2}/${c.mountId}/merged`, 'overlay', 'overlay', containerOverlay(world, c), true),
        );
    }
  }
  return { mounts, devices: new Map([['/dev/null', [1, 3]]]) };
}
