/**
 * What a shared or saved session holds: the lines typed (in order; restoring runs them again on a
 * fresh machine, which is deterministic), and the lesson and its step when one is open. Nothing in
 * it is ever evaluated: the lines go to the simulated shell, the lesson id is looked up by name.
 */
export interface SessionData {
  readonly commands: readonly string[];
  readonly lesson?: string;
  readonly step?: number;
}

/** Caps that keep a link or a saved state from freezing the page (a tampered one may be huge). */
export const LIMITS = {
  /** Characters of the encoded part of a link. */
  linkChars: 200_000,
  /** Bytes of the JSON once inflated (a small link could inflate to gigabytes). */
  jsonBytes: 1_000_000,
  commands: 5_000,
  /** The terminal keeps the first 4 000 characters of a line; a restored line may be no longer. */
  lineChars: 4_000,
  lessonChars: 64,
  step: 10_000,
} as const;

export const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Check untrusted JSON (from a link, the browser's storage or a file) against SessionData, naming
 * what is wrong. Unknown keys are ignored: a later version may add some.
 */
export function checkSessionData(json: unknown): Checked<SessionData> {
  if (!isObject(json)) return { ok: false, error: 'not a session object' };
  const { c: commands, l: lesson, s: step } = json;
  if (!Array.isArray(commands)) return { ok: false, error: 'the commands are missing' };
  if (commands.length > LIMITS.commands)
    return { ok: false, error: `too many commands (${commands.length}; at most ${LIMITS.commands})` };
  for (const [i, c] of commands.entries()) {
    if (typeof c !== 'string') return { ok: false, error: `command ${i + 1} is not text` };
    if (c.length > LIMITS.lineChars || /[\n\r]/.test(c))
      return { ok: false, error: `command ${i + 1} is too long or holds a line break` };
  }
  if (lesson !== undefined && (typeof lesson !== 'string' || !LESSON_ID.test(lesson)))
    return { ok: false, error: 'the lesson name is not valid' };
  if (
    step !== undefined &&
    (!Number.isInteger(step) || (step as number) < 0 || (step as number) > LIMITS.step)
  )
    return { ok: false, error: 'the step is not a valid number' };
  return {
    ok: true,
    value: {
      commands: commands as string[],
      ...(lesson === undefined ? {} : { lesson: lesson as string }),
      ...(step === undefined ? {} : { step: step as number }),
    },
  };
}

/** The compact JSON form (short keys: a link is read by machines, and shorter is friendlier to paste). */
export const toJson = (d: SessionData): Record<string, unknown> => ({
  c: d.commands,
  ...(d.lesson === undefined ? {} : { l: d.lesson }),
  ...(d.step === undefined ? {} : { s: d.step }),
});
