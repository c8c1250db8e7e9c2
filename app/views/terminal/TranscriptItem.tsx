import { memo } from 'react';
import type { TranscriptEntry } from '../../store/transcript.ts';

const number = new Intl.NumberFormat('en');
const characters = (n: number) => `${number.format(n)} more character${n === 1 ? '' : 's'}`;

/** One typed line and what it printed. Text nodes only: nothing typed or printed is ever parsed as HTML. */
export const TranscriptItem = memo(function TranscriptItem({ entry }: { entry: TranscriptEntry }) {
  return (
    <div className="entry" data-testid="transcript-entry">
      <div className="entry__line">
        <span className={entry.where === 'container' ? 'prompt prompt--container' : 'prompt'}>
          {entry.prompt}
        </span>
        <span className="entry__command">{entry.command}</span>
        {entry.commandOmitted > 0 && (
          <span className="note"> … {characters(entry.commandOmitted)} not shown</span>
        )}
      </div>
      {entry.output.length > 0 && (
        <pre className="entry__output" data-testid="entry-output">
          {entry.output.map((chunk, i) => (
            <span
              key={i}
              data-stream={chunk.stream}
              className={chunk.stream === 'stderr' ? 'stderr' : undefined}
            >
              {chunk.text}
            </span>
          ))}
        </pre>
      )}
      {entry.outputOmitted > 0 && (
        <p className="note">[output truncated: {characters(entry.outputOmitted)} not shown]</p>
      )}
    </div>
  );
});
