// jq's values, its input parser (a port of jq 1.6's jv_parse.c state machine, so that messages and
// line/column numbers match) and its printer (jv_dump: 2-space indent, 17-digit numbers).

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

/** Nesting deeper than this is refused when parsing (jq 1.7's limit is 10000; JS stacks are smaller). */
export const MAX_DEPTH = 2000;

// ---- the streaming parser

/** One value parsed, with the input line count when it was produced (for "at <stdin>:N"). */
export type Parsed =
  | { readonly ok: true; readonly value: JqValue; readonly line: number }
  | { readonly ok: false; readonly error: string };

type Frame =
  { kind: 'array'; items: JqValue[] } | { kind: 'object'; map: JqObject } | { kind: 'key'; key: string };

class ParseError {
  constructor(readonly msg: string) {}
}

/**
 * jq reads its input with fgets into a 4096-byte buffer and counts the chunks that hold a newline;
 * a value's error location is that count when the value was completed.
 */
function* chunks(text: string): Generator<{ text: string; newline: boolean }> {
  let i = 0;
  while (i < text.length) {
    let bytes = 0;
    let j = i;
    while (j < text.length) {
      const c = text.codePointAt(j)!;
      const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (bytes + size > 4095) break;
      bytes += size;
      j += c >= 0x10000 ? 2 : 1;
      if (c === 10) break;
    }
    if (j === i) j = i + 1;
    const piece = text.slice(i, j);
    yield { text: piece, newline: piece.includes('\n') };
    i = j;
  }
}

/** All values of a text, in order; a syntax error ends the stream (jq stops reading that input). */
export function* parseJsonStream(text: string): Generator<Parsed> {
  const p = new JvParser();
  let line = 0;
  for (const chunk of chunks(text)) {
    if (chunk.newline) line++;
    for (const ch of chunk.text) {
      let out: JqValue | undefined;
      try {
        out = p.scan(ch);
      } catch (e) {
        if (e instanceof ParseError) {
          yield { ok: false, error: `${e.msg} at line ${p.line}, column ${p.column}` };
          return;
        }
        throw e;
      }
      if (out !== undefined) yield { ok: true, value: out, line };
    }
  }
  const end = p.finish();
  if (end.kind === 'error') yield { ok: false, error: end.error };
  else if (end.kind === 'value') yield { ok: true, value: end.value, line };
}

/** Parse exactly one value (fromjson, tonumber, --argjson), with jq's "(while parsing '…')" suffix. */
export function parseOne(text: string): { ok: true; value: JqValue } | { ok: false; error: string } {
  const values: JqValue[] = [];
  for (const r of parseJsonStream(text)) {
    if (!r.ok) return { ok: false, error: `${r.error} (while parsing '${text}')` };
    values.push(r.value);
    if (values.length > 1)
      return { ok: false, error: `Unexpected extra JSON values (while parsing '${text}')` };
  }
  if (values.length === 0) return { ok: false, error: `Expected JSON value (while parsing '${text}')` };
  return { ok: true, value: values[0]! };
}

class JvParser {
  line = 1;
  column = 0;
  private stack: Frame[] = [];
  private next: JqValue | undefined = undefined;
  private token = '';
  private st: 'normal' | 'string' | 'escape' = 'normal';

  private value(v: JqValue): void {
    if (this.next !== undefined) throw new ParseError('Expected separator between values');
    this.next = v;
  }

