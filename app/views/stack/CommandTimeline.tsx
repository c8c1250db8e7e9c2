import type { CommandRecord } from '../../store/undo-slice.ts';
import { useT } from '../../i18n/use-t.ts';
import { stackMessages } from './messages.ts';

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
  const t = useT(stackMessages);
  return (
    <div className="timeline">
      <div className="timeline__buttons" role="group" aria-label={t('history')}>
        <button
          type="button"
          className="button"
          onClick={onUndo}
          disabled={!last}
          title={last ? t('undoLine', { line: last.line }) : t('nothingToUndo')}
        >
          {t('undo')}
        </button>
        <button
          type="button"
          className="button"
          onClick={onRedo}
          disabled={!next}
          title={next ? t('redoLine', { line: next.line }) : t('nothingToRedo')}
        >
          {t('redo')}
        </button>
      </div>
      {all.length > 0 && (
        <ol className="timeline__commands" aria-label={t('commandsRun')} start={first + 1}>
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
                  title={isUndone ? t('redoUpTo', { line: r.line }) : t('goBackTo', { line: r.line })}
                  onClick={() => onGoTo(i + 1)}
                >
                  <span className="timeline__n">{i + 1}</span> {r.line || t('emptyLine')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
