import { LESSON_ID, LIMITS } from '../share/session-data.ts';

/**
 * The embed's postMessage API (README "Embedding"). Messages are `{type, data}` objects; anything else
 * — another shape, an unknown type, extra keys, data of the wrong kind — is ignored. Nothing in a
 * message is evaluated: `run` hands its line to the simulated shell, `loadLesson` names a lesson.
 */
export type Incoming =
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly data: 'forward' | 'back' }
  | { readonly type: 'loadLesson'; readonly data: { readonly lesson: string; readonly step: number } }
  | { readonly type: 'run'; readonly data: string };

/** What the embed tells its parent. */
export type Outgoing =
  | { readonly type: 'ready'; readonly data: { readonly version: 1; readonly lesson: string | null } }
  | {
      readonly type: 'stepChanged';
      readonly data: {
        readonly index: number;
        readonly count: number;
        readonly playing: boolean;
        readonly lessonStep: number | null;
      };
    }
  | {
      readonly type: 'commandRun';
      readonly data: { readonly command: string; readonly exitCode: number; readonly output: string };
    }
  | { readonly type: 'height'; readonly data: { readonly height: number } };

export const API_VERSION = 1;
/** A line from a message: as long as one the terminal keeps, and a single line. */
export const MAX_RUN_CHARS = LIMITS.lineChars;
/** The output sent back with commandRun is cut to this many characters. */
export const MAX_OUTPUT_CHARS = 10_000;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** A message from the parent, checked; null when it is not one of ours. */
export function parseIncoming(msg: unknown): Incoming | null {
  if (!isPlain(msg)) return null;
  const keys = Object.keys(msg);
  if (keys.some((k) => k !== 'type' && k !== 'data')) return null;
  const { type, data } = msg;
  switch (type) {
    case 'play':
    case 'pause':
      return data === undefined || data === null ? { type } : null;
    case 'step':
      if (data === undefined || data === null || data === 'forward') return { type, data: 'forward' };
      return data === 'back' ? { type, data } : null;
    case 'loadLesson': {
      if (typeof data === 'string')
        return LESSON_ID.test(data) ? { type, data: { lesson: data, step: 0 } } : null;
      if (!isPlain(data) || Object.keys(data).some((k) => k !== 'lesson' && k !== 'step')) return null;
      const { lesson, step = 0 } = data;
      if (typeof lesson !== 'string' || !LESSON_ID.test(lesson)) return null;
      if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > LIMITS.step) return null;
      return { type, data: { lesson, step } };
    }
    case 'run':
      return typeof data === 'string' &&
        data.length > 0 &&
        data.length <= MAX_RUN_CHARS &&
        !/[\r\n]/.test(data)
        ? { type, data }
        : null;
    default:
      return null;
  }
}
