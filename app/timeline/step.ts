import type { AbsPath, LayerId } from '../engine/ids.ts';

/**
 * One step of an animation: what to highlight on the layer stack and the sentence that explains it.
 * A typed command becomes a list of steps (app/timeline/steps.ts); the player walks through them
 * forwards and backwards; the views draw the current one. Steps hold no engine state: the stack
 * always shows the engine state of the command they belong to.
 */
export type BandRef =
  | { readonly band: 'merged' }
  | { readonly band: 'work' }
  | { readonly band: 'layer'; readonly layer: LayerId };

export type TileMark =
  | 'probe' // the lookup is looking here
  | 'miss' // nothing here
  | 'hit' // found: this layer answers
  | 'stop' // a whiteout or opaque dir stopped the lookup
  | 'hidden' // below the stop: never looked at
  | 'source' // the original a copy-up reads from (it stays untouched)
  | 'copy' // the copy being made (in WorkDir, then in the upper)
  | 'new' // created here
  | 'changed' // written, chmod'ed, touched
  | 'gone'; // removed (no whiteout needed)

/** A tile to mark. Path '/' marks the band as a whole (a layer being committed, pulled, stacked). */
export interface TileHighlight {
  readonly at: BandRef;
  readonly path: AbsPath;
  readonly mark: TileMark;
}

export type StepKind =
  | 'lookup'
  | 'lookup-result'
  | 'copy-up-parents'
  | 'copy-up-prepare'
  | 'copy-up-move'
  | 'create'
  | 'write'
  | 'metadata'
  | 'remove'
  | 'whiteout'
  | 'opaque'
  | 'rename'
  | 'exdev'
  | 'elsewhere'
  | 'diff-line'
  | 'commit-freeze'
  | 'commit-tar'
  | 'commit-hash'
  | 'commit-layer'
  | 'image-created'
  | 'pull-layer'
  | 'container-created'
  | 'container-removed'
  | 'history'; // undo or redo: the machine jumped back or forward a whole command

export interface Step {
  readonly kind: StepKind;
  /** One sentence for the narration (English for now; app/i18n takes over in issue #5). */
  readonly text: string;
  readonly highlights: readonly TileHighlight[];
  /** The directory the stack should show while this step plays (its columns are that dir's entries). */
  readonly focusDir: AbsPath;
  /** Bytes this step moves or costs (a copy-up of a whole file, a layer's tar) — shown to the learner. */
  readonly bytes?: number;
  /** A value the view shows beside the step, verbatim: the digest a commit computes, a `docker diff` line. */
  readonly detail?: string;
  /** The image a step makes, by the name it was given (image-created: `nginx:test`), if any. */
  readonly image?: string;
  /** A pull-layer step of `docker load`: the layer came from an archive, not a registry. */
  readonly loaded?: true;
}
