import type { LineResult, Session } from '../session.ts';
import { runLine } from '../session.ts';

/** What a run of typed lines printed, line by line, and the session after the last one. */
export interface Typed {
  readonly session: Session;
  /** stdout and stderr of each line, as the terminal shows them. */
  readonly out: string[];
  readonly stdout: string[];
  readonly stderr: string[];
  readonly codes: number[];
  readonly results: LineResult[];
}

/** Type lines at the terminal one after the other, as a person would (for tests). */
export function type(session: Session, ...lines: string[]): Typed {
  let s = session;
  const results: LineResult[] = [];
  for (const line of lines) {
    const r = runLine(s, line);
    s = r.session;
    results.push(r);
  }
  const text = (r: LineResult, stream?: 'stdout' | 'stderr'): string =>
    r.output
      .filter((c) => stream === undefined || c.stream === stream)
      .map((c) => c.text)
      .join('');
  return {
    session: s,
    out: results.map((r) => text(r)),
    stdout: results.map((r) => text(r, 'stdout')),
    stderr: results.map((r) => text(r, 'stderr')),
    codes: results.map((r) => r.exitCode),
    results,
  };
}
