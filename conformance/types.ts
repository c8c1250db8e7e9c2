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
}
