import type { Digest } from '../digest.ts';
import type { AbsPath, ContainerId } from '../ids.ts';
import type { Layer } from '../layer.ts';
import type { Rng } from './rng.ts';
import { seedRng } from './rng.ts';

/**
 * The simulated Docker daemon's whole state: the layer store, images and tags, containers, the
 * logical clock and the seeded generator. Immutable: every command returns a new World.
 */
export interface World {
  /** Logical time in whole seconds (H4); advances on every mutating command. */
  readonly clock: number;
  readonly rng: Rng;
  /** Image layers by chain ID (image/overlay2/layerdb/sha256/<chainID>). */
  readonly layers: ReadonlyMap<Digest, LayerRecord>;
  readonly images: ReadonlyMap<Digest, ImageRecord>;
  /** 'nginx:latest' → image ID. */
  readonly tags: ReadonlyMap<string, Digest>;
  /** In creation order. */
  readonly containers: ReadonlyMap<ContainerId, Container>;
  /** Volumes by name (/var/lib/docker/volumes/<name>/_data), in creation order (F4). */
  readonly volumes: ReadonlyMap<string, Volume>;
  /** Inode numbers handed to image layers as they are built. */
  readonly nextIno: number;
}

/** A local volume: a plain directory tree that containers mount over their rootfs (F4). */
export interface Volume {
  readonly name: string;
  readonly created: number;
  readonly driver: 'local';
  /** The volume's _data directory: a plain tree (an overlay with no lowers when mounted). */
  readonly tree: Layer;
  /** Made for `-v /path` with no name: `docker rm -v` and `--rm` remove it with its container (F3). */
  readonly anonymous: boolean;
  /** `docker volume create --label k=v`; null when none were given (dockerd prints `null`). */
  readonly labels: Readonly<Record<string, string>> | null;
  /** Next inode number for files made in this volume (unique inside the volume). */
  readonly nextIno: number;
}

export interface LayerRecord {
  readonly chainId: Digest;
  readonly diffId: Digest;
  readonly parent: Digest | null;
  /** The random 64-hex name of its /var/lib/docker/overlay2/<cacheID> directory (A2). */
  readonly cacheId: string;
  /** The 26-character name of its l/ symlink (A2). */
  readonly link: string;
  readonly layer: Layer;
  /** Σ st_size of the non-directories, hard links once (E7). */
  readonly size: number;
  /** Size of the layer's tar in bytes. */
  readonly tarSize: number;
  /**
   * The layer's tar exactly as `docker load` read it (uncompressed), for `docker save` to write back
   * unchanged: an imported tree may not hold every byte (binary files) or header detail its diff ID
   * was computed over. Absent for layers made here, whose tar `layerTar` reproduces.
   */
  readonly tar?: Uint8Array;
}

export interface HistoryEntry {
  readonly created: string;
  readonly created_by?: string;
  readonly author?: string;
  readonly comment?: string;
  readonly empty_layer?: boolean;
}

export interface ContainerConfig {
  readonly Env: readonly string[];
  readonly Cmd: readonly string[] | null;
  readonly Entrypoint: readonly string[] | null;
  readonly WorkingDir: string;
}

/** An image's config blob (E8), fields in the order dockerd's JSON has them. */
export interface ImageConfig {
  readonly architecture: string;
  readonly author?: string;
  readonly comment?: string;
  readonly config: ContainerConfig;
  /** The container a commit was made from, and its config then. */
  readonly container?: string;
  readonly container_config?: ContainerConfig & { readonly Hostname?: string; readonly Image?: string };
  readonly created: string;
  readonly docker_version?: string;
  readonly history: readonly HistoryEntry[];
  readonly os: string;
  readonly rootfs: { readonly type: 'layers'; readonly diff_ids: readonly Digest[] };
}

export interface ImageRecord {
  readonly id: Digest;
  readonly config: ImageConfig;
  /** The exact bytes hashed into the image ID (E8). */
  readonly configJson: string;
  /** Chain IDs of its layers, bottom first. */
  readonly chain: readonly Digest[];
  readonly parent: Digest | null;
}

export type ContainerState = 'created' | 'running' | 'exited';

export interface Container {
  readonly id: ContainerId;
  readonly name: string;
  readonly imageId: Digest;
  /** The image as the user named it in `docker run` (shown by `docker ps`). */
  readonly imageRef: string;
  /** Path and args of the main process (Entrypoint + Cmd). */
  readonly command: readonly string[];
  readonly created: number;
  readonly state: ContainerState;
  readonly exitCode: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly autoRemove: boolean;
  /** The random id of its overlay2 directories: <mountId>/ and <mountId>-init/ (A2). */
  readonly mountId: string;
  readonly initLink: string;
  readonly upperLink: string;
  readonly init: Layer;
  readonly upper: Layer;
  readonly nextIno: number;
  /** What lives outside the overlay at run time (A6). */
  readonly runtime: RuntimeFiles;
  readonly env: readonly string[];
  readonly workingDir: string;
  /** Volumes mounted over the rootfs (`-v`, `--mount type=volume`), in the order given (F4). */
  readonly mounts: readonly VolumeMount[];
  /** tmpfs mounts (`--tmpfs`): their trees live while the container runs, empty at each start. */
  readonly tmpfs: readonly TmpfsMount[];
  /** `--read-only`: the rootfs overlay and the /etc bind mounts are mounted read-only. */
  readonly readOnly: boolean;
  /** `-t` and `-i` as given at create (Config.Tty, Config.OpenStdin). */
  readonly tty: boolean;
  readonly openStdin: boolean;
}

/** A volume mounted in a container. */
export interface VolumeMount {
  readonly volume: string;
  /** Where it is mounted: the destination as given, canonical (symlinks resolved) once started. */
  readonly target: AbsPath;
  readonly readOnly: boolean;
  /** The mode field of `-v` ('ro', 'z', 'nocopy' …), as `docker inspect` shows it in Mounts. */
  readonly mode: string;
  /** Fill an empty volume with the image's content at the target on the next start (F4). */
  readonly copyData: boolean;
}

export interface TmpfsMount {
  readonly target: AbsPath;
  /** The options as given after the ':' (`size=64m,mode=700`). */
  readonly options: string;
  readonly readOnly: boolean;
  /** `mode=` option; otherwise the mode of the dir beneath, or 1777 for a new mount point. */
  readonly mode: number | null;
  readonly tree: Layer;
}

/** Trees mounted over the rootfs while the container runs: kept with the container across execs. */
export interface RuntimeFiles {
  /** Sources of the /etc/hosts, /etc/hostname and /etc/resolv.conf bind mounts. */
  readonly etc: Layer;
  readonly dev: Layer;
  readonly shm: Layer;
  readonly proc: Layer;
  readonly sys: Layer;
}

/** 2024-01-22 11:00:00 UTC, the blog post's date: the logical clock starts here (H4). */
export const START_CLOCK = 1705921200;
export const DEFAULT_SEED = 0x1a7e51ab;
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const emptyWorld = (seed = DEFAULT_SEED): World => ({
  clock: START_CLOCK,
  rng: seedRng(seed),
  layers: new Map(),
  images: new Map(),
  tags: new Map(),
  containers: new Map(),
  volumes: new Map(),
  nextIno: 1,
});

/** RFC 3339 as Docker prints it in configs: 2024-01-22T11:00:00Z. */
export const isoTime = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
