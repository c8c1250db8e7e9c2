// encoding/json on Go values: json.Marshal (dockerd's output and the CLI's `json` function),
// json.Indent, and the raw JSON the CLI decodes into interface{} for its second try.

import type { GoValue } from './go-values.ts';
import { NIL, rfc3339, slice, sortedKeys } from './go-values.ts';

export interface JsonOptions {
  /** encoding/json's default; the docker CLI's `json` function turns it off. */
  readonly escapeHTML: boolean;
  /** Go ≥ 1.22 writes \b and \f; dockerd 20.10 (Go 1.19) wrote \u0008 and \u000c. */
  readonly shortBF: boolean;
}

export function jsonString(s: string, o: JsonOptions): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (o.shortBF && ch === '\b') out += '\\b';
    else if (o.shortBF && ch === '\f') out += '\\f';
    else if (
      c < 0x20 ||
      (o.escapeHTML && (ch === '<' || ch === '>' || ch === '&')) ||
      c === 0x2028 ||
      c === 0x2029
    )
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff)
      out += '\ufffd'; // a lone surrogate is invalid UTF-8 to Go
    else out += ch;
  }
  return out + '"';
}

function isEmpty(v: GoValue): boolean {
  if (typeof v === 'string') return v === '';
  if (typeof v === 'number') return v === 0;
  if (typeof v === 'boolean') return !v;
  switch (v.t) {
    case 'nil':
    case 'invalid':
      return true;
    case 'ptr':
      return v.to === null;
    case 'slice':
      return v.items === null || v.items.length === 0;
    case 'map':
      return v.entries === null || v.entries.size === 0;
    case 'num':
      return v.text === '';
    case 'float':
      return v.v === 0;
    default:
      return false;
  }
}

/** The fields a struct marshals, embedded structs flattened (a nil embedded pointer gives none). */
function jsonFields(v: Extract<GoValue, { t: 'struct' }>): [string, GoValue][] {
  const out: [string, GoValue][] = [];
  for (const f of v.fields) {
    if (f.embedded) {
      const inner = typeof f.value === 'object' && f.value.t === 'ptr' ? f.value.to : f.value;
      if (inner !== null && typeof inner === 'object' && inner.t === 'struct') out.push(...jsonFields(inner));
      continue;
    }
    if (f.omitempty && isEmpty(f.value)) continue;
    out.push([f.name, f.value]);
  }
  return out;
}

/** json.Marshal: compact, struct fields in order, map keys sorted. */
export function goJson(v: GoValue, o: JsonOptions): string {
  if (typeof v === 'string') return jsonString(v, o);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  switch (v.t) {
    case 'num':
      return v.text;
    case 'float':
      return Number.isFinite(v.v) ? String(v.v) : 'null';
    case 'nil':
    case 'invalid':
      return 'null';
    case 'time':
      return jsonString(rfc3339(v.sec), o);
    case 'ptr':
      return v.to === null ? 'null' : goJson(v.to, o);
    case 'slice':
      return v.items === null ? 'null' : `[${v.items.map((x) => goJson(x, o)).join(',')}]`;
    case 'map':
      if (v.entries === null) return 'null';
      return `{${sortedKeys(v.entries)
        .map((k) => `${jsonString(k, o)}:${goJson(v.entries!.get(k)!, o)}`)
        .join(',')}}`;
    case 'struct':
      return `{${jsonFields(v)
        .map(([k, x]) => `${jsonString(k, o)}:${goJson(x, o)}`)
        .join(',')}}`;
  }
}

/** encoding/json.Indent with no prefix: `[]` and `{}` stay as they are. */
export function jsonIndent(compact: string, indent: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += compact[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    const nl = (): string => '\n' + indent.repeat(depth);
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '[' || c === '{') {
      const close = c === '[' ? ']' : '}';
      if (compact[i + 1] === close) {
        out += c + close;
        i++;
      } else {
        depth++;
        out += c + nl();
      }
    } else if (c === ']' || c === '}') {
      depth--;
      out += nl() + c;
    } else if (c === ',') out += ',' + nl();
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out;
}

/** The raw JSON decoded into interface{} (UseNumber): structs become maps, ints json.Number. */
export function toRaw(v: GoValue): GoValue {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return { t: 'num', text: String(v) };
  switch (v.t) {
    case 'num':
    case 'nil':
      return v;
    case 'float':
      return { t: 'num', text: goJson(v, { escapeHTML: false, shortBF: true }) };
    case 'invalid':
      return NIL;
    case 'time':
      return rfc3339(v.sec);
    case 'ptr':
      return v.to === null ? NIL : toRaw(v.to);
    case 'slice':
      return v.items === null ? NIL : slice(v.items.map(toRaw), 'interface {}');
    case 'map':
      return v.entries === null ? NIL : rawMap([...v.entries].map(([k, x]) => [k, toRaw(x)]));
    case 'struct':
      return rawMap(jsonFields(v).map(([k, x]) => [k, toRaw(x)]));
  }
}

const rawMap = (entries: [string, GoValue][]): GoValue => ({
  t: 'map',
  entries: new Map(entries),
  elem: 'interface {}',
  zero: NIL,
});
