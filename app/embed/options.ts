import type { Language } from '../i18n/i18n.ts';
import { parseLanguage } from '../i18n/i18n.ts';
import { LESSON_ID, LIMITS } from '../share/session-data.ts';
import type { Theme } from '../store/settings-slice.ts';
import type { Speed } from '../timeline/durations.ts';
import { SPEEDS } from '../timeline/durations.ts';

/**
 * The page's options from its URL's query: `?embed=1&lesson=…&step=…&lang=ko&theme=dark&autoplay=0
 * &speed=0.5&origin=https://blog.example`. Every value is checked against the few it may be; one that
 * is not is ignored (the default stays), as are names this version does not know.
 */
export interface PageOptions {
  readonly embed: boolean;
  readonly lesson?: string;
  readonly step?: number;
  readonly lang?: Language;
  readonly theme?: Theme;
  /** false: an animation waits for Play (or a `play` message) instead of starting by itself. */
  readonly autoplay?: boolean;
  readonly speed?: Speed;
  /** The parent page's origin: events go to it alone, and messages are taken from it alone. */
  readonly parentOrigin?: string;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

export function parsePageOptions(search: string): PageOptions {
  const q = new URLSearchParams(search);
  const get = (name: string): string | null => {
    const v = q.get(name);
    return v === null || v.length > 200 ? null : v.trim();
  };
  const flag = (name: string): boolean | undefined => {
    const v = get(name)?.toLowerCase() ?? '';
    return TRUE.has(v) ? true : FALSE.has(v) ? false : undefined;
  };
  const lesson = get('lesson');
  const step = get('step');
  const stepN = step !== null && /^\d{1,5}$/.test(step) ? Number(step) : NaN;
  const lang = parseLanguage(get('lang'));
  const theme = get('theme');
  const speed = Number(get('speed') ?? 'x');
  const autoplay = flag('autoplay');
  const origin = parseOrigin(get('origin'));
  return {
    embed: flag('embed') === true,
    ...(lesson !== null && LESSON_ID.test(lesson) ? { lesson } : {}),
    ...(stepN <= LIMITS.step ? { step: stepN } : {}),
    ...(lang ? { lang } : {}),
    ...(theme === 'light' || theme === 'dark' ? { theme } : {}),
    ...(autoplay === undefined ? {} : { autoplay }),
    ...(SPEEDS.includes(speed as Speed) ? { speed: speed as Speed } : {}),
    ...(origin ? { parentOrigin: origin } : {}),
  };
}

/** An http(s) origin written exactly as browsers write one (`https://blog.example:8443`), else null. */
export function parseOrigin(text: string | null): string | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text ? text : null;
  } catch {
    return null;
  }
}

/** The same page as a full app: the URL without the embed-only options. */
export function fullAppUrl(href: string): string {
  const url = new URL(href);
  for (const name of ['embed', 'origin']) url.searchParams.delete(name);
  return url.href;
}
