// Types, lengths, keys and membership, and the conversions to and from JSON text and numbers.

import { compact, truncated } from '../json-dump.ts';
import { parseOne } from '../json-parse.ts';
import { fail } from '../runtime.ts';
import type { JqValue } from '../value.ts';
import { compare, equal, isObject, kindOf } from '../value.ts';
import type { Register } from './native.ts';
import { simple } from './native.ts';

function length(v: JqValue): JqValue {
  if (v === null) return 0;
  if (typeof v === 'boolean') return fail(`boolean (${v}) has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  return v.size;
}

function keys(v: JqValue, sorted: boolean): JqValue {
  if (isObject(v)) {
    const k = [...v.keys()];
    return sorted ? k.sort((a, b) => compare(a, b)) : k;
  }
  if (Array.isArray(v)) return v.map((_, i) => i);
  return fail(`${kindOf(v)} (${truncated(v)}) has no keys`);
}

function has(v: JqValue, k: JqValue): JqValue {
  if (isObject(v) && typeof k === 'string') return v.has(k);
  if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length;
  return fail(`Cannot check whether ${kindOf(v)} has a ${kindOf(k)} key`);
}

function contains(a: JqValue, b: JqValue): boolean {
  if (isObject(a) && isObject(b)) return [...b].every(([k, v]) => a.has(k) && contains(a.get(k)!, v));
  if (Array.isArray(a) && Array.isArray(b)) return b.every((y) => a.some((x) => contains(x, y)));
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b);
  if (kindOf(a) === kindOf(b)) return equal(a, b);
  return fail(
    `${kindOf(a)} (${truncated(a)}) and ${kindOf(b)} (${truncated(b)}) cannot have their containment checked`,
  );
}

export const tostring = (v: JqValue): string => (typeof v === 'string' ? v : compact(v));

export function addValues(add: Register): void {
  add('length/0', simple(0, length));
  add(
    'utf8bytelength/0',
    simple(0, (v) =>
      typeof v === 'string'
        ? new TextEncoder().encode(v).length
        : fail(`${kindOf(v)} (${truncated(v)}) only strings have UTF-8 byte length`),
    ),
  );
  add(
    'keys/0',
    simple(0, (v) => keys(v, true)),
  );
  add(
    'keys_unsorted/0',
    simple(0, (v) => keys(v, false)),
  );
  add('has/1', simple(1, has));
  add('contains/1', simple(1, contains));
  add('type/0', simple(0, kindOf));
  add('tostring/0', simple(0, tostring));
  add('tojson/0', simple(0, compact));
  add(
    'fromjson/0',
    simple(0, (v) => {
      if (typeof v !== 'string') return fail(`${kindOf(v)} (${truncated(v)}) cannot be parsed as JSON`);
      const r = parseOne(v);
      return r.ok ? r.value : fail(r.error);
    }),
  );
  add(
    'tonumber/0',
    simple(0, (v) => {
      if (typeof v === 'number') return v;
      if (typeof v !== 'string') return fail(`${kindOf(v)} (${truncated(v)}) cannot be parsed as a number`);
      const r = parseOne(v);
      if (!r.ok) return fail(r.error);
      return typeof r.value === 'number'
        ? r.value
        : fail(`${kindOf(v)} (${truncated(v)}) cannot be parsed as a number`);
    }),
  );
}
