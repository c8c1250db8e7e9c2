import type { CatalogSource } from '../engine/catalog/catalog.ts';
import type { World } from '../engine/docker/world.ts';
import type { ContainerId, AbsPath } from '../engine/ids.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { Layer } from '../engine/layer.ts';
import type { HostFiles } from './host-files.ts';

/**
 * The contract between the shell and everything above it (store, views, replay): a Session is the
 * whole simulated machine at one moment — the daemon's World plus the terminal's shells — and
 * `runLine` (app/shell/session.ts) turns one typed line into the next Session.
 */
export interface ShellFrame {
  readonly where: 'host' | 'container';
  /** The container this shell runs in (container frames only). */
  readonly containerId?: ContainerId;
  readonly shellName: 'bash' | 'sh';
  readonly cwd: AbsPath;
  readonly env: ReadonlyMap<string, string>;
  readonly lastStatus: number;
  /** Variables set by a plain `NAME=value` (not exported), and how many lines this shell has read. */
  readonly local?: ReadonlySet<string>;
  readonly lines?: number;
  /** What ends when this shell exits: nothing (`docker exec`), or the container (`docker run -it`). */
  readonly onExit: 'none' | 'stop' | 'remove';
  /** Lines typed in this shell, for bash's history file. */
  readonly history: readonly string[];
}

export interface Session {
  readonly world: World;
  /** The host's own filesystem (the `$` prompt's). */
  readonly host: Layer;
  /** The host shell first; an interactive `docker exec -it`/`run -it` pushes a container shell. */
  readonly frames: readonly ShellFrame[];
  /** The built-in image catalog, as far as it is loaded (docker pull/run of catalog images). */
  readonly catalog?: CatalogSource;
  /**
   * Bytes of host files that are archives (`docker load -i`, `docker save -o`): the page fills it from
   * a file picker, the replay from disk (host-files.ts). The host's tree shows these files by size.
   */
  readonly hostFiles?: HostFiles;
  /** The language of Layerlab's own messages in the terminal (what the tools print stays as they print it). */
  readonly language?: 'en' | 'ko';
}

export interface OutputChunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface LineResult {
  readonly session: Session;
  /** What the terminal shows, stdout and stderr interleaved. */
  readonly output: readonly OutputChunk[];
  readonly exitCode: number;
  /** The engine events of this line, in order, for the animation timeline. */
  readonly events: readonly EngineEvent[];
  /**
   * The line needs a file of the image catalog that is not loaded: nothing was kept (session is the
   * one before the line, no output). Load the file into session.catalog and run the line again.
   */
  readonly needs?: { readonly catalogFile: string };
  /**
   * The line loads a host file whose archive is not read yet (that is asynchronous: gunzip, hashing):
   * nothing was kept. Run `prepareHostFile` (host-files.ts) on that path and run the line again.
   */
  readonly needsArchive?: string;
}
