import type { CatalogSource } from '../engine/catalog/catalog.ts';
import type { World } from '../engine/docker/world.ts';
import type { ContainerId } from '../engine/ids.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { HostFile } from './host-files.ts';

/**
 * What the `docker` command needs from the machine it runs on: the daemon's state for the duration
 * of one typed line, the logical clock, and the ability to run programs inside containers (which
 * needs the shell itself, so the session provides it).
 */
export interface DockerHost {
  world(): World;
  setWorld(world: World): void;
  /** Advance the logical clock by one tick and return the new time (a daemon-side change, H4). */
  tick(): number;
  /** Run argv in a container, non-interactively (`docker exec c1 ls`, `docker run img cat /x`). */
  runProgram(id: ContainerId, argv: readonly string[], io: ProgramIo): number;
  /** Record daemon-side engine events (a commit, a pull …) for the timeline, in order. */
  emit?(events: readonly EngineEvent[]): void;
  /** The built-in image catalog as far as it is loaded; undefined when the machine has none. */
  catalog?(): CatalogSource | undefined;
  /** The language of Layerlab's own messages (the page's); English when not said. */
  language?(): 'en' | 'ko';
  /**
   * The line needs a catalog file that is not loaded yet: nothing of this line is kept; the page loads
   * the file and runs the line again (LineResult.needs). The command should stop at once.
   */
  needCatalogFile?(file: string): void;
  /** The bytes of a host file kept for `docker load` (by absolute path), if any. */
  hostFile?(path: string): HostFile | undefined;
  /** Keep bytes `docker save` wrote at an absolute host path. */
  writeHostFile?(path: string, bytes: Uint8Array): void;
  /**
   * The line loads a host file whose archive is not prepared yet: nothing of this line is kept; the
   * caller prepares it (asynchronously) and runs the line again (LineResult.needsArchive).
   */
  needArchive?(path: string): void;
  /** After this line the terminal continues in an interactive shell inside the container. */
  enterShell(id: ContainerId, shell: 'bash' | 'sh', onExit: 'none' | 'stop' | 'remove'): void;
}

export interface ProgramIo {
  readonly stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Services a command may use beyond its filesystem; absent where they make no sense (in a container). */
export interface Services {
  readonly docker?: DockerHost;
}