  private checkLiteral(): void {
    if (this.token === '') return;
    const t = this.token;
    const pattern = t[0] === 't' ? 'true' : t[0] === 'f' ? 'false' : t[0] === 'n' ? 'null' : null;
    if (pattern !== null) {
      if (t !== pattern) throw new ParseError('Invalid literal');
      this.value(pattern === 'null' ? null : pattern === 'true');
    } else {
      // jvp_strtod: a C floating-point literal, nothing after it.
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && !/^[+-]?(inf|infinity|nan)$/i.test(t))
        throw new ParseError('Invalid numeric literal');
      const n = /nan/i.test(t)
        ? NaN
        : /inf/i.test(t)
          ? t.startsWith('-')
            ? -Infinity
            : Infinity
          : Number(t);
      this.value(n);
    }
    this.token = '';
  }

  private done(): JqValue | undefined {
    if (this.stack.length === 0 && this.next !== undefined) {
      const v = this.next;
      this.next = undefined;
      return v;
    }
    return undefined;
  }

  private structure(ch: string): void {
    const top = this.stack[this.stack.length - 1];
    switch (ch) {
      case '[':
      case '{':
        if (this.stack.length >= MAX_DEPTH) throw new ParseError('Exceeds depth limit for parsing');
        if (this.next !== undefined) throw new ParseError('Expected separator between values');
        this.stack.push(ch === '[' ? { kind: 'array', items: [] } : { kind: 'object', map: new Map() });
        return;
      case ':':
        if (this.next === undefined) throw new ParseError("Expected string key before ':'");
        if (!top || top.kind !== 'object') throw new ParseError("':' not as part of an object");
        if (typeof this.next !== 'string') throw new ParseError('Object keys must be strings');
        this.stack.push({ kind: 'key', key: this.next });
        this.next = undefined;
        return;
      case ',':
        if (this.next === undefined) throw new ParseError("Expected value before ','");
        if (!top) throw new ParseError("',' not as part of an object or array");
        if (top.kind === 'array') top.items.push(this.next);
        else if (top.kind === 'key') {
          this.stack.pop();
          (this.stack[this.stack.length - 1] as { map: JqObject }).map.set(top.key, this.next);
        } else throw new ParseError('Objects must consist of key:value pairs');
        this.next = undefined;
        return;
      case ']':
        if (!top || top.kind !== 'array') throw new ParseError("Unmatched ']'");
        if (this.next !== undefined) top.items.push(this.next);
        else if (top.items.length !== 0) throw new ParseError('Expected another array element');
        this.stack.pop();
        this.next = top.items;
        return;
      case '}': {
        if (!top) throw new ParseError("Unmatched '}'");
        if (this.next !== undefined) {
          if (top.kind !== 'key') throw new ParseError('Objects must consist of key:value pairs');
          this.stack.pop();
          const obj = this.stack[this.stack.length - 1] as { kind: 'object'; map: JqObject };
          obj.map.set(top.key, this.next);
          this.stack.pop();
          this.next = obj.map;
        } else {
          if (top.kind !== 'object') throw new ParseError("Unmatched '}'");
          if (top.map.size !== 0) throw new ParseError('Expected another key-value pair');
          this.stack.pop();
          this.next = top.map;
        }
        return;
      }
    }
  }

  private foundString(): void {
    const raw = this.token;
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c !== '\\') {
        if (c.charCodeAt(0) < 0x20)
          throw new ParseError(
            'Invalid string: control characters from U+0000 through U+001F must be escaped',
          );
        out += c;
        continue;
      }
      const e = raw[++i];
      if (e === undefined) throw new ParseError('Expected escape character at end of string');
      const simple: Record<string, string> = {
        '\\': '\\',
        '"': '"',
        '/': '/',
        b: '\b',
        f: '\f',
        t: '\t',
        n: '\n',
        r: '\r',
      };
      if (simple[e] !== undefined) {
        out += simple[e];
        continue;
      }
      if (e !== 'u') throw new ParseError('Invalid escape');
      const hex = raw.slice(i + 1, i + 5);
      if (hex.length < 4) throw new ParseError('Invalid \\uXXXX escape');
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new ParseError('Invalid characters in \\uXXXX escape');
      let cp = parseInt(hex, 16);
      i += 4;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        const lo = raw.slice(i + 1, i + 7);
        const m = /^\\u([0-9a-fA-F]{4})$/.exec(lo);
        const low = m ? parseInt(m[1]!, 16) : -1;
        if (!(low >= 0xdc00 && low <= 0xdfff))
          throw new ParseError('Invalid \\uXXXX\\uXXXX surrogate pair escape');
        cp = 0x10000 + (((cp - 0xd800) << 10) | (low - 0xdc00));
        i += 6;
      } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
      out += String.fromCodePoint(cp);
    }
    this.token = '';
    this.value(out);
  }

  /** One character; returns a completed top-level value, if any. */
  scan(ch: string): JqValue | undefined {
    const c = ch.codePointAt(0)!;
    this.column += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (ch === '\n') {
      this.line++;
      this.column = 0;
    }
    if (this.st !== 'normal') {
      if (ch === '"' && this.st === 'string') {
        this.foundString();
        this.st = 'normal';
        return this.done();
      }
      this.token += ch;
      if (this.token.length > 64 << 20) throw new ParseError('Token too long');
      this.st = ch === '\\' && this.st === 'string' ? 'escape' : 'string';
      return undefined;
    }
    const ws = ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
    const structural = '[,]{:}'.includes(ch);
    let answer: JqValue | undefined;
    if (ws || structural || ch === '"') {
      this.checkLiteral();
      answer = this.done();
    }
    if (ch === '"') this.st = 'string';
    else if (structural) this.structure(ch);
    else if (!ws) this.token += ch;
    return answer ?? this.done();
  }

  finish(): { kind: 'none' } | { kind: 'value'; value: JqValue } | { kind: 'error'; error: string } {
    const at = (msg: string): { kind: 'error'; error: string } => ({
      kind: 'error',
      error: `${msg} at EOF at line ${this.line}, column ${this.column}`,
    });
    if (this.st !== 'normal') return at('Unfinished string');
    try {
      this.checkLiteral();
    } catch (e) {
      if (e instanceof ParseError) return at(e.msg);
      throw e;
    }
    if (this.stack.length > 0) return at('Unfinished JSON term');
    if (this.next === undefined) return { kind: 'none' };
    return { kind: 'value', value: this.next };
  }
}

