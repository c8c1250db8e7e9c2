import type { AbsPath, LayerId } from './ids.ts';
import type { NodeKind } from './node.ts';

/**
 * What the engine did and why, in the order it happened. The timeline (app/timeline) turns these into
 * animation steps and narration; the engine never knows how they are shown.
 */

/** What a lookup found in one layer while resolving a name (top to bottom). */
export type ProbeResult =
  | 'miss' // the layer has nothing at this path: look further down
  | 'hit' // a non-directory: it answers, everything below is hidden
  | 'hit-dir' // a directory: it is merged with same-named dirs further down
  | 'whiteout' // a whiteout: the name does not exist; stop
  | 'opaque' // an opaque directory: merged, but nothing below it is looked at
  | 'hidden'; // below a stop: never looked at

export interface Probe {
  readonly layer: LayerId;
  readonly result: ProbeResult;
}

export type EngineEvent =
  | {
      readonly type: 'lookup';
      readonly path: AbsPath;
      readonly probes: readonly Probe[];
      readonly found: NodeKind | null;
    }
  /** A copy-up: the object is prepared in WorkDir, then renamed into the upper (the kernel's way). */
  | {
      readonly type: 'copy-up';
      readonly path: AbsPath;
      readonly from: LayerId;
      readonly kind: NodeKind;
      readonly bytes: number;
      /** Why: a parent of something being changed, or the object's own data/metadata change. */
      readonly reason: 'parent' | 'write' | 'metadata' | 'rename' | 'link';
    }
  | { readonly type: 'create'; readonly path: AbsPath; readonly kind: NodeKind; readonly layer: LayerId }
  | { readonly type: 'write'; readonly path: AbsPath; readonly bytes: number; readonly append: boolean }
  | { readonly type: 'truncate'; readonly path: AbsPath; readonly size: number }
  | { readonly type: 'chmod'; readonly path: AbsPath; readonly mode: number }
  | { readonly type: 'chown'; readonly path: AbsPath; readonly uid: number; readonly gid: number }
  | { readonly type: 'utimes'; readonly path: AbsPath; readonly mtime: number }
  /** An object removed from the upper that no lower layer holds: nothing needs hiding. */
  | { readonly type: 'remove'; readonly path: AbsPath; readonly kind: NodeKind }
  | { readonly type: 'whiteout-created'; readonly path: AbsPath; readonly hides: LayerId | null }
  | {
      readonly type: 'opaque-marked';
      readonly path: AbsPath;
      readonly why: 'mkdir-over-whiteout' | 'rename-into-merged';
    }
  | { readonly type: 'rename'; readonly from: AbsPath; readonly to: AbsPath }
  /** rename(2) of a lower or merged directory: refused with EXDEV (redirect_dir=off). */
  | { readonly type: 'exdev'; readonly from: AbsPath; readonly to: AbsPath }
  | { readonly type: 'link'; readonly existing: AbsPath; readonly path: AbsPath }
  /** A write that went to a mount other than the overlay (bind mount, tmpfs, volume, /dev/null). */
  | { readonly type: 'write-elsewhere'; readonly path: AbsPath; readonly mount: string }
  | { readonly type: 'read'; readonly path: AbsPath; readonly layer: LayerId | null; readonly bytes: number }
  /** docker commit froze an upper into a new image layer: its tar hashed into a diff ID (E5, E6). */
  | {
      readonly type: 'layer-committed';
      readonly container: string;
      readonly diffId: string;
      readonly chainId: string;
      /** Bytes of the layer's tar. */
      readonly bytes: number;
      /** The layer's size as Docker counts it (E7). */
      readonly size: number;
    }
  | { readonly type: 'image-created'; readonly id: string; readonly ref: string | null }
  /** docker diff read the container's changes (D1–D4): only a read, told line by line. */
  | { readonly type: 'diff-listed'; readonly container: string; readonly lines: readonly string[] }
  /** docker pull registered a layer (or found its chain already in the layer store: "Already exists"). */
  | {
      readonly type: 'layer-pulled';
      readonly chainId: string;
      readonly diffId: string;
      /** The layer's size as Docker counts it (E7). */
      readonly size: number;
      readonly existed: boolean;
      /** It came from an archive (`docker load`), not a registry. */
      readonly loaded?: true;
    };

export type EngineEventType = EngineEvent['type'];
