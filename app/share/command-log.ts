import type { CommandRecord } from '../store/undo-slice.ts';

/**
 * The lines of the commands run since the machine started — what a link or a save holds. The undo
 * stack (`done`) forgets its oldest records past its cap, but restoring must run those too, so the
 * lines it forgets are kept here. Undo takes a line off the end, redo puts it back, as `done` does.
 */
export class CommandLog {
  private dropped: string[] = [];
  private last: readonly CommandRecord[] = [];

  /** Follow a new value of `done`; returns the lines run, oldest first. */
  update(done: readonly CommandRecord[]): readonly string[] {
    const first = done[0];
    if (first && this.last[0] !== first) {
      // The cap took records off the front: those before `first` in the old list are gone from `done`.
      const at = this.last.indexOf(first);
      if (at > 0) this.dropped.push(...this.last.slice(0, at).map((r) => r.line));
    }
    this.last = done;
    return this.lines();
  }

  /** The machine started over (a fresh machine): nothing has been run on it. */
  restart(): void {
    this.dropped = [];
    this.last = [];
  }

  lines(): readonly string[] {
    return [...this.dropped, ...this.last.map((r) => r.line)];
  }
}
