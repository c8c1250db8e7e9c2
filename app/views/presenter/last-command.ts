import type { TranscriptEntry } from '../../store/transcript.ts';

/** What the presenter's banner shows of a transcript entry: its first lines of output, and how many more. */
export interface Shown {
  readonly lines: readonly string[];
  readonly more: number;
}

/** The first `max` lines the entry printed (stdout and stderr as they came), without a final empty line. */
export function firstLines(entry: TranscriptEntry, max: number): Shown {
  const text = entry.output.map((c) => c.text).join('');
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  return { lines: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}
