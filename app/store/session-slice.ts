import type { StateCreator } from 'zustand/vanilla';
import type { ContainerId } from '../engine/ids.ts';
import type { OutputChunk, Session } from '../shell/session-api.ts';
import { pushHistory } from './history.ts';
import type { ShellApi } from './shell-api.ts';
import type { TranscriptEntry } from './transcript.ts';
import { appendEntry, capOutput, MAX_COMMAND_CHARS } from './transcript.ts';
import type { AppState } from './store.ts';

export interface SessionSlice {
  /** The simulated machine: the daemon's world and the stack of shells. */
  readonly session: Session;
  /** What the terminal shows before the cursor: '$ ' on the host, 'root@<id>:/# ' in a container. */
  readonly prompt: string;
  readonly transcript: readonly TranscriptEntry[];
  /** Lines typed, oldest first, for ↑/↓. */
  readonly history: readonly string[];
  /** The container the file panels show: the one whose shell is open, else the last one a command touched. */
  readonly focusContainerId: ContainerId | null;
  /** Run one typed line and append it, with what it printed, to the transcript. */
  run(line: string): void;
  /** Empty the transcript (Ctrl+L); the machine and the history stay. */
  clearTranscript(): void;
}

export const createSessionSlice =
  (shell: ShellApi): StateCreator<AppState, [], [], SessionSlice> =>
  (set, get) => {
    let nextId = 1;
    const session = shell.createSession();
    return {
      session,
      prompt: shell.promptOf(session),
      transcript: [],
      history: [],
      focusContainerId: null,
      run(line) {
        const { session, prompt, transcript, history, focusContainerId } = get();
        const result = runSafely(shell, session, line);
        const { output, omitted } = capOutput(result.output);
        const entry: TranscriptEntry = {
          id: nextId++,
          prompt,
          where: session.frames[session.frames.length - 1]?.where ?? 'host',
          command: line.length > MAX_COMMAND_CHARS ? line.slice(0, MAX_COMMAND_CHARS) : line,
          commandOmitted: Math.max(0, line.length - MAX_COMMAND_CHARS),
          output,
          outputOmitted: omitted,
          exitCode: result.exitCode,
        };
        set({
          session: result.session,
          prompt: shell.promptOf(result.session),
          transcript: appendEntry(transcript, entry),
          history: pushHistory(history, line),
          focusContainerId: focusAfter(session, result.session, focusContainerId),
        });
      },
      clearTranscript() {
        set({ transcript: [] });
      },
    };
  };

interface SafeResult {
  readonly session: Session;
  readonly output: readonly OutputChunk[];
  readonly exitCode: number;
}

/**
 * The shell promises never to throw; if a bug makes it throw anyway, the line fails with a message and
 * the machine stays as it was, so the person can keep typing.
 */
function runSafely(shell: ShellApi, session: Session, line: string): SafeResult {
  try {
    return shell.runLine(session, line);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      session,
      output: [{ stream: 'stderr', text: `layerlab: internal error: ${message}\n` }],
      exitCode: 70,
    };
  }
}

/** Which container the file panels follow after a line ran. */
export function focusAfter(prev: Session, next: Session, focus: ContainerId | null): ContainerId | null {
  const top = next.frames[next.frames.length - 1];
  if (top?.where === 'container' && top.containerId !== undefined) return top.containerId;
  // Containers are immutable records: one the line created or changed is a new object.
  let touched: ContainerId | null = null;
  for (const [id, c] of next.world.containers) if (prev.world.containers.get(id) !== c) touched = id;
  if (touched !== null) return touched;
  if (focus !== null && next.world.containers.has(focus)) return focus;
  let last: ContainerId | null = null;
  for (const id of next.world.containers.keys()) last = id;
  return last;
}
