/**
 * The lesson format: plain data (no functions, nothing run as code). Every text the learner reads is
 * given in English and Korean. Command lines and the strings of checks may name a container's ids
 * with placeholders, filled from the machine when the step is shown or checked (app/lesson/command.ts):
 * `{id:NAME}` (its short id, as the blog types it), `{mount:NAME}` (its overlay2 directory's name),
 * `{initLink:NAME}` (the l/ name of its -init layer).
 */
export interface Text {
  readonly en: string;
  readonly ko: string;
}

/** A part of the page a step points at. */
export type Area = 'stack' | 'explorer-diff' | 'explorer-host' | 'explorer-files' | 'terminal';
export const AREAS: readonly Area[] = [
  'stack',
  'explorer-diff',
  'explorer-host',
  'explorer-files',
  'terminal',
];

/**
 * A goal read from the machine (and the output of the lines run since the step began). Every kind is
 * implemented in app/lesson/checks.ts; `all` needs each of its checks.
 */
export type Check =
  | { readonly kind: 'outputContains'; readonly text: readonly string[] }
  | { readonly kind: 'outputLacks'; readonly text: readonly string[] }
  /** The output names every chain ID of the image's layers (the layerdb listing). */
  | { readonly kind: 'outputHasLayers'; readonly ref: string }
  | { readonly kind: 'exitCode'; readonly code: number }
  | { readonly kind: 'containerExists'; readonly name: string; readonly state?: ContainerStateName }
  | { readonly kind: 'containerGone'; readonly name: string }
  /** The terminal is in a shell of this container (by name), or of a container of this image. */
  | { readonly kind: 'insideContainer'; readonly name?: string; readonly image?: string }
  | { readonly kind: 'onHost' }
  | { readonly kind: 'cwdIs'; readonly path: string }
  | { readonly kind: 'imageExists'; readonly ref: string }
  /** The image is at least as large as another one (a later layer's rm frees nothing). */
  | { readonly kind: 'imageNotSmaller'; readonly ref: string; readonly than: string }
  | {
      readonly kind: 'pathInUpper';
      readonly container: string;
      readonly path: string;
      readonly type?: 'file' | 'dir';
      readonly content?: string;
    }
  | { readonly kind: 'whiteoutAt'; readonly container: string; readonly path: string }
  | { readonly kind: 'opaqueAt'; readonly container: string; readonly path: string }
  | {
      readonly kind: 'mergedHas';
      readonly container: string;
      readonly path: string;
      readonly content?: string;
    }
  | { readonly kind: 'mergedLacks'; readonly container: string; readonly path: string }
  | { readonly kind: 'diffEquals'; readonly container: string; readonly lines: readonly string[] }
  | { readonly kind: 'diffIncludes'; readonly container: string; readonly lines: readonly string[] }
  | { readonly kind: 'volumeHas'; readonly volume: string; readonly path: string; readonly content?: string }
  /** The container's writable layer holds at least this many bytes (`docker ps -s`'s SIZE). */
  | { readonly kind: 'upperSizeAtLeast'; readonly container: string; readonly bytes: number }
  | { readonly kind: 'all'; readonly checks: readonly Check[] };

export type CheckKind = Check['kind'];
export type ContainerStateName = 'created' | 'running' | 'exited';

export interface StepCommand {
  /** The line, exactly as the blog types it (placeholders allowed). */
  readonly line: string;
  /**
   * 'type': the step shows the line and a "Type it for me" button. 'you': the learner is asked to type
   * it (the button is still there as a way out); any line that reaches the goal passes.
   */
  readonly by: 'type' | 'you';
}

export interface Quiz {
  readonly question: Text;
  readonly choices: readonly Text[];
  /** Index of the right choice. */
  readonly answer: number;
  /** Shown after the guess, while the step's command plays the answer on the stack. */
  readonly explain: Text;
}

/** Figures a step may show beside its narration, drawn by the view from the machine. */
export type Figure = 'copy-vs-share' | 'union';
export const FIGURES: readonly Figure[] = ['copy-vs-share', 'union'];

export interface Step {
  readonly id: string;
  readonly narration: Text;
  readonly command?: StepCommand;
  readonly lookAt?: Text & { readonly area?: Area };
  /** Required with a command; a step without one (narration only) is done when shown. */
  readonly check?: Check;
  readonly quiz?: Quiz;
  readonly figure?: Figure;
}

export interface Lesson {
  readonly id: string;
  readonly kind: 'tour' | 'lesson' | 'quiz';
  readonly title: Text;
  readonly summary: Text;
  /**
   * The lesson assumes the machine the page starts with (nginx pulled, no containers, the terminal
   * on the host): started on a machine already used, the page offers to start it on a fresh one.
   */
  readonly fresh?: boolean;
  readonly steps: readonly Step[];
}
