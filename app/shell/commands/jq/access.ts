// Indexing and paths on jq values: .[k], .[a:b], .[], getpath, setpath and delpaths, with jq 1.6's
// error messages.

import { truncated } from './json-dump.ts';
import { fail } from './runtime.ts';
import type { JqValue } from './value.ts';
import { compare, equal, isObject, kindOf } from './value.ts';

function typeErr(v: JqValue): string {
  return kindOf(v);
}

export function index(v: JqValue, k: JqValue): JqValue {
  if (typeof k === 'string') {
    if (v === null) return null;
    if (isObject(v)) return v.get(k) ?? null;
    return fail(`Cannot index ${typeErr(v)} with string ${JSON.stringify(k)}`);
  }
  if (typeof k === 'number') {
    if (v === null) return null;
    if (Array.isArray(v)) {
      if (!Number.isInteger(k)) return null;
      const i = k < 0 ? v.length + k : k;
      return i >= 0 && i < v.length ? v[i]! : null;
    }
    return fail(`Cannot index ${typeErr(v)} with number`);
  }
  if (
    isObject(k) &&
    (v === null || Array.isArray(v) || typeof v === 'string') &&
    k.has('start') &&
    k.has('end')
  )
    return slice(v, k.get('start')!, k.get('end')!);
  if (Array.isArray(k) && Array.isArray(v)) return indices(v, k);
  if (v === null && isObject(k)) return null;
  return fail(`Cannot index ${typeErr(v)} with ${kindOf(k)}`);
}

export function indices(v: JqValue[], sub: JqValue[]): JqValue {
  const out: number[] = [];
  if (sub.length === 0) return null;
  for (let i = 0; i + sub.length <= v.length; i++) if (sub.every((x, j) => equal(x, v[i + j]!))) out.push(i);
  return out;
}

function sliceBounds(len: number, from: JqValue, to: JqValue): [number, number] {
  if ((from !== null && typeof from !== 'number') || (to !== null && typeof to !== 'number'))
    fail('Start and end indices of an array slice must be numbers');
  let s = from === null ? 0 : (from as number);
  let e = to === null ? len : (to as number);
  if (s < 0) s += len;
  if (e < 0) e += len;
  s = Math.min(Math.max(s, 0), len);
  e = Math.min(e, len);
  if (e < s) e = s;
  return [Math.floor(s), e > Math.floor(e) ? Math.floor(e) + 1 : e];
}

export function slice(v: JqValue, from: JqValue, to: JqValue): JqValue {
  if (v === null) return null;
  if (Array.isArray(v)) {
    const [s, e] = sliceBounds(v.length, from, to);
    return v.slice(s, e);
  }
  if (typeof v === 'string') {
    const cps = [...v];
    const [s, e] = sliceBounds(cps.length, from, to);
    return cps.slice(s, e).join('');
  }
  return fail(`Cannot index ${typeErr(v)} with object`);
}

export function* iterate(v: JqValue): Generator<[JqValue, JqValue]> {
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield [i, v[i]!];
  else if (isObject(v)) for (const [k, x] of v) yield [k, x];
  else fail(`Cannot iterate over ${typeErr(v)}${v === null ? ' (null)' : ` (${truncated(v)})`}`);
}

// ---- paths

export function getpath(v: JqValue, path: readonly JqValue[]): JqValue {
  let cur = v;
  for (const k of path) {
    if (cur === null) return null;
    cur = index(cur, k);
  }
  return cur;
}

export function setpath(v: JqValue, path: readonly JqValue[], value: JqValue, at = 0): JqValue {
  if (at === path.length) return value;
  const k = path[at]!;
  if (typeof k === 'string') {
    if (v !== null && !isObject(v)) return fail(`Cannot index ${typeErr(v)} with ${JSON.stringify(k)}`);
    const obj = new Map(v ?? []);
    obj.set(k, setpath(obj.get(k) ?? null, path, value, at + 1));
    return obj;
  }
  if (typeof k === 'number') {
    if (v !== null && !Array.isArray(v)) return fail(`Cannot index ${typeErr(v)} with number`);
    const arr = [...(v ?? [])];
    let i = Math.trunc(k);
    if (i < 0) {
      i += arr.length;
      if (i < 0) return fail('Out of bounds negative array index');
    }
    if (i > 1 << 24) return fail('Array index too large');
    while (arr.length < i) arr.push(null);
    arr[i] = setpath(arr[i] ?? null, path, value, at + 1);
    return arr;
  }
  if (isObject(k)) {
    if (v !== null && !Array.isArray(v)) return fail(`Cannot update field at object index of ${typeErr(v)}`);
    const arr = v ?? [];
    const [s, e] = sliceBounds(arr.length, k.get('start') ?? null, k.get('end') ?? null);
    const repl = setpath(arr.slice(s, e), path, value, at + 1);
    if (!Array.isArray(repl)) return fail('A slice of an array can only be assigned another array');
    return [...arr.slice(0, s), ...repl, ...arr.slice(e)];
  }
  return fail(`Invalid path component`);
}

export function delpaths(v: JqValue, paths: JqValue[]): JqValue {
  const sorted = [...paths].sort((a, b) => compare(b, a));
  let out = v;
  for (const p of sorted) {
    if (!Array.isArray(p)) return fail('Path must be specified as an array');
    out = delpath(out, p);
  }
  return out;
}

function delpath(v: JqValue, path: readonly JqValue[]): JqValue {
  if (path.length === 0) return null;
  if (v === null) return null;
  const [k, ...rest] = path as [JqValue, ...JqValue[]];
  if (rest.length > 0) {
    const child = index(v, k);
    if (child === null) return v;
    return setpath(v, [k], delpath(child, rest));
  }
  if (typeof k === 'string') {
    if (!isObject(v)) return fail(`Cannot delete field at object index of ${typeErr(v)}`);
    const obj = new Map(v);
    obj.delete(k);
    return obj;
  }
  if (typeof k === 'number') {
    if (!Array.isArray(v)) return fail(`Cannot delete field at index of ${typeErr(v)}`);
    const i = k < 0 ? v.length + k : Math.trunc(k);
    if (i < 0 || i >= v.length) return v;
    return [...v.slice(0, i), ...v.slice(i + 1)];
  }
  if (isObject(k) && Array.isArray(v)) {
    const [s, e] = sliceBounds(v.length, k.get('start') ?? null, k.get('end') ?? null);
    return [...v.slice(0, s), ...v.slice(e)];
  }
  return fail(`Invalid path component`);
}
