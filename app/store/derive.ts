import { containerOverlay } from '../engine/docker/containers.ts';
import { shortId } from '../engine/docker/images.ts';
import type { Container, World } from '../engine/docker/world.ts';
import type { Node } from '../engine/node.ts';
import { walkMerged } from '../engine/overlay.ts';
import { byteCompare, walk } from '../engine/tree.ts';

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
