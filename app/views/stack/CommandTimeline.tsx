import type { CommandRecord } from '../../store/undo-slice.ts';

interface Props {
  readonly done: readonly CommandRecord[];
  readonly undone: readonly CommandRecord[];
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  /** Undo or redo until this many commands are done. */
  readonly onGoTo: (count: number) => void;
}

/** Commands shown at most; older ones are still undoable one by one. */
const SHOWN = 12;

/**
 * Undo and redo of whole commands, and the commands run so far as a row of steps to jump between:
 * the ones undone stay at the end, dimmed, until a new command replaces them.
 */
export function CommandTimeline({ done, undone, onUndo, onRedo, onGoTo }: Props) {
  const all = [...done, ...[...undone].reverse()];
  const first = Math.max(0, all.length - SHOWN);
  const last = done[done.length - 1];
  const next = undone[undone.length - 1];
  return (
    <div className="timeline">
      <div className="timeline__buttons" role="group" aria-label="History">
        <button
          type="button"
          className="button"
          onClick={onUndo}
          disabled={!last}
          title={last ? `Undo: ${last.line}` : 'Nothing to undo'}
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          onClick={onRedo}
          disabled={!next}
          title={next ? `Redo: ${next.line}` : 'Nothing to redo'}
        >
          Redo
        </button>
      </div>
      {all.length > 0 && (
        <ol className="timeline__commands" aria-label="Commands run" start={first + 1}>
          {all.slice(first).map((r, k) => {
            const i = first + k;
            const isUndone = i >= done.length;
            const current = i === done.length - 1;
            return (
              <li key={r.entry.id}>
                <button
                  type="button"
                  className={`timeline__command${isUndone ? ' timeline__command--undone' : ''}`}
                  aria-current={current ? 'step' : undefined}
                  title={isUndone ? `Redo up to: ${r.line}` : `Go back to just after: ${r.line}`}
                  onClick={() => onGoTo(i + 1)}
                >
                  <span className="timeline__n">{i + 1}</span> {r.line || '(empty line)'}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
