import type { CatalogSource } from '../engine/catalog/catalog.ts';
import { lookupCatalog, pullCatalogImage } from '../engine/catalog/catalog.ts';
import { DEMO_IMAGE } from '../engine/catalog/demo.ts';
import type { ImageSpec } from '../engine/docker/images.ts';
import { addImage } from '../engine/docker/images.ts';
import { emptyWorld } from '../engine/docker/world.ts';
import { hostLayer } from '../engine/host.ts';
import { IMAGE_MTIME } from '../engine/layer.ts';
import { normalize } from '../engine/path.ts';
import { Machine } from './machine.ts';
import type { LineResult, Session, ShellFrame } from './session-api.ts';

export type { LineResult, Session, ShellFrame } from './session-api.ts';

export interface SessionOptions {
  /** Seed of the generator behind random ids (H3). */
  readonly seed?: number;
  /** Images present from the start, as if loaded (the replay's scenario images). */
  readonly images?: readonly ImageSpec[];
  /** Load the built-in `demo` image (default true). */
  readonly demo?: boolean;
  /** The built-in image catalog (docker pull/run of nginx, httpd …), as far as it is loaded. */
  readonly catalog?: CatalogSource;
  /**
   * Catalog images present from the start, as if pulled ('nginx'): their files must be loaded in
   * `catalog`; one that is not is left out.
   */
  readonly pulled?: readonly string[];
}

const HOST_FRAME: ShellFrame = {
  where: 'host',
  shellName: 'bash',
  cwd: normalize('/root'),
  env: new Map([
    ['HOME', '/root'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['PWD', '/root'],
    ['USER', 'root'],
    ['LANG', 'en_US.UTF-8'],
  ]),
  lastStatus: 0,
  onExit: 'none',
  history: [],
};

/** A fresh machine: the daemon with its images, the host shell at `$`. */
export function createSession(opts: SessionOptions = {}): Session {
  let world = emptyWorld(opts.seed);
  const specs = [...(opts.demo === false ? [] : [DEMO_IMAGE]), ...(opts.images ?? [])];
  for (const spec of specs) [world] = addImage(world, spec);
  for (const ref of opts.pulled ?? []) {
    const found = opts.catalog ? lookupCatalog(opts.catalog, ref) : undefined;
    if (found?.kind === 'image') world = pullCatalogImage(world, found.image, found.tag).world;
  }
  let ino = world.nextIno;
  const host = hostLayer(IMAGE_MTIME, () => ino++);
  return {
    world: { ...world, nextIno: ino },
    host,
    frames: [HOST_FRAME],
    ...(opts.catalog ? { catalog: opts.catalog } : {}),
  };
}

const MAX_LINE = 1_000_000;

/**
 * Run one line typed at the terminal. Never throws: a failure inside is reported as bash would
 * report an internal error, and the session before the line is kept.
 */
export function runLine(session: Session, line: string): LineResult {
  if (line.length > MAX_LINE) {
    const text = `bash: line too long (${line.length} characters; the limit is ${MAX_LINE})\n`;
    return { session, output: [{ stream: 'stderr', text }], exitCode: 2, events: [] };
  }
  try {
    const m = new Machine(session);
    const r = m.typeLine(line);
    // A catalog file is missing: keep nothing of this line; it runs again once the file is loaded.
    if (m.needs !== null)
      return { session, output: [], exitCode: 0, events: [], needs: { catalogFile: m.needs } };
    // A host archive must be read first (asynchronously): the same, once prepareHostFile has run.
    if (m.needsArchive !== null)
      return { session, output: [], exitCode: 0, events: [], needsArchive: m.needsArchive };
    return { session: m.session(), output: r.output, exitCode: r.exitCode, events: m.events };
  } catch (e) {
    const text = `bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`;
    return { session, output: [{ stream: 'stderr', text }], exitCode: 1, events: [] };
  }
}

/** The prompt the terminal shows before the next line. */
export function promptOf(session: Session): string {
  const f = session.frames[session.frames.length - 1]!;
  if (f.where === 'host') return '$ ';
  const home = f.env.get('HOME') ?? '/root';
  const cwd = f.cwd === home ? '~' : f.cwd.startsWith(home + '/') ? `~${f.cwd.slice(home.length)}` : f.cwd;
  return `root@${f.containerId!.slice(0, 12)}:${cwd}# `;
}
