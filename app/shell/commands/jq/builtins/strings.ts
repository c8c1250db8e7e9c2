// Strings as codepoints: case, explode/implode, prefixes and suffixes, split on a string.

import { splitString } from '../operators.ts';
import { fail } from '../runtime.ts';
import type { JqValue } from '../value.ts';
import type { Register } from './native.ts';
import { simple } from './native.ts';

function explode(v: JqValue): number[] {
  if (typeof v !== 'string') return fail('explode input must be a string');
  return [...v].map((c) => c.codePointAt(0)!);
}

function implode(v: JqValue): string {
  if (!Array.isArray(v)) return fail('implode input must be an array');
  return v
    .map((c) => {
      if (typeof c !== 'number') return fail('Unicode codepoint must be numeric');
      return String.fromCodePoint(Math.min(Math.max(0, Math.trunc(c)), 0x10ffff));
    })
    .join('');
}

export function addStrings(add: Register): void {
  add(
    'ascii_downcase/0',
    simple(0, (v) => implode(explode(v).map((c) => (c >= 65 && c <= 90 ? c + 32 : c)))),
  );
  add(
    'ascii_upcase/0',
    simple(0, (v) => implode(explode(v).map((c) => (c >= 97 && c <= 122 ? c - 32 : c)))),
  );
  add('explode/0', simple(0, explode));
  add('implode/0', simple(0, implode));
  add(
    'ltrimstr/1',
    simple(1, (v, p) =>
      typeof v === 'string' && typeof p === 'string' && v.startsWith(p) ? v.slice(p.length) : v,
    ),
  );
  add(
    'rtrimstr/1',
    simple(1, (v, p) =>
      typeof v === 'string' && typeof p === 'string' && v.endsWith(p) && p !== ''
        ? v.slice(0, v.length - p.length)
        : v,
    ),
  );
  add(
    'startswith/1',
    simple(1, (v, p) =>
      typeof v === 'string' && typeof p === 'string'
        ? v.startsWith(p)
        : fail('startswith() requires string inputs'),
    ),
  );
  add(
    'endswith/1',
    simple(1, (v, p) =>
      typeof v === 'string' && typeof p === 'string'
        ? v.endsWith(p)
        : fail('endswith() requires string inputs'),
    ),
  );
  add(
    'split/1',
    simple(1, (v, sep) =>
      typeof v === 'string' && typeof sep === 'string'
        ? splitString(v, sep)
        : fail('split input and separator must be strings'),
    ),
  );
}

export function addAscii(add: Register): void {
  add(
    'ascii/0',
    simple(0, (v) => (typeof v === 'number' ? String.fromCharCode(v) : fail('ascii requires a number'))),
  );
}
