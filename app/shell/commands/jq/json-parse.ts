// jq's input parser: a port of jq 1.6's jv_parse.c state machine, so that messages and line/column
// numbers match.

import type { JqObject, JqValue } from './value.ts';

/** Nesting deeper than this is refused when parsing (jq 1.7's limit is 10000; JS stacks are smaller). */
export const MAX_DEPTH = 2000;

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
