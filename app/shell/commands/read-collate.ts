import { byteOrder } from '../lang/byte-order.ts';
import type { Where } from '../types.ts';

/**
 * String order for ls and sort (SEMANTICS.md H2). In a container no locale is set, so the C locale's
 * strcmp order applies: `TEST  bin  boot`. On the host (en_US.UTF-8) glibc collates by ISO 14651 in
 * levels: letters and digits first, case-folded, punctuation ignored (`lib lib32 lib64 libx32`,
 * `docker-entrypoint.d` before `docker-entrypoint.sh`, `srv  TEST  tmp`); then accents; then case
 * (lower before upper); the last word goes to byte order, so the order is total and deterministic.
 * This approximates glibc: it does not reproduce its tables for every script.
 */

interface Key {
  /** Level 1: alphanumerics only, lowercased, accents stripped. */
  readonly base: string;
  /** Level 2: the accents (combining marks), in order. */
  readonly accents: string;
  /** Level 3: one '0' (lower or caseless) or '1' (upper) per alphanumeric. */
  readonly cases: string;
  readonly raw: string;
}

const ALNUM = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

function keyOf(s: string): Key {
  let base = '';
  let accents = '';
  let cases = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) {
        base += ch;
        cases += '0';
      } else if (c >= 0x41 && c <= 0x5a) {
        base += String.fromCharCode(c + 32);
        cases += '1';
      } else if (c >= 0x30 && c <= 0x39) {
        base += ch;
        cases += '0';
      }
      continue;
    }
    if (!ALNUM.test(ch)) continue;
    const lower = ch.toLowerCase();
    cases += lower !== ch ? '1' : '0';
    for (const part of lower.normalize('NFD')) {
      if (MARK.test(part)) accents += part;
      else base += part;
    }
  }
  return { base, accents, cases, raw: s };
}

function compareKeys(a: Key, b: Key): number {
  return (
    byteOrder(a.base, b.base) ||
    byteOrder(a.accents, b.accents) ||
    byteOrder(a.cases, b.cases) ||
    byteOrder(a.raw, b.raw)
  );
}

/** Collation keys computed once per string, for sorting many strings (ls of 100k names, sort(1)). */
export interface Collation {
  key(s: string): CollationKey;
  compare(a: CollationKey, b: CollationKey): number;
}
export type CollationKey = Key;

const C_LOCALE: Collation = {
  key: (raw) => ({ base: '', accents: '', cases: '', raw }),
  compare: (a, b) => byteOrder(a.raw, b.raw),
};
const UTF8_LOCALE: Collation = { key: keyOf, compare: compareKeys };

/** How strcoll(3) orders strings where the command runs. */
export const collation = (where: Where): Collation => (where === 'container' ? C_LOCALE : UTF8_LOCALE);

/** Sort items by a string, stably, as strcoll would order them. */
export function sortBy<T>(items: readonly T[], text: (item: T) => string, where: Where): T[] {
  if (where === 'container') return [...items].sort((a, b) => byteOrder(text(a), text(b)));
  const keyed = items.map((item) => ({ item, key: keyOf(text(item)) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((k) => k.item);
}
