// Go values as the docker CLI holds them.
//
// `docker inspect -f` first executes the template on the CLI's typed structs (Go structs, maps,
// slices, pointers) and, when that fails, once more on the daemon's raw JSON decoded into
// map[string]interface{} with missingkey=error (cli/command/inspect/inspector.go). Both kinds of value
// live in GoValue, so printing ({running true …}, map[a:b], [x y]) and JSON encoding follow Go.

/** A Go value: string, int and bool as JS primitives; the rest tagged. */
export type GoValue =
  | string
  | number
  | boolean
  | { readonly t: 'num'; readonly text: string } // json.Number (raw JSON decoded with UseNumber)
  | { readonly t: 'float'; readonly v: number }
  | { readonly t: 'nil' } // a nil interface{}
  | { readonly t: 'invalid' } // no value: a missing map entry
  | { readonly t: 'slice'; readonly items: readonly GoValue[] | null; readonly elem: string }
  | {
      readonly t: 'map';
      readonly entries: ReadonlyMap<string, GoValue> | null;
      readonly elem: string;
      readonly zero: GoValue;
    }
  | { readonly t: 'struct'; readonly type: string; readonly fields: readonly GoField[] }
  | { readonly t: 'ptr'; readonly to: GoValue | null; readonly type: string }
  | { readonly t: 'time'; readonly sec: number | null };

export interface GoField {
  readonly name: string;
  readonly value: GoValue;
  /** `json:",omitempty"` */
  readonly omitempty?: boolean;
  /** An embedded struct (or pointer to one): its fields are promoted and flattened into the JSON. */
  readonly embedded?: boolean;
}

export const NIL: GoValue = { t: 'nil' };
export const INVALID: GoValue = { t: 'invalid' };

// ---- constructors used by the inspect builders

export const slice = (items: readonly GoValue[] | null, elem = 'string'): GoValue => ({
  t: 'slice',
  items,
  elem,
});
export const strMap = (
  entries: Readonly<Record<string, GoValue>> | null,
  elem = 'string',
  zero: GoValue = '',
): GoValue => ({
  t: 'map',
  entries: entries === null ? null : new Map(Object.entries(entries)),
  elem,
  zero,
});
export const ptr = (to: GoValue | null, type: string): GoValue => ({ t: 'ptr', to, type });
export const goTime = (sec: number | null): GoValue => ({ t: 'time', sec });
export function struct(
  type: string,
  fields: readonly (readonly [string, GoValue, ('omit' | 'embed' | undefined)?])[],
): GoValue {
  return {
    t: 'struct',
    type,
    fields: fields.map(([name, value, flag]) => ({
      name,
      value,
      ...(flag === 'omit' ? { omitempty: true } : {}),
      ...(flag === 'embed' ? { embedded: true } : {}),
    })),
  };
}

// ---- time

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** RFC 3339 with nanoseconds as Go's time.RFC3339Nano prints a UTC time (whole seconds here). */
export function rfc3339(sec: number | null): string {
  if (sec === null) return '0001-01-01T00:00:00Z';
  const d = new Date(sec * 1000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}Z`;
}

/** time.Time.String(): 2024-01-22 11:00:00 +0000 UTC. */
export const timeString = (sec: number | null): string =>
  `${rfc3339(sec).replace('T', ' ').replace('Z', '')} +0000 UTC`;

// ---- reflect

/** Map keys in the order fmt, encoding/json and text/template's range visit them. */
export const sortedKeys = (m: ReadonlyMap<string, GoValue>): string[] =>
  [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The static type's name, as reflect prints it in messages. */
export function typeName(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  switch (v.t) {
    case 'num':
      return 'json.Number';
    case 'float':
      return 'float64';
    case 'nil':
    case 'invalid':
      return 'interface {}';
    case 'slice':
      return `[]${v.elem}`;
    case 'map':
      return `map[string]${v.elem}`;
    case 'struct':
      return v.type;
    case 'ptr':
      return `*${v.type}`;
    case 'time':
      return 'time.Time';
  }
}

/** reflect's indirect: through pointers (and, for raw data, nil interfaces) to the value. */
export function indirect(v: GoValue): { v: GoValue; isNil: boolean } {
  let cur = v;
  while (typeof cur === 'object' && cur.t === 'ptr') {
    if (cur.to === null) return { v: cur, isNil: true };
    cur = cur.to;
  }
  if (typeof cur === 'object' && cur.t === 'nil') return { v: cur, isNil: true };
  return { v: cur, isNil: false };
}

export const isInvalid = (v: GoValue): boolean => typeof v === 'object' && v.t === 'invalid';
