// The @formats: @text, @json, @html, @uri, @csv, @tsv, @sh, @base64, @base64d.

import { compact, truncated } from '../json-dump.ts';
import type { Native } from '../runtime.ts';
import { fail } from '../runtime.ts';
import type { JqValue } from '../value.ts';
import { isObject, kindOf } from '../value.ts';
import type { Register } from './native.ts';
import { simple } from './native.ts';
import { tostring } from './values.ts';

const base64 = (s: string): string => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

function csvOrTsv(v: JqValue, kind: 'csv' | 'tsv'): string {
  if (!Array.isArray(v))
    return fail(`${kindOf(v)} (${truncated(v)}) cannot be ${kind}-formatted, only an array can be`);
  return v
    .map((x) => {
      if (typeof x === 'number') return compact(x);
      if (typeof x === 'boolean') return String(x);
      if (x === null) return '';
      if (typeof x === 'string')
        return kind === 'csv'
          ? `"${x.replace(/"/g, '""')}"`
          : x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
      return fail(`${kindOf(x)} (${truncated(x)}) is not valid in a csv row`);
    })
    .join(kind === 'csv' ? ',' : '\t');
}

function shQuote(v: JqValue): string {
  const one = (x: JqValue): string => {
    if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`;
    if (Array.isArray(x) || isObject(x))
      return fail(`${kindOf(x)} (${truncated(x)}) can not be escaped for shell`);
    return compact(x);
  };
  return Array.isArray(v) ? v.map(one).join(' ') : one(v);
}

function formats(): [string, Native][] {
  const f = (name: string, fn: (v: JqValue) => string): [string, Native] => [
    `@${name}`,
    simple(0, (v) => fn(v)),
  ];
  const text = (v: JqValue): string => tostring(v);
  return [
    f('text', text),
    f('json', (v) => compact(v)),
    f('html', (v) =>
      text(v).replace(
        /[<>&'"]/g,
        (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!,
      ),
    ),
    f('uri', (v) =>
      [...new TextEncoder().encode(text(v))]
        .map((b) =>
          /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
            ? String.fromCharCode(b)
            : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
        )
        .join(''),
    ),
    f('csv', (v) => csvOrTsv(v, 'csv')),
    f('tsv', (v) => csvOrTsv(v, 'tsv')),
    f('sh', shQuote),
    f('base64', (v) => base64(text(v))),
    f('base64d', (v) => {
      try {
        const bin = atob(text(v).replace(/=+$/, ''));
        return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
      } catch {
        return fail(`${kindOf(v)} (${truncated(v)}) is not valid base64 data`);
      }
    }),
  ];
}

export function addFormats(add: Register): void {
  for (const [k, n] of formats()) add(k, n);
}
