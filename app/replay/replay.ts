import type { CatalogSource } from '../engine/catalog/catalog.ts';
import { containerOverlay, initOverlay } from '../engine/docker/containers.ts';
import { changes, formatChanges } from '../engine/docker/diff.ts';
import type { World } from '../engine/docker/world.ts';
import type { Node } from '../engine/node.ts';
import { walkMerged } from '../engine/overlay.ts';
import { byteCompare, walk } from '../engine/tree.ts';
import type { Session } from '../shell/session.ts';
import { createSession, runLine } from '../shell/session.ts';
import type { PreparedFile } from './host-files.ts';
import { withFiles } from './host-files.ts';
import { withExtras } from './extra.ts';
import type { Scenario } from './scenario.ts';
import { fileText } from '../engine/content.ts';

/** One line of the replay's JSON output (shared/REPLAY.md). */
export interface ReplayOutput {
  readonly transcript: readonly { command: string; output: string; exitCode: number }[];
  readonly containers: readonly ContainerOut[];
  readonly images: readonly { ref: string; id: string; diffIds: readonly string[] }[];
}

export interface EntryOut {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'whiteout';
  readonly mode?: string;
  readonly content?: string;
  readonly target?: string;
  readonly opaque?: true;
}

export interface ContainerOut {
  readonly name: string;
  readonly id: string;
  readonly image: string;
  readonly merged: readonly EntryOut[];
  readonly upper: readonly EntryOut[];
  readonly diff: readonly string[];
}

/**
 * Replay a scenario headlessly through the same session, shell and engine as the page. With the
 * built-in catalog (the CLI reads it from public/catalog), `docker pull`/`docker run` of its images
 * work as in the page; the scenario's own images are there from the start, the catalog's only once
 * pulled.
 */
export function replay(scenario: Scenario, opts: ReplayOptions = {}): ReplayOutput {
  return replaySession(scenario, opts).output;
}

export interface ReplayOptions {
  readonly catalog?: CatalogSource;
  /** Archives on the host from the start, already read (`docker load -i` finds them: host-files.ts). */
  readonly files?: readonly PreparedFile[];
}

/** The replay and the session it ends with (whose host files hold what `docker save -o` wrote). */
export function replaySession(
  scenario: Scenario,
  opts: ReplayOptions = {},
): { output: ReplayOutput; session: Session } {
  let session = createSession({
    demo: false,
    images: scenario.images,
    ...(opts.catalog ? { catalog: opts.catalog } : {}),
  });
  if (opts.files) session = withFiles(session, opts.files);
  const transcript = scenario.commands.map((command) => {
    const r = runLine(session, command);
    session = r.session;
    return { command, output: r.output.map((c) => c.text).join(''), exitCode: r.exitCode };
  });
  const out = { transcript, containers: containersOut(session.world), images: imagesOut(session.world) };
  return { output: withExtras(out, session.world), session };
}

const octal = (mode: number): string => mode.toString(8).padStart(4, '0');

function entryOut(path: string, n: Node, upper: boolean): EntryOut {
  switch (n.kind) {
    case 'file':
      return { path, type: 'file', mode: octal(n.mode), content: fileText(n) };
    case 'dir':
      return upper && n.opaque
        ? { path, type: 'dir', mode: octal(n.mode), opaque: true }
        : { path, type: 'dir', mode: octal(n.mode) };
    case 'symlink':
      return { path, type: 'symlink', target: n.target };
    case 'whiteout':
      return { path, type: 'whiteout' };
  }
}

const byPath = (a: EntryOut, b: EntryOut): number => byteCompare(a.path, b.path);

export function containersOut(world: World): ContainerOut[] {
  return [...world.containers.values()]
    .sort((a, b) => byteCompare(a.name, b.name))
    .map((c) => {
      const ov = containerOverlay(world, c);
      const merged = [...walkMerged(ov)].map(([p, r]) => entryOut(p, r.node, false)).sort(byPath);
      const upper = [...walk(c.upper.root)].map(([p, n]) => entryOut(p, n, true)).sort(byPath);
      return {
        name: c.name,
        id: c.id,
        image: c.imageRef,
        merged,
        upper,
        diff: formatChanges(changes(ov, initOverlay(world, c))),
      };
    });
}

export function imagesOut(world: World): ReplayOutput['images'] {
  return [...world.tags.entries()]
    .sort(([a], [b]) => byteCompare(a, b))
    .map(([ref, id]) => {
      const img = world.images.get(id)!;
      return { ref, id, diffIds: img.config.rootfs.diff_ids };
    });
}
