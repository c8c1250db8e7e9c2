import { memo } from 'react';
import type { TranscriptEntry } from '../../store/transcript.ts';
import { useT } from '../../i18n/use-t.ts';
import { terminalMessages } from './messages.ts';

const number = new Intl.NumberFormat('en');

/** One typed line and what it printed. Text nodes only: nothing typed or printed is ever parsed as HTML. */
export const TranscriptItem = memo(function TranscriptItem({ entry }: { entry: TranscriptEntry }) {
  // stderr is red only when the line failed: a command that succeeds may still write there (bash's
  // `exit`, docker run's "Unable to find image … locally" and pull progress), and that is no error.
  const failed = entry.exitCode !== 0;
  const t = useT(terminalMessages);
  const characters = (n: number) => t(n === 1 ? 'charactersOne' : 'charactersMany', { n: number.format(n) });
  return (
    <div className="entry" data-testid="transcript-entry">
      <div className="entry__line">
        <span className={entry.where === 'container' ? 'prompt prompt--container' : 'prompt'}>
          {entry.prompt}
        </span>
        <span className="entry__command">{entry.command}</span>
        {entry.commandOmitted > 0 && (
          <span className="note">{t('commandOmitted', { count: characters(entry.commandOmitted) })}</span>
        )}
      </div>
      {entry.output.length > 0 && (
        <pre className="entry__output" data-testid="entry-output">
          {entry.output.map((chunk, i) => (
            <span
              key={i}
              data-stream={chunk.stream}
              className={failed && chunk.stream === 'stderr' ? 'stderr' : undefined}
            >
              {chunk.text}
            </span>
          ))}
        </pre>
      )}
      {entry.outputOmitted > 0 && (
        <p className="note">{t('outputOmitted', { count: characters(entry.outputOmitted) })}</p>
      )}
    </div>
  );
});
