/** Shared shapes of the conformance suite: scenario images, command templates and observed trees. */

/** One entry of a scenario image layer, exactly as REPLAY.md's scenario file spells it. */
export interface LayerEntry {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'whiteout';
  /** Octal string ('0644'); omitted means 0644 for files and 0755 for dirs. */
  readonly mode?: string;
  readonly content?: string;
  readonly target?: string;
  readonly opaque?: boolean;
}

export interface Layer {
  readonly entries: readonly LayerEntry[];
}

export interface ImageSpec {
  readonly ref: string;
  /** Bottom first, as in RootFS.Layers. */
  readonly layers: readonly Layer[];
}

/**
 * A token of a container command line: literal shell text, or an absolute container path that the
 * host rendering rebases onto the container's MergedDir.
 */
export type Token = string | { readonly path: string };

/** One line typed into the container's shell, as a template. */
export type Line = readonly Token[];

export interface Scenario {
  /** Also the file name under conformance/failures/. */
  readonly name: string;
  /** The generator seed for random scenarios; absent for the T cases. */
  readonly seed?: number;
  readonly image: ImageSpec;
  /** `docker run -v` arguments ('myvol:/data', '/anon'); the lines' paths below them reach the volume. */
  readonly volumes?: readonly string[];
  readonly lines: readonly Line[];
}

/** One path of a merged or upper tree, in REPLAY.md's output form. */
export interface TreeEntry {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'whiteout' | 'other';
  readonly mode?: string;
  readonly content?: string;
  readonly target?: string;
  readonly opaque?: true;
}

/** What one side reports for the scenario's container. */
export interface Observed {
  readonly merged: readonly TreeEntry[];
  readonly upper: readonly TreeEntry[];
  readonly diff: readonly string[];
  /** `docker ps -s`, commit and history; absent when the side could not get that far. */
  readonly daemon?: DaemonObserved;
}

/** One header of a layer tar, on the fields both sides compare (E2–E4). */
export interface TarListEntry {
  readonly name: string;
  /** The typeflag: '0' file (also whiteouts and opaque markers), '1' hard link, '2' symlink, '5' dir. */
  readonly type: string;
  /** Permission bits, 4-digit octal. */
  readonly mode: string;
  readonly size: number;
  /** Hard links and symlinks only: a whiteout's stale link name is one of E4's header details. */
  readonly linkname?: string;
}

/** What the daemon says about the scenario's container and `docker commit` of it (E5–E9, F1). */
export interface DaemonObserved {
  /** SizeRw in bytes. */
  readonly sizeRw: number;
  /** `docker ps -s`'s SIZE before " (virtual …)", e.g. "7B"; null when that command failed. */
  readonly psSize: string | null;
  /** `docker history` of the committed image: SIZE in bytes per row, newest first. */
  readonly historySizes: readonly number[];
  /** empty_layer of the committed config's newest history entry. */
  readonly emptyLayer: boolean;
  /** Diff IDs the commit added to the image's rootfs (0 or 1). */
  readonly layersAdded: number;
  /** The committed layer's tar, in archive order; null when no layer was added. */
  readonly tar: readonly TarListEntry[] | null;
}
