import type { Digest } from '../engine/digest.ts';
import { containerOverlay } from '../engine/docker/containers.ts';
import { historyRows } from '../engine/docker/history.ts';
import { dockerRootTree } from '../engine/docker/hostview.ts';
import { shortId } from '../engine/docker/images.ts';
import type { Container, World } from '../engine/docker/world.ts';
import type { LayerId } from '../engine/ids.ts';
import type { Node } from '../engine/node.ts';
import { walkMerged } from '../engine/overlay.ts';
import { byteCompare, getIn, walk } from '../engine/tree.ts';
import { fileText } from '../engine/content.ts';

// Plain rows the side panels show, computed from the world. Pure: the views memoise them per world.

export interface ContainerRow {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly status: string;
}

/** `docker ps -a` in brief, in creation order. */
export function containerRows(world: World): ContainerRow[] {
  return [...world.containers.values()].map((c) => ({
    id: c.id,
    name: c.name,
    image: c.imageRef,
    status: statusOf(c),
  }));
}

export function statusOf(c: Container): string {
  switch (c.state) {
    case 'running':
      return 'Up';
    case 'exited':
      return `Exited (${c.exitCode})`;
    case 'created':
      return 'Created';
  }
}

export interface ImageRow {
  /** 'demo:latest', or '<none>:<none>' for an untagged image. */
  readonly ref: string;
  readonly shortId: string;
  readonly layers: number;
}

/** One row per tag (as `docker images` lists them), then untagged images; sorted by ref. */
export function imageRows(world: World): ImageRow[] {
  const rows: ImageRow[] = [];
  const tagged = new Set<string>();
  for (const [ref, id] of world.tags) {
    const img = world.images.get(id);
    if (!img) continue;
    tagged.add(id);
    rows.push({ ref, shortId: shortId(id), layers: img.chain.length });
  }
  rows.sort((a, b) => byteCompare(a.ref, b.ref));
  for (const img of world.images.values())
    if (!tagged.has(img.id))
      rows.push({ ref: '<none>:<none>', shortId: shortId(img.id), layers: img.chain.length });
  return rows;
}

export interface FileRow {
  /** The path as text, control characters shown as '?' (as ls does on a terminal). */
  readonly path: string;
  readonly kind: Node['kind'];
  /** ' -> target' for symlinks, '' otherwise. */
  readonly detail: string;
  /** Where the merged view takes it from ('upper', 'init', 'layer 1' = bottom image layer), or a marker in the upper. */
  readonly note: string;
}

export interface FileListing {
  readonly rows: readonly FileRow[];
  /** Entries past the limit, counted but not listed. */
  readonly more: number;
}

/** Rows beyond this are counted, not listed: a big image must not flood the DOM. */
export const MAX_FILE_ROWS = 1000;

/** Every path of the container's merged view with the layer that provides it. */
export function mergedListing(world: World, c: Container, limit = MAX_FILE_ROWS): FileListing {
  const ov = containerOverlay(world, c);
  const imageLayers = ov.lowers.length - 1;
  const source = (level: number): string =>
    level === 0 ? 'upper' : level === 1 ? 'init' : `layer ${imageLayers - (level - 2)}`;
  const rows: FileRow[] = [];
  let more = 0;
  for (const [path, r] of walkMerged(ov)) {
    if (rows.length >= limit) more++;
    else rows.push(fileRow(path, r.node, source(r.level)));
  }
  return { rows, more };
}

/** What the container's upper directory (UpperDir) holds: its own files, whiteouts and opaque dirs. */
export function upperListing(c: Container, limit = MAX_FILE_ROWS): FileListing {
  const rows: FileRow[] = [];
  let more = 0;
  for (const [path, node] of walk(c.upper.root)) {
    if (rows.length >= limit) more++;
    else rows.push(fileRow(path, node, upperNote(node)));
  }
  return { rows, more };
}

function upperNote(n: Node): string {
  if (n.kind === 'whiteout') return 'whiteout';
  if (n.kind === 'dir' && n.opaque) return 'opaque';
  return '';
}

// C0 controls, DEL and C1 controls: a file name may hold a newline, the listing may not.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
export const printable = (s: string): string => s.replace(CONTROL, '?');

