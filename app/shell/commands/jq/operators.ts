// jq's arithmetic and comparison operators (+ - * / % == != < <= > >=) and its truthiness.

import { truncated } from './json-dump.ts';
import { fail } from './runtime.ts';
import type { JqObject, JqValue } from './value.ts';
import { compare, equal, isObject, kindOf } from './value.ts';

const both = (a: JqValue, b: JqValue): string =>
  `${kindOf(a)} (${truncated(a)}) and ${kindOf(b)} (${truncated(b)})`;

function deepMerge(a: JqObject, b: JqObject): JqObject {
  const out = new Map(a);
  for (const [k, v] of b) {
    const old = out.get(k);
    out.set(k, old !== undefined && isObject(old) && isObject(v) ? deepMerge(old, v) : v);
  }
  return out;
}

export function binop(op: string, a: JqValue, b: JqValue): JqValue {
  switch (op) {
    case '+':
      if (a === null) return b;
      if (b === null) return a;
      if (typeof a === 'number' && typeof b === 'number') return a + b;
      if (typeof a === 'string' && typeof b === 'string') return a + b;
      if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
      if (isObject(a) && isObject(b)) {
        const out = new Map(a);
        for (const [k, v] of b) out.set(k, v);
        return out;
      }
      return fail(`${both(a, b)} cannot be added`);
    case '-':
      if (typeof a === 'number' && typeof b === 'number') return a - b;
      if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => equal(x, y)));
      return fail(`${both(a, b)} cannot be subtracted`);
    case '*':
      if (typeof a === 'number' && typeof b === 'number') return a * b;
      if (
        (typeof a === 'string' && typeof b === 'number') ||
        (typeof a === 'number' && typeof b === 'string')
      ) {
        const s = typeof a === 'string' ? a : (b as string);
        const n = Math.trunc(typeof a === 'number' ? a : (b as number));
        if (n <= 0) return null;
        if (s.length * n > 64 << 20) return fail('Repeat string result too long');
        return s.repeat(n);
      }
      if (isObject(a) && isObject(b)) return deepMerge(a, b);
      return fail(`${both(a, b)} cannot be multiplied`);
    case '/':
      if (typeof a === 'number' && typeof b === 'number') {
        if (b === 0) return fail(`${both(a, b)} cannot be divided because the divisor is zero`);
        return a / b;
      }
      if (typeof a === 'string' && typeof b === 'string') return splitString(a, b);
      return fail(`${both(a, b)} cannot be divided`);
    case '%':
      if (typeof a === 'number' && typeof b === 'number') {
        const x = Math.trunc(a);
        const y = Math.trunc(b);
        if (y === 0) return fail(`${both(a, b)} cannot be divided (remainder) because the divisor is zero`);
        const r = x % y;
        return Object.is(r, -0) ? 0 : r;
      }
      return fail(`${both(a, b)} cannot be divided (remainder)`);
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    case '>=':
      return compare(a, b) >= 0;
  }
  return fail(`unknown operator ${op}`);
}

export function splitString(s: string, sep: string): JqValue[] {
  if (s === '') return [];
  if (sep === '') return [...s];
  return s.split(sep);
}

export const truthy = (v: JqValue): boolean => v !== null && v !== false;