// ---- the printer

/** jvp_dtoa_fmt: the shortest round-trip digits; exponent form below 1e-4 or past 17 digits. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (!Number.isFinite(n)) n = n > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, expText] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const decpt = Number(expText) + 1;
  const sign = n < 0 ? '-' : '';
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = decpt - 1;
    const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length);
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** jvp_dump_string: jq escapes quotes, backslashes and control characters (and non-ASCII with -a). */
export function dumpString(s: string, ascii = false): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += ascii ? '\\ufffd' : '\ufffd';
    else if (ascii && c > 0x7f) {
      if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
      else {
        const v = c - 0x10000;
        out += `\\u${(0xd800 + (v >> 10)).toString(16)}\\u${(0xdc00 + (v & 0x3ff)).toString(16)}`;
      }
    } else out += ch;
  }
  return out + '"';
}

export interface DumpOptions {
  /** null: compact (-c); otherwise the indent unit ('  ', '\t', …). */
  readonly indent: string | null;
  readonly sortKeys: boolean;
  readonly ascii: boolean;
}

const byCodepoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** jv_dump_term. */
export function dump(v: JqValue, o: DumpOptions, depth = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return dumpString(v, o.ascii);
  const nl = o.indent === null ? '' : '\n' + o.indent.repeat(depth + 1);
  const end = o.indent === null ? '' : '\n' + o.indent.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => nl + dump(x, o, depth + 1)).join(',')}${end}]`;
  }
  if (v.size === 0) return '{}';
  const keys = o.sortKeys ? [...v.keys()].sort(byCodepoint) : [...v.keys()];
  const colon = o.indent === null ? ':' : ': ';
  return `{${keys.map((k) => `${nl}${dumpString(k, o.ascii)}${colon}${dump(v.get(k)!, o, depth + 1)}`).join(',')}${end}}`;
}

export const compact = (v: JqValue): string => dump(v, { indent: null, sortKeys: false, ascii: false });

/** jv_dump_string_trunc: what fits a C buffer of `size` bytes, its last three "..." when cut. */
export function truncated(v: JqValue, size = 15): string {
  const s = compact(v);
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= size - 1) return s;
  return new TextDecoder().decode(bytes.subarray(0, size - 4)) + '...';
}

// ---- ordering and equality (jv_cmp)

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