function fileRow(path: string, node: Node, note: string): FileRow {
  return {
    path: printable(node.kind === 'dir' ? `${path}/` : path),
    kind: node.kind,
    detail: node.kind === 'symlink' ? ` -> ${printable(node.target)}` : '',
    note,
  };
}

export interface HistoryItem {
  /** The image ID for the image's own rows and its local parents' last rows, '<missing>' otherwise. */
  readonly id: string;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
  /** The layer this row made, as the overlay names it, or null for an empty_layer row (ENV, CMD …). */
  readonly layer: LayerId | null;
  /** 'layer 2' (numbered from the bottom, as the stack and the tree say), or null. */
  readonly label: string | null;
}

/** `docker history` of the container's image (the rows the command prints), each linked to its layer. */
export function historyItems(world: World, c: Container): HistoryItem[] {
  const img = world.images.get(c.imageId);
  if (!img) return [];
  return historyRows(world, img).map((r) => {
    const index = r.chainId === null ? -1 : img.chain.indexOf(r.chainId as Digest);
    const rec = index < 0 ? undefined : world.layers.get(img.chain[index]!);
    return {
      id: r.id === null ? '<missing>' : shortId(r.id),
      createdBy: r.createdBy,
      size: r.size,
      comment: r.comment,
      layer: rec ? rec.layer.id : null,
      label: rec ? `layer ${index + 1}` : null,
    };
  });
}

export interface HostDir {
  /** The directory's name under /var/lib/docker/overlay2. */
  readonly name: string;
  /** What it is to the followed container: 'upper', 'init', 'layer 2'. */
  readonly role: string;
  readonly layer: LayerId;
  /** Its entries: diff, link, lower, work, merged, committed. */
  readonly entries: readonly string[];
  /** The content of its `link` file: its short name under l/. */
  readonly link: string;
  /** The content of its `lower` file (l/A:l/B…), or null for a bottom layer. */
  readonly lower: string | null;
  /** Names directly in its diff/. */
  readonly diff: readonly string[];
}

export interface HostView {
  /** `ls /var/lib/docker/overlay2`: every directory, the followed container's and others'. */
  readonly all: readonly string[];
  /** The followed container's directories, top first: upper, init, then its image's layers. */
  readonly dirs: readonly HostDir[];
  /** The l/ links the followed container uses: name → ../<dir>/diff. */
  readonly links: readonly (readonly [string, string])[];
}

/** The host's view of /var/lib/docker/overlay2 for the container, read from the engine's own /var/lib/docker. */
export function hostView(world: World, c: Container): HostView {
  const root = dockerRootTree(world).root;
  const ov2 = getIn(root, ['overlay2']);
  const overlay2 = ov2?.kind === 'dir' ? ov2 : null;
  const text = (dir: string, name: string): string | null => {
    const n = overlay2 ? getIn(overlay2, [dir, name]) : undefined;
    return n?.kind === 'file' ? fileText(n) : null;
  };
  const img = world.images.get(c.imageId);
  const ov = containerOverlay(world, c);
  const lowerDiffs = [c.upper, c.init, ...ov.lowers.slice(1)];
  const names = [
    c.mountId,
    `${c.mountId}-init`,
    ...[...(img?.chain ?? [])].reverse().map((ch) => world.layers.get(ch)?.cacheId ?? ''),
  ];
  const n = names.length;
  const dirs = names.map((name, level): HostDir => {
    const d = overlay2 ? getIn(overlay2, [name]) : undefined;
    const layer = lowerDiffs[level]!;
    return {
      name,
      role: level === 0 ? 'upper' : level === 1 ? 'init' : `layer ${n - level}`,
      layer: layer.id,
      entries: d?.kind === 'dir' ? [...d.children.keys()].sort() : [],
      link: text(name, 'link') ?? '',
      lower: text(name, 'lower'),
      diff: [...layer.root.children.keys()].sort(byteCompare),
    };
  });
  const l = overlay2 ? getIn(overlay2, ['l']) : undefined;
  const mine = new Set(dirs.map((d) => d.link));
  const links: [string, string][] = [];
  if (l?.kind === 'dir')
    for (const [name, node] of l.children)
      if (mine.has(name) && node.kind === 'symlink') links.push([name, node.target]);
  links.sort((a, b) => byteCompare(a[0], b[0]));
  const all = overlay2 ? [...overlay2.children.keys()].sort(byteCompare) : [];
  return { all, dirs, links };
}
