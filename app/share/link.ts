import { deflate, fromBase64Url, inflate, toBase64Url, TooLarge } from './codec.ts';
import type { Checked, SessionData } from './session-data.ts';
import { checkSessionData, LIMITS, toJson } from './session-data.ts';

/**
 * A permalink: the session in the URL's fragment, `#v=1&s=<payload>`. The fragment is never sent to
 * a server (no request logs, no URL length limits of servers), and the page reads it as it loads.
 * `v` is the link's format version: each version keeps its decoder forever, so a link made today
 * still opens after the app is updated (link.test.ts pins one link of each version).
 */
export const LINK_VERSION = 1;

/** Why a link was refused; the page says each in words (app/views/share/messages.ts). */
export type LinkError = 'tooLarge' | 'unreadable' | 'invalid' | 'unknownVersion';

export type LinkResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly data: SessionData }
  | { readonly kind: 'error'; readonly error: LinkError; readonly detail: string };

type Decoder = (params: URLSearchParams) => Promise<Checked<SessionData> & { tooLarge?: boolean }>;

/** v1: `s` = base64url(deflate(JSON {c: commands, l?: lesson, s?: step})). */
const decodeV1: Decoder = async (params) => {
  const bytes = fromBase64Url(params.get('s') ?? '');
  if (!bytes || bytes.length === 0) return { ok: false, error: 'the data is not base64url' };
  let text: string;
  try {
    text = await inflate(bytes, LIMITS.jsonBytes);
  } catch (e) {
    if (e instanceof TooLarge) return { ok: false, error: 'the data inflates past the cap', tooLarge: true };
    return { ok: false, error: 'the data is not deflated UTF-8 text' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the data is not JSON' };
  }
  return checkSessionData(json);
};

const DECODERS: Readonly<Record<number, Decoder>> = { 1: decodeV1 };

/** The fragment's text (with or without '#') of a link holding this session. */
export async function encodeSession(data: SessionData): Promise<string> {
  const payload = toBase64Url(await deflate(JSON.stringify(toJson(data))));
  return `v=${LINK_VERSION}&s=${payload}`;
}

/** Read a URL fragment: no session in it, a session, or why it cannot be opened. */
export async function decodeSession(hash: string): Promise<LinkResult> {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > LIMITS.linkChars)
    return { kind: 'error', error: 'tooLarge', detail: `${text.length} characters` };
  const params = new URLSearchParams(text);
  if (!params.has('v') && !params.has('s')) return { kind: 'none' };
  const v = params.get('v') ?? '';
  const decoder = /^[1-9][0-9]{0,3}$/.test(v) ? DECODERS[Number(v)] : undefined;
  if (!decoder) return { kind: 'error', error: 'unknownVersion', detail: `v=${v.slice(0, 12)}` };
  const r = await decoder(params);
  if (r.ok) return { kind: 'ok', data: r.value };
  return { kind: 'error', error: r.tooLarge ? 'tooLarge' : 'invalid', detail: r.error };
}

/** The page's URL with this fragment in place of the old one (query and path kept). */
export function withFragment(href: string, fragment: string): string {
  const url = new URL(href);
  url.hash = fragment;
  return url.href;
}
