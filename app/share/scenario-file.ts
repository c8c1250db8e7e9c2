import { parseScenario } from '../replay/scenario.ts';
import type { SessionData } from './session-data.ts';
import { checkSessionData, LIMITS } from './session-data.ts';

/**
 * A session as a file in the replay's scenario format (shared/REPLAY.md), so `npm run replay` reads
 * what the page exports, and the page reads a scenario whose images are the built-in catalog's.
 * Lesson and step ride along as an extra key, which the replay ignores.
 */
export function toScenarioFile(data: SessionData): string {
  const extra = data.lesson === undefined ? {} : { layerlab: { lesson: data.lesson, step: data.step ?? 0 } };
  return `${JSON.stringify({ images: [], commands: data.commands, ...extra }, null, 2)}\n`;
}

export type ImportError = 'tooLarge' | 'notJson' | 'notScenario' | 'ownImages' | 'invalid';
export type ImportResult =
  | { readonly ok: true; readonly data: SessionData }
  | { readonly ok: false; readonly error: ImportError; readonly detail: string };

export function fromScenarioFile(text: string): ImportResult {
  if (text.length > LIMITS.jsonBytes) return { ok: false, error: 'tooLarge', detail: `${text.length} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'notJson', detail: e instanceof Error ? e.message : String(e) };
  }
  const r = parseScenario(json);
  if (!r.ok) return { ok: false, error: 'notScenario', detail: r.error };
  // The page's machine starts from the built-in catalog; images of the file's own are the replay's.
  if (r.scenario.images.length > 0)
    return { ok: false, error: 'ownImages', detail: r.scenario.images.map((i) => i.ref).join(', ') };
  const extra = (json as Record<string, unknown>)['layerlab'];
  const lesson = typeof extra === 'object' && extra !== null ? (extra as Record<string, unknown>) : {};
  const checked = checkSessionData({ c: r.scenario.commands, l: lesson['lesson'], s: lesson['step'] });
  if (!checked.ok) return { ok: false, error: 'invalid', detail: checked.error };
  return { ok: true, data: checked.value };
}

export { LIMITS };
