// jq's values, and their ordering and equality (jv_cmp) that sort, unique, group_by, ==, < … use.

/** A JSON value as jq holds it: objects keep insertion order. */
export type JqValue = null | boolean | number | string | JqValue[] | JqObject;
export type JqObject = Map<string, JqValue>;

export const isObject = (v: JqValue): v is JqObject => v instanceof Map;

export function kindOf(v: JqValue): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  return typeof v as 'boolean' | 'number' | 'string';
}

export const byCodepoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const ORDER = { null: 0, boolean: 1, number: 3, string: 4, array: 5, object: 6 } as const;
const rank = (v: JqValue): number => (v === false ? 1 : v === true ? 2 : ORDER[kindOf(v)]);

export function compare(a: JqValue, b: JqValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return byCodepoint(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length < 0 ? -1 : a.length > b.length ? 1 : 0;
  }
  if (a instanceof Map && b instanceof Map) {
    const ka = [...a.keys()].sort(byCodepoint);
    const kb = [...b.keys()].sort(byCodepoint);
    const c = compare(ka, kb);
    if (c !== 0) return c;
    for (const k of ka) {
      const d = compare(a.get(k)!, b.get(k)!);
      if (d !== 0) return d;
    }
    return 0;
  }
  return 0;
}

export const equal = (a: JqValue, b: JqValue): boolean => compare(a, b) === 0;
