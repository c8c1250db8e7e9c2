import type { OutputChunk } from '../shell/session-api.ts';

/** One line typed at a prompt and what it printed, as the terminal panel shows it. */
export interface TranscriptEntry {
  /** Stable key for rendering; increases by one per line run. */
  readonly id: number;
  readonly prompt: string;
  /** Where the line was typed: the host's shell or a container's. */
  readonly where: 'host' | 'container';
  /** The line as typed, cut to MAX_COMMAND_CHARS. */
  readonly command: string;
  /** Characters of the command not kept. */
  readonly commandOmitted: number;
  /** Adjacent chunks of one stream merged; cut to MAX_OUTPUT_CHARS in all. */
  readonly output: readonly OutputChunk[];
  /** Characters of output not kept. */
  readonly outputOmitted: number;
  readonly exitCode: number;
}

// Caps that keep the page responsive whatever is pasted or printed: the DOM holds at most this much.
export const MAX_ENTRIES = 2000;
export const MAX_OUTPUT_CHARS = 200_000;
export const MAX_COMMAND_CHARS = 4_000;
/** All entries together; the oldest go first, the newest always stays. */
export const MAX_TRANSCRIPT_CHARS = 1_000_000;

/** Merge adjacent chunks of the same stream and cut the whole to `limit` characters. */
export function capOutput(
  chunks: readonly OutputChunk[],
  limit = MAX_OUTPUT_CHARS,
): { output: OutputChunk[]; omitted: number } {
  const output: OutputChunk[] = [];
  let kept = 0;
  let omitted = 0;
  for (const chunk of chunks) {
    if (chunk.text === '') continue;
    const room = limit - kept;
    const text = room >= chunk.text.length ? chunk.text : chunk.text.slice(0, Math.max(room, 0));
    omitted += chunk.text.length - text.length;
    kept += text.length;
    if (text === '') continue;
    const last = output[output.length - 1];
    if (last && last.stream === chunk.stream)
      output[output.length - 1] = { stream: last.stream, text: last.text + text };
    else output.push({ stream: chunk.stream, text });
  }
  return { output, omitted };
}

export const entrySize = (e: TranscriptEntry): number =>
  e.command.length + e.output.reduce((n, c) => n + c.text.length, 0);

/** Append an entry, then drop the oldest until both the count and the size caps hold. */
export function appendEntry(
  entries: readonly TranscriptEntry[],
  entry: TranscriptEntry,
  maxEntries = MAX_ENTRIES,
  maxChars = MAX_TRANSCRIPT_CHARS,
): TranscriptEntry[] {
  const out = [...entries, entry];
  let start = Math.max(0, out.length - maxEntries);
  let size = 0;
  for (let i = start; i < out.length; i++) size += entrySize(out[i]!);
  while (size > maxChars && start < out.length - 1) {
    size -= entrySize(out[start]!);
    start++;
  }
  return start === 0 ? out : out.slice(start);
}
