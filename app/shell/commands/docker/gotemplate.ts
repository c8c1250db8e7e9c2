// Go values as the docker CLI holds them, and the text/template subset its --format flag runs.
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
const INVALID: GoValue = { t: 'invalid' };

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
const timeString = (sec: number | null): string =>
  `${rfc3339(sec).replace('T', ' ').replace('Z', '')} +0000 UTC`;

// ---- JSON (encoding/json)

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

const sortedKeys = (m: ReadonlyMap<string, GoValue>): string[] =>
  [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

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

// ---- fmt

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

/** strconv.FormatFloat(f, 'g', -1, 64) with fmt's %v exponent threshold of 21. */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 21) return `${mant}e${exp < 0 ? '-' : '+'}${pad2(Math.abs(exp))}`;
  return String(f);
}

/** Stand-ins for the heap addresses fmt prints for nested pointers (random in Go; fixed here). */
class Addresses {
  private n = 0;
  next(): string {
    return `0xc000${(0x10000 + 0x40 * this.n++).toString(16).padStart(6, '0')}`;
  }
}

/** fmt's %v (plus: %+v with field names) of a value at the given depth. */
export function goSprint(v: GoValue, plus = false, depth = 0, addr = new Addresses()): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  switch (v.t) {
    case 'num':
      return v.text;
    case 'float':
      return goFloat(v.v);
    case 'nil':
      return '<nil>';
    case 'invalid':
      return '<invalid reflect.Value>';
    case 'time':
      return timeString(v.sec);
    case 'slice':
      return `[${(v.items ?? []).map((x) => goSprint(x, plus, depth + 1, addr)).join(' ')}]`;
    case 'map': {
      const m = v.entries ?? new Map<string, GoValue>();
      return `map[${sortedKeys(m)
        .map((k) => `${k}:${goSprint(m.get(k)!, plus, depth + 1, addr)}`)
        .join(' ')}]`;
    }
    case 'struct':
      return `{${v.fields
        .map((f) => (plus ? `${f.name}:` : '') + goSprint(f.value, plus, depth + 1, addr))
        .join(' ')}}`;
    case 'ptr':
      if (v.to === null) return '<nil>';
      if (
        depth === 0 &&
        typeof v.to === 'object' &&
        (v.to.t === 'struct' || v.to.t === 'slice' || v.to.t === 'map')
      )
        return '&' + goSprint(v.to, plus, depth + 1, addr);
      return addr.next();
  }
}

// ---- templates: lexing

export class TemplateError extends Error {}

type TokKind =
  | 'text'
  | 'open'
  | 'close'
  | 'space'
  | 'field'
  | 'var'
  | 'dot'
  | 'ident'
  | 'string'
  | 'number'
  | 'char'
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'char'
  | 'other'
  | 'eof';

interface Tok {
  readonly kind: TokKind;
  readonly text: string;
  readonly pos: number;
  readonly line: number;
}

const isAlnum = (c: string): boolean => /[\p{L}\p{Nd}_]/u.test(c);
const parseErr = (line: number, msg: string): TemplateError =>
  new TemplateError(`template: :${line}: ${msg}`);

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const lineAt = (p: number): number => {
    let n = 1;
    for (let k = 0; k < p; k++) if (src[k] === '\n') n++;
    return n;
  };
  while (i < src.length) {
    let open = src.indexOf('{{', i);
    if (open < 0) open = src.length;
    let textEnd = open;
    const trimLeft = open < src.length && src[open + 2] === '-' && /[ \t\r\n]/.test(src[open + 3] ?? '');
    if (trimLeft) while (textEnd > i && /[ \t\r\n]/.test(src[textEnd - 1]!)) textEnd--;
    if (textEnd > i) toks.push({ kind: 'text', text: src.slice(i, textEnd), pos: i, line });
    line = lineAt(open);
    if (open >= src.length) break;
    i = open + 2 + (trimLeft ? 2 : 0);
    // A comment must start right after the delimiter (and its trim marker).
    if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw parseErr(line, 'unclosed comment');
      let j = end + 2;
      let trimRight = false;
      if (src.startsWith(' -}}', j)) {
        trimRight = true;
        j += 2;
      }
      if (!src.startsWith('}}', j)) throw parseErr(line, 'comment ends before closing delimiter');
      i = j + 2;
      if (trimRight) while (i < src.length && /[ \t\r\n]/.test(src[i]!)) i++;
      line = lineAt(i);
      continue;
    }
    toks.push({ kind: 'open', text: '{{', pos: open, line });
    let parens = 0;
    for (;;) {
      if (i >= src.length) throw parseErr(line, 'unclosed action');
      const c = src[i]!;
      const at = i;
      if (src.startsWith(' -}}', i) || src.startsWith('\t-}}', i) || src.startsWith('\n-}}', i)) {
        i += 4;
        toks.push({ kind: 'close', text: '}}', pos: at + 2, line });
        while (i < src.length && /[ \t\r\n]/.test(src[i]!)) i++;
        break;
      }
      if (src.startsWith('}}', i)) {
        if (parens > 0) throw parseErr(line, 'unclosed left paren');
        i += 2;
        toks.push({ kind: 'close', text: '}}', pos: at, line });
        break;
      }
      if (/[ \t\r\n]/.test(c)) {
        while (i < src.length && /[ \t\r\n]/.test(src[i]!) && !src.startsWith(' -}}', i)) i++;
        toks.push({ kind: 'space', text: ' ', pos: at, line });
      } else if (c === '|') {
        toks.push({ kind: 'pipe', text: c, pos: at, line });
        i++;
      } else if (c === '(') {
        parens++;
        toks.push({ kind: 'lparen', text: c, pos: at, line });
        i++;
      } else if (c === ')') {
        if (--parens < 0) throw parseErr(line, 'unexpected right paren');
        toks.push({ kind: 'rparen', text: c, pos: at, line });
        i++;
      } else if (c === ',') {
        toks.push({ kind: 'comma', text: c, pos: at, line });
        i++;
      } else if (src.startsWith(':=', i)) {
        toks.push({ kind: 'declare', text: ':=', pos: at, line });
        i += 2;
      } else if (c === '=') {
        toks.push({ kind: 'assign', text: c, pos: at, line });
        i++;
      } else if (c === '"') {
        let j = i + 1;
        while (j < src.length && src[j] !== '"') {
          if (src[j] === '\\') j++;
          if (src[j] === '\n' || j >= src.length) throw parseErr(line, 'unterminated quoted string');
          j++;
        }
        if (j >= src.length) throw parseErr(line, 'unterminated quoted string');
        toks.push({ kind: 'string', text: src.slice(i, j + 1), pos: at, line });
        i = j + 1;
      } else if (c === '`') {
        const j = src.indexOf('`', i + 1);
        if (j < 0) throw parseErr(line, 'unterminated raw quoted string');
        toks.push({ kind: 'string', text: src.slice(i, j + 1), pos: at, line });
        i = j + 1;
      } else if (c === "'") {
        const m = /^'(\\.|[^\\'\n])'/u.exec(src.slice(i));
        if (!m) throw parseErr(line, 'unterminated character constant');
        toks.push({ kind: 'char', text: m[0], pos: at, line });
        i += m[0].length;
      } else if (c === '$' || c === '.') {
        let j = i + 1;
        while (j < src.length && isAlnum(src[j]!)) j++;
        const text = src.slice(i, j);
        if (c === '.' && /[0-9]/.test(src[i + 1] ?? '')) {
          const m = /^\.[0-9][0-9_]*([eE][+-]?[0-9]+)?/.exec(src.slice(i))!;
          toks.push({ kind: 'number', text: m[0], pos: at, line });
          i += m[0].length;
          continue;
        }
        toks.push({ kind: c === '$' ? 'var' : text === '.' ? 'dot' : 'field', text, pos: at, line });
        i = j;
      } else if (/[0-9+-]/.test(c)) {
        const m =
          /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9]+)?)/.exec(
            src.slice(i),
          );
        if (!m || m[0] === '+' || m[0] === '-') throw parseErr(line, `bad number syntax: "${c}"`);
        toks.push({ kind: 'number', text: m[0], pos: at, line });
        i += m[0].length;
        if (i < src.length && isAlnum(src[i]!))
          throw parseErr(line, `bad number syntax: "${m[0]}${src[i]!}"`);
      } else if (isAlnum(c)) {
        let j = i;
        while (j < src.length && isAlnum(src[j]!)) j++;
        toks.push({ kind: 'ident', text: src.slice(i, j), pos: at, line });
        i = j;
      } else if (c !== '}' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f) {
        // Other printable ASCII is an itemChar: the parser then finds it unexpected.
        toks.push({ kind: 'other', text: c, pos: at, line });
        i++;
      } else {
        const cp = c.codePointAt(0)!;
        throw parseErr(line, `bad character U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
      }
    }
    line = lineAt(i);
  }
  toks.push({ kind: 'eof', text: '', pos: src.length, line });
  return toks;
}

// ---- templates: parse tree

type Arg =
  | { readonly k: 'field'; readonly pos: number; readonly idents: readonly string[] }
  | { readonly k: 'var'; readonly pos: number; readonly idents: readonly string[] }
  | { readonly k: 'dot'; readonly pos: number }
  | { readonly k: 'nil'; readonly pos: number }
  | { readonly k: 'bool'; readonly pos: number; readonly v: boolean }
  | { readonly k: 'number'; readonly pos: number; readonly text: string; readonly v: GoValue }
  | { readonly k: 'string'; readonly pos: number; readonly text: string; readonly v: string }
  | { readonly k: 'ident'; readonly pos: number; readonly name: string }
  | { readonly k: 'chain'; readonly pos: number; readonly node: Arg; readonly fields: readonly string[] }
  | { readonly k: 'pipe'; readonly pos: number; readonly pipe: Pipeline };

interface Command {
  readonly pos: number;
  readonly args: readonly Arg[];
}
interface Pipeline {
  readonly pos: number;
  readonly decl: readonly string[];
  readonly assign: boolean;
  readonly cmds: readonly Command[];
}
interface ControlNode {
  readonly k: 'if' | 'range' | 'with';
  readonly pos: number;
  readonly pipe: Pipeline;
  readonly list: readonly Node[];
  readonly elseList: readonly Node[] | null;
}
type Node =
  | { readonly k: 'text'; readonly text: string }
  | { readonly k: 'action'; readonly pos: number; readonly pipe: Pipeline }
  | ControlNode
  | { readonly k: 'template'; readonly pos: number; readonly name: string; readonly pipe: Pipeline | null }
  | { readonly k: 'break' | 'continue'; readonly pos: number };

const FUNCS = new Set([
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
  'json',
  'split',
  'join',
  'title',
  'lower',
  'upper',
  'pad',
  'truncate',
]);

function argString(a: Arg): string {
  switch (a.k) {
    case 'field':
      return '.' + a.idents.join('.');
    case 'var':
      return a.idents.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(a.v);
    case 'number':
    case 'string':
      return a.text;
    case 'ident':
      return a.name;
    case 'chain':
      return `${a.node.k === 'pipe' ? `(${pipeString(a.node.pipe)})` : argString(a.node)}.${a.fields.join('.')}`;
    case 'pipe':
      return `(${pipeString(a.pipe)})`;
  }
}
const cmdString = (c: Command): string => c.args.map(argString).join(' ');
function pipeString(p: Pipeline): string {
  const decl = p.decl.length > 0 ? `${p.decl.join(', ')} ${p.assign ? '=' : ':='} ` : '';
  return decl + p.cmds.map(cmdString).join(' | ');
}

/** Go string, raw string and character literals. */
function unquote(text: string): string {
  if (text.startsWith('`')) return text.slice(1, -1);
  const body = text.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, e: string) => {
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      '\\': '\\',
      '"': '"',
      "'": "'",
    };
    if (e.length === 1) return simple[e] ?? e;
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return String.fromCodePoint(parseInt(e.slice(1), 16));
  });
}

function numberValue(text: string): GoValue {
  const t = text.replace(/_/g, '');
  if (/^[+-]?0[xX]/.test(t)) return parseInt(t, 16);
  if (/^[+-]?0[bB]/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]?0[bB]/, ''), 2);
  if (/^[+-]?0[oO]/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]?0[oO]/, ''), 8);
  if (/[.eE]/.test(t)) return { t: 'float', v: Number(t) };
  if (/^[+-]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  return Number(t);
}

class Parser {
  private i = 0;
  private vars: string[][] = [['$']];
  private rangeDepth = 0;
  readonly defines = new Map<string, Node[]>();

  constructor(private readonly toks: readonly Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i]!;
  }
  private next(): Tok {
    return this.toks[this.i++]!;
  }
  private nextNonSpace(): Tok {
    let t = this.next();
    while (t.kind === 'space') t = this.next();
    return t;
  }
  private peekNonSpace(): Tok {
    const save = this.i;
    const t = this.nextNonSpace();
    this.i = save;
    return t;
  }
  private fail(msg: string, t: Tok = this.toks[Math.max(0, this.i - 1)]!): never {
    throw parseErr(t.line, msg);
  }

  parseTop(): Node[] {
    const [list, end] = this.list();
    if (end !== 'eof') this.fail(`unexpected {{${end}}}`);
    return list;
  }

  /** Nodes up to {{end}}, {{else …}} or EOF; returns which ended it. */
  private list(): [Node[], 'end' | 'else' | 'eof'] {
    const out: Node[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') return [out, 'eof'];
      if (t.kind === 'text') {
        out.push({ k: 'text', text: t.text });
        continue;
      }
      // t is '{{'
      const kw = this.peekNonSpace();
      if (kw.kind === 'ident') {
        switch (kw.text) {
          case 'end':
            this.nextNonSpace();
            this.expectClose('end');
            return [out, 'end'];
          case 'else':
            this.nextNonSpace();
            return [out, 'else'];
          case 'if':
          case 'range':
          case 'with':
            this.nextNonSpace();
            out.push(this.control(kw.text, kw));
            continue;
          case 'template':
            this.nextNonSpace();
            out.push(this.templateCall());
            continue;
          case 'define':
            this.nextNonSpace();
            this.define();
            continue;
          case 'break':
          case 'continue':
            this.nextNonSpace();
            if (this.rangeDepth === 0) this.fail(`{{${kw.text}}} outside {{range}}`);
            this.expectClose(kw.text);
            out.push({ k: kw.text, pos: kw.pos });
            continue;
          case 'block':
            this.fail('{{block}} is not supported here');
        }
      }
      const pipe = this.pipeline('command');
      out.push({ k: 'action', pos: pipe.pos, pipe });
    }
  }

  private expectClose(context: string): void {
    const t = this.nextNonSpace();
    if (t.kind !== 'close') this.fail(`unexpected ${describe(t)} in ${context}`, t);
  }

  private control(kind: 'if' | 'range' | 'with', kw: Tok): Node {
    this.vars.push([]);
    const pipe = this.pipeline(kind);
    if (kind === 'range') this.rangeDepth++;
    const [list, firstEnd] = this.list();
    let end = firstEnd;
    if (kind === 'range') this.rangeDepth--;
    let elseList: Node[] | null = null;
    if (end === 'else') {
      // {{else if …}} / {{else with …}} chain into a nested node.
      const nxt = this.peekNonSpace();
      if (
        (kind === 'if' && nxt.kind === 'ident' && nxt.text === 'if') ||
        (kind === 'with' && nxt.kind === 'ident' && nxt.text === 'with')
      ) {
        this.nextNonSpace();
        elseList = [this.control(kind, nxt)];
        this.vars.pop();
        return { k: kind, pos: kw.pos, pipe, list, elseList };
      }
      this.expectClose('else');
      [elseList, end] = this.list();
    }
    if (end === 'eof') this.fail('unexpected EOF', this.toks[this.toks.length - 1]);
    if (end === 'else') this.fail('unexpected {{else}}');
    this.vars.pop();
    return { k: kind, pos: kw.pos, pipe, list, elseList };
  }

  private templateCall(): Node {
    const t = this.nextNonSpace();
    if (t.kind !== 'string') this.fail(`unexpected ${describe(t)} in template clause`, t);
    const name = unquote(t.text);
    let pipe: Pipeline | null = null;
    if (this.peekNonSpace().kind !== 'close') pipe = this.pipeline('template');
    else this.nextNonSpace();
    return { k: 'template', pos: t.pos, name, pipe };
  }

  private define(): void {
    const t = this.nextNonSpace();
    if (t.kind !== 'string') this.fail(`unexpected ${describe(t)} in define clause`, t);
    this.expectClose('define clause');
    const saved = this.vars;
    this.vars = [['$']];
    const [list, end] = this.list();
    this.vars = saved;
    if (end !== 'end') this.fail(end === 'eof' ? 'unexpected EOF' : 'unexpected {{else}}');
    this.defines.set(unquote(t.text), list);
  }

  private pipeline(context: string): Pipeline {
    const start = this.peekNonSpace();
    const decl: string[] = [];
    let assign = false;
    // $x := … / $x = … / $i, $e := …
    const save = this.i;
    const v = this.nextNonSpace();
    if (v.kind === 'var') {
      const after = this.peekNonSpace();
      if (after.kind === 'declare' || after.kind === 'assign') {
        this.nextNonSpace();
        decl.push(v.text);
        assign = after.kind === 'assign';
      } else if (after.kind === 'comma' && context === 'range') {
        this.nextNonSpace();
        const v2 = this.nextNonSpace();
        const op = this.nextNonSpace();
        if (v2.kind !== 'var' || (op.kind !== 'declare' && op.kind !== 'assign'))
          this.fail('too many declarations in range', op);
        decl.push(v.text, v2.text);
        assign = op.kind === 'assign';
      } else this.i = save;
    } else this.i = save;
    const cmds: Command[] = [];
    for (;;) {
      const t = this.peekNonSpace();
      if (t.kind === 'close' || t.kind === 'rparen') {
        this.nextNonSpace();
        if (t.kind === 'rparen' && context !== 'paren') this.fail('unexpected right paren', t);
        if (t.kind === 'close' && context === 'paren') this.fail('unclosed left paren', t);
        if (cmds.length === 0) this.fail(`missing value for ${context}`, t);
        break;
      }
      if (t.kind === 'pipe') {
        if (cmds.length === 0) this.fail(`unexpected "|" in command`, t);
        this.nextNonSpace();
        continue;
      }
      cmds.push(this.command());
    }
    if (!assign) for (const d of decl) this.vars[this.vars.length - 1]!.push(d);
    return { pos: decl.length > 0 ? start.pos : (cmds[0]?.pos ?? start.pos), decl, assign, cmds };
  }

  private command(): Command {
    const args: Arg[] = [];
    const pos = this.peekNonSpace().pos;
    for (;;) {
      const t = this.peekNonSpace();
      if (t.kind === 'close' || t.kind === 'rparen' || t.kind === 'pipe') break;
      args.push(this.operand());
      const after = this.peek();
      if (
        after.kind !== 'space' &&
        after.kind !== 'close' &&
        after.kind !== 'rparen' &&
        after.kind !== 'pipe'
      )
        this.fail(`unexpected ${describe(after)} in operand`, after);
    }
    if (args.length === 0) this.fail('empty command');
    return { pos, args };
  }

  private operand(): Arg {
    const node = this.term();
    if (this.peek().kind !== 'field') return node;
    const fields: string[] = [];
    const pos = this.peek().pos;
    while (this.peek().kind === 'field') fields.push(this.next().text.slice(1));
    if (node.k === 'field') return { k: 'field', pos, idents: [...node.idents, ...fields] };
    if (node.k === 'var') return { k: 'var', pos, idents: [...node.idents, ...fields] };
    if (
      node.k === 'bool' ||
      node.k === 'string' ||
      node.k === 'number' ||
      node.k === 'nil' ||
      node.k === 'dot'
    )
      this.fail(`unexpected . after term "${argString(node)}"`);
    return { k: 'chain', pos, node, fields };
  }

  private term(): Arg {
    const t = this.nextNonSpace();
    switch (t.kind) {
      case 'ident':
        if (t.text === 'true' || t.text === 'false') return { k: 'bool', pos: t.pos, v: t.text === 'true' };
        if (t.text === 'nil') return { k: 'nil', pos: t.pos };
        if (!FUNCS.has(t.text)) this.fail(`function "${t.text}" not defined`, t);
        return { k: 'ident', pos: t.pos, name: t.text };
      case 'dot':
        return { k: 'dot', pos: t.pos };
      case 'field':
        if (t.text === '.') this.fail('unexpected <.> in operand', t);
        return { k: 'field', pos: t.pos, idents: [t.text.slice(1)] };
      case 'var': {
        if (!this.vars.some((scope) => scope.includes(t.text)))
          this.fail(`undefined variable "${t.text}"`, t);
        return { k: 'var', pos: t.pos, idents: [t.text] };
      }
      case 'string':
        return { k: 'string', pos: t.pos, text: t.text, v: unquote(t.text) };
      case 'char':
        return {
          k: 'number',
          pos: t.pos,
          text: t.text,
          v: unquote(t.text.replace(/^'|'$/g, '"')).codePointAt(0) ?? 0,
        };
      case 'number':
        return { k: 'number', pos: t.pos, text: t.text, v: numberValue(t.text) };
      case 'lparen': {
        const pipe = this.pipeline('paren');
        return { k: 'pipe', pos: t.pos, pipe };
      }
      default:
        return this.fail(`unexpected ${describe(t)} in operand`, t);
    }
  }
}

const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'nil',
  'template',
  'with',
]);

/** How Go's lexer items print in parse errors: keywords and dot as <x>, the rest quoted. */
function describe(t: Tok): string {
  if (t.kind === 'eof') return 'EOF';
  if (t.kind === 'dot' || (t.kind === 'ident' && KEYWORDS.has(t.text))) return `<${t.text}>`;
  const text = t.kind === 'close' ? '}}' : t.text;
  return text.length > 10 ? `${JSON.stringify(text.slice(0, 10))}...` : JSON.stringify(text);
}

export interface Template {
  readonly src: string;
  readonly root: readonly Node[];
  readonly defines: ReadonlyMap<string, readonly Node[]>;
}

/** Parse a template; a syntax error comes back as `template: :LINE: …` (never thrown). */
export function parseTemplate(src: string): { ok: true; template: Template } | { ok: false; error: string } {
  try {
    const p = new Parser(lex(src));
    const root = p.parseTop();
    return { ok: true, template: { src, root, defines: p.defines } };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, error: e.message };
    return { ok: false, error: `template: :1: ${e instanceof Error ? e.message : String(e)}` };
  }
}

// ---- templates: execution

export interface ExecOptions {
  /** missingkey=error, as the CLI's second try on the raw JSON sets it. */
  readonly missingKeyError: boolean;
  /** The data is raw JSON held in interface{}: errors name the static type `interface {}`. */
  readonly raw: boolean;
}

const MAX_OUTPUT = 4 << 20;
const MAX_STEPS = 2_000_000;
const MAX_TEMPLATE_DEPTH = 200;
const MISSING = Symbol('missing');
type Final = GoValue | typeof MISSING;

class BreakSignal {}
class ContinueSignal {}

interface Var {
  readonly name: string;
  value: GoValue;
}

/** reflect's indirect: through pointers (and, for raw data, nil interfaces) to the value. */
function indirect(v: GoValue): { v: GoValue; isNil: boolean } {
  let cur = v;
  while (typeof cur === 'object' && cur.t === 'ptr') {
    if (cur.to === null) return { v: cur, isNil: true };
    cur = cur.to;
  }
  if (typeof cur === 'object' && cur.t === 'nil') return { v: cur, isNil: true };
  return { v: cur, isNil: false };
}

const isInvalid = (v: GoValue): boolean => typeof v === 'object' && v.t === 'invalid';

function truth(v: GoValue): boolean {
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  switch (v.t) {
    case 'num':
      return v.text.length > 0;
    case 'float':
      return v.v !== 0;
    case 'nil':
    case 'invalid':
      return false;
    case 'slice':
      return (v.items?.length ?? 0) > 0;
    case 'map':
      return (v.entries?.size ?? 0) > 0;
    case 'ptr':
      return v.to !== null;
    default:
      return true;
  }
}

/** Length in bytes, as Go's len of a string counts. */
const byteLength = (s: string): number => new TextEncoder().encode(s).length;

function findField(s: Extract<GoValue, { t: 'struct' }>, name: string, depth = 0): GoValue | undefined {
  for (const f of s.fields) if (!f.embedded && f.name === name) return f.value;
  if (depth > 8) return undefined;
  for (const f of s.fields) {
    if (!f.embedded) continue;
    const inner = indirect(f.value).v;
    if (typeof inner === 'object' && inner.t === 'struct') {
      const found = findField(inner, name, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

type Param = 'any' | 'value' | 'string' | 'int' | '[]string';
interface Builtin {
  readonly params: readonly Param[];
  readonly variadic?: Param;
  fn(args: GoValue[]): GoValue | { error: string };
}

class Exec {
  private out = '';
  private steps = 0;
  private depth = 0;
  private vars: Var[] = [];
  private at: { pos: number; text: string } = { pos: 0, text: '' };

  constructor(
    private readonly t: Template,
    private readonly o: ExecOptions,
  ) {}

  run(dot: GoValue): string {
    this.vars = [{ name: '$', value: dot }];
    this.walkList(dot, this.t.root);
    return this.out;
  }

  private fail(msg: string): never {
    const prefix = new TextEncoder().encode(this.t.src.slice(0, this.at.pos));
    let nl = -1;
    let line = 1;
    for (let i = 0; i < prefix.length; i++)
      if (prefix[i] === 10) {
        nl = i;
        line++;
      }
    const col = nl < 0 ? prefix.length : prefix.length - (nl + 1);
    throw new TemplateError(`template: :${line}:${col}: executing "" at <${this.at.text}>: ${msg}`);
  }

  private setAt(pos: number, text: string): void {
    this.at = { pos, text };
  }

  private step(): void {
    if (++this.steps > MAX_STEPS) this.fail('template execution is too long');
  }

  private write(s: string): void {
    this.out += s;
    if (this.out.length > MAX_OUTPUT) this.fail('template output is too large');
  }

  private walkList(dot: GoValue, nodes: readonly Node[]): void {
    for (const n of nodes) this.walk(dot, n);
  }

  private walk(dot: GoValue, n: Node): void {
    this.step();
    switch (n.k) {
      case 'text':
        this.write(n.text);
        return;
      case 'action': {
        // Variables declared in an action live to the end of the enclosing block.
        const v = this.pipeline(dot, n.pipe);
        if (n.pipe.decl.length === 0) this.write(this.printable(v));
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.pipeline(dot, n.pipe);
        if (truth(v)) this.walkList(n.k === 'with' ? v : dot, n.list);
        else if (n.elseList) this.walkList(dot, n.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        this.walkRange(dot, n);
        return;
      case 'template': {
        const body = this.t.defines.get(n.name);
        if (!body) {
          this.setAt(
            n.pos,
            `{{template ${JSON.stringify(n.name)}${n.pipe ? ' ' + pipeString(n.pipe) : ''}}}`,
          );
          this.fail(`template ${JSON.stringify(n.name)} not defined`);
        }
        const newDot = n.pipe ? this.pipeline(dot, n.pipe) : INVALID;
        if (++this.depth > MAX_TEMPLATE_DEPTH)
          this.fail(`exceeded maximum template depth (${MAX_TEMPLATE_DEPTH})`);
        const saved = this.vars;
        this.vars = [{ name: '$', value: newDot }];
        this.walkList(newDot, body);
        this.vars = saved;
        this.depth--;
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
    }
  }

  private walkRange(dot: GoValue, n: ControlNode): void {
    const mark = this.vars.length;
    const val = indirect(this.pipeline(dot, n.pipe)).v;
    const inner = this.vars.length;
    const decl = n.pipe.decl;
    const one = (index: GoValue, elem: GoValue): boolean => {
      this.step();
      if (decl.length > 0) {
        if (n.pipe.assign) {
          this.assign(decl[decl.length - 1]!, elem);
          if (decl.length > 1) this.assign(decl[0]!, index);
        } else {
          this.vars[inner - 1]!.value = elem;
          if (decl.length > 1) this.vars[inner - 2]!.value = index;
        }
      }
      try {
        this.walkList(elem, n.list);
      } catch (e) {
        if (e instanceof BreakSignal) return false;
        if (!(e instanceof ContinueSignal)) throw e;
      } finally {
        this.vars.length = inner;
      }
      return true;
    };
    let ran = false;
    if (typeof val === 'number') {
      if (decl.length > 1) this.fail(`can't use ${val} to iterate over more than one variable`);
      for (let i = 0; i < val; i++) {
        ran = true;
        if (!one(i, i)) break;
      }
    } else if (typeof val === 'object' && val.t === 'slice') {
      const items = val.items ?? [];
      for (let i = 0; i < items.length; i++) {
        ran = true;
        if (!one(i, items[i]!)) break;
      }
    } else if (typeof val === 'object' && val.t === 'map') {
      const m = val.entries ?? new Map<string, GoValue>();
      for (const k of sortedKeys(m)) {
        ran = true;
        if (!one(k, m.get(k)!)) break;
      }
    } else if (!(typeof val === 'object' && (val.t === 'invalid' || val.t === 'nil' || val.t === 'ptr'))) {
      this.fail(`range can't iterate over ${goSprint(val)}`);
    }
    if (!ran && n.elseList) this.walkList(dot, n.elseList);
    this.vars.length = mark;
  }

  private assign(name: string, v: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = v;
        return;
      }
    this.fail(`undefined variable: ${name}`);
  }

  private varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.fail(`undefined variable: ${name}`);
  }

  /** What `{{pipeline}}` prints: <no value> for nothing, pointers followed once, then fmt's %v. */
  private printable(v: GoValue): string {
    if (isInvalid(v)) return '<no value>';
    const { v: d, isNil } = indirect(v);
    if (isNil) return '<nil>';
    return goSprint(d);
  }

  private pipeline(dot: GoValue, p: Pipeline): GoValue {
    let value: Final = MISSING;
    for (const cmd of p.cmds) {
      value = this.command(dot, cmd, value);
      // An interface{} holding nil becomes "no value".
      if (typeof value === 'object' && value.t === 'nil') value = INVALID;
    }
    const v: GoValue = value === MISSING ? INVALID : value;
    for (const name of p.decl) {
      if (p.assign) this.assign(name, v);
      else this.vars.push({ name, value: v });
    }
    return v;
  }

  private command(dot: GoValue, cmd: Command, final: Final): GoValue {
    this.step();
    const first = cmd.args[0]!;
    switch (first.k) {
      case 'field':
        this.setAt(first.pos, argString(first));
        return this.fieldChain(dot, first.idents, cmd.args, final);
      case 'chain': {
        const base = this.arg(dot, 'any', first.node);
        this.setAt(first.pos, argString(first));
        return this.fieldChain(base, first.fields, cmd.args, final);
      }
      case 'ident':
        return this.call(dot, first, cmd, cmd.args.slice(1), final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.pipeline(dot, first.pipe);
      case 'var': {
        this.setAt(first.pos, argString(first));
        const v = this.varValue(first.idents[0]!);
        if (first.idents.length === 1) {
          this.notAFunction(cmd.args, final);
          return v;
        }
        return this.fieldChain(v, first.idents.slice(1), cmd.args, final);
      }
      default:
        this.setAt(first.pos, argString(first));
        this.notAFunction(cmd.args, final);
        switch (first.k) {
          case 'bool':
            return first.v;
          case 'dot':
            return dot;
          case 'nil':
            return this.fail('nil is not a command');
          case 'number':
            return first.v;
          case 'string':
            return first.v;
        }
    }
  }

  private notAFunction(args: readonly Arg[], final: Final): void {
    if (args.length > 1 || final !== MISSING)
      this.fail(`can't give argument to non-function ${argString(args[0]!)}`);
  }

  private fieldChain(
    receiver: GoValue,
    idents: readonly string[],
    args: readonly Arg[],
    final: Final,
  ): GoValue {
    let r = receiver;
    for (let i = 0; i < idents.length; i++) {
      const last = i === idents.length - 1;
      r = this.field(idents[i]!, last ? args : [], last ? final : MISSING, r);
    }
    return r;
  }

  private field(name: string, args: readonly Arg[], final: Final, receiver: GoValue): GoValue {
    if (isInvalid(receiver)) {
      if (this.o.missingKeyError) this.fail(`nil data; no entry for key ${JSON.stringify(name)}`);
      return INVALID;
    }
    const typ = this.o.raw ? 'interface {}' : typeName(receiver);
    const { v, isNil } = indirect(receiver);
    if (typeof v === 'object' && v.t === 'nil') this.fail(`nil pointer evaluating ${typ}.${name}`);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (typeof v === 'object' && v.t === 'struct') {
      const f = findField(v, name);
      if (f !== undefined) {
        if (hasArgs) this.fail(`${name} has arguments but cannot be invoked as function`);
        return f;
      }
    } else if (typeof v === 'object' && v.t === 'map') {
      if (hasArgs) this.fail(`${name} is not a method but has arguments`);
      const got = v.entries?.get(name);
      if (got !== undefined) return got;
      if (this.o.missingKeyError) this.fail(`map has no entry for key ${JSON.stringify(name)}`);
      return INVALID;
    } else if (isNil && typeof v === 'object' && v.t === 'ptr') {
      this.fail(`nil pointer evaluating ${typ}.${name}`);
    }
    return this.fail(`can't evaluate field ${name} in type ${typ}`);
  }

  /** An argument of a function call, checked against the parameter's Go type. */
  private arg(dot: GoValue, want: Param, a: Arg): GoValue {
    this.setAt(a.pos, argString(a));
    let v: GoValue;
    switch (a.k) {
      case 'dot':
        v = dot;
        break;
      case 'nil':
        if (want === 'string' || want === 'int') this.fail(`cannot assign nil to ${want}`);
        return NIL;
      case 'field':
        v = this.fieldChain(dot, a.idents, [a], MISSING);
        break;
      case 'var': {
        const base = this.varValue(a.idents[0]!);
        v = a.idents.length === 1 ? base : this.fieldChain(base, a.idents.slice(1), [a], MISSING);
        break;
      }
      case 'pipe':
        v = this.pipeline(dot, a.pipe);
        break;
      case 'chain': {
        const base = this.arg(dot, 'any', a.node);
        this.setAt(a.pos, argString(a));
        v = this.fieldChain(base, a.fields, [a], MISSING);
        break;
      }
      case 'ident':
        v = this.call(dot, a, { pos: a.pos, args: [a] }, [], MISSING);
        break;
      case 'bool':
      case 'number':
      case 'string': {
        const lit = a.v;
        if (want === 'string' && typeof lit !== 'string')
          this.fail(`expected string; found ${a.k === 'bool' ? String(a.v) : a.text}`);
        if (want === 'int' && typeof lit !== 'number')
          this.fail(`expected integer; found ${a.k === 'bool' ? String(a.v) : a.text}`);
        if (want === '[]string') this.fail(`can't handle ${argString(a)} for arg of type []string`);
        return lit;
      }
    }
    this.setAt(a.pos, argString(a));
    return this.validate(v, want);
  }

  private validate(v: GoValue, want: Param): GoValue {
    if (isInvalid(v)) {
      if (want === 'value') return v;
      if (want === 'any' || want === '[]string') return want === 'any' ? NIL : slice(null);
      this.fail(`invalid value; expected ${want}`);
    }
    const ok =
      want === 'any' ||
      want === 'value' ||
      (want === 'string' && typeof v === 'string') ||
      (want === 'int' && typeof v === 'number') ||
      (want === '[]string' && typeof v === 'object' && v.t === 'slice' && v.elem === 'string');
    if (!ok) this.fail(`wrong type for value; expected ${want}; got ${typeName(v)}`);
    return v;
  }

  private call(
    dot: GoValue,
    ident: Extract<Arg, { k: 'ident' }>,
    cmd: Command,
    args: readonly Arg[],
    final: Final,
  ): GoValue {
    this.setAt(ident.pos, ident.name);
    const name = ident.name;
    const n = args.length + (final === MISSING ? 0 : 1);
    if (name === 'and' || name === 'or') {
      if (n < 1) this.fail(`wrong number of args for ${name}: want at least 1 got 0`);
      let v: GoValue = INVALID;
      for (let i = 0; i < n; i++) {
        v = i < args.length ? this.arg(dot, 'value', args[i]!) : (final as GoValue);
        if (truth(v) !== (name === 'and')) return v;
      }
      return v;
    }
    const b = BUILTINS[name];
    if (!b) return this.fail(`"${name}" is not a defined function`);
    if (b.variadic === undefined ? n !== b.params.length : n < b.params.length)
      this.fail(
        `wrong number of args for ${name}: want ${b.variadic === undefined ? '' : 'at least '}${b.params.length} got ${n}`,
      );
    const values: GoValue[] = [];
    for (let i = 0; i < args.length; i++) values.push(this.arg(dot, b.params[i] ?? b.variadic!, args[i]!));
    if (final !== MISSING) {
      this.setAt(ident.pos, ident.name);
      values.push(this.validate(final, b.params[n - 1] ?? b.variadic!));
    }
    const r = b.fn(values);
    if (typeof r === 'object' && 'error' in r) {
      this.setAt(cmd.pos, cmdString(cmd));
      return this.fail(`error calling ${name}: ${r.error}`);
    }
    return r;
  }
}

// ---- builtins

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other';
function basicKind(v: GoValue): Kind {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (v.t === 'num') return 'string';
  if (v.t === 'float') return 'float';
  return 'other';
}
const basicValue = (v: GoValue): string | number | boolean =>
  typeof v === 'object' ? (v.t === 'num' ? v.text : v.t === 'float' ? v.v : NaN) : v;

function eq(args: GoValue[]): GoValue | { error: string } {
  const a = args[0]!;
  if (args.length < 2) return { error: 'missing argument for comparison' };
  const ka = basicKind(a);
  for (const b of args.slice(1)) {
    const kb = basicKind(b);
    if (ka !== kb || ka === 'other') {
      if (ka === 'other' && kb === 'other') {
        const nilA =
          isInvalid(a) ||
          indirect(a).isNil ||
          (typeof a === 'object' &&
            (a.t === 'slice' ? a.items === null : a.t === 'map' ? a.entries === null : false));
        const nilB = isInvalid(b) || indirect(b).isNil;
        if (nilA && nilB) return true;
        if (!isInvalid(a) && !isInvalid(b)) return { error: 'incompatible types for comparison' };
        continue;
      }
      if (!isInvalid(a) && !isInvalid(b)) return { error: 'incompatible types for comparison' };
      continue;
    }
    if (basicValue(a) === basicValue(b)) return true;
  }
  return false;
}

function lt(args: GoValue[]): boolean | { error: string } {
  const [a, b] = args as [GoValue, GoValue];
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'other' || kb === 'other' || ka === 'bool' || kb === 'bool')
    return { error: 'invalid type for comparison' };
  if (ka !== kb) return { error: 'incompatible types for comparison' };
  return basicValue(a) < basicValue(b);
}

function lengthOf(v: GoValue): GoValue | { error: string } {
  const { v: d, isNil } = indirect(v);
  if (isInvalid(d)) return { error: 'len of untyped nil' };
  if (isNil) return { error: 'len of nil pointer' };
  if (typeof d === 'string') return byteLength(d);
  if (typeof d === 'object' && d.t === 'num') return byteLength(d.text);
  if (typeof d === 'object' && d.t === 'slice') return d.items?.length ?? 0;
  if (typeof d === 'object' && d.t === 'map') return d.entries?.size ?? 0;
  return { error: `len of type ${typeName(d)}` };
}

function indexArg(i: GoValue, len: number): number | { error: string } {
  if (isInvalid(i) || (typeof i === 'object' && i.t === 'nil'))
    return { error: 'cannot index slice/array with nil' };
  if (typeof i !== 'number') return { error: `cannot index slice/array with type ${typeName(i)}` };
  if (i < 0 || i >= len) return { error: `index out of range: ${i}` };
  return i;
}

function index(args: GoValue[]): GoValue | { error: string } {
  let item = indirect(args[0]!).v;
  if (isInvalid(item) || (typeof item === 'object' && item.t === 'nil'))
    return { error: 'index of untyped nil' };
  for (const idx of args.slice(1)) {
    const { v, isNil } = indirect(item);
    if (isNil) return { error: 'index of nil pointer' };
    if (typeof v === 'string' || (typeof v === 'object' && v.t === 'num')) {
      const bytes = new TextEncoder().encode(typeof v === 'string' ? v : v.text);
      const x = indexArg(idx, bytes.length);
      if (typeof x !== 'number') return x;
      item = bytes[x]!;
    } else if (typeof v === 'object' && v.t === 'slice') {
      const items = v.items ?? [];
      const x = indexArg(idx, items.length);
      if (typeof x !== 'number') return x;
      item = items[x]!;
    } else if (typeof v === 'object' && v.t === 'map') {
      if (typeof idx !== 'string') return { error: `value has type ${typeName(idx)}; should be string` };
      item = v.entries?.get(idx) ?? v.zero;
    } else return { error: `can't index item of type ${typeName(v)}` };
  }
  return item;
}

function sliceOf(args: GoValue[]): GoValue | { error: string } {
  const { v } = indirect(args[0]!);
  const idx = args.slice(1);
  if (idx.length > 3) return { error: `too many slice indexes: ${idx.length}` };
  const isStr = typeof v === 'string';
  if (!isStr && !(typeof v === 'object' && v.t === 'slice'))
    return { error: `can't slice item of type ${typeName(v)}` };
  const len = isStr ? v.length : (v.items ?? []).length;
  if (isStr && idx.length === 3) return { error: 'cannot 3-index slice a string' };
  const bounds: number[] = [0, len];
  for (let i = 0; i < Math.min(idx.length, 2); i++) {
    const x = idx[i]!;
    if (typeof x !== 'number') return { error: `cannot index slice/array with type ${typeName(x)}` };
    if (x < 0 || x > len) return { error: `index out of range: ${x}` };
    bounds[i] = x;
  }
  if (bounds[0]! > bounds[1]!) return { error: `invalid slice index: ${bounds[0]!} > ${bounds[1]!}` };
  if (isStr) return v.slice(bounds[0], bounds[1]);
  return slice((v.items ?? []).slice(bounds[0], bounds[1]), v.elem);
}

const isStringKind = (v: GoValue): boolean =>
  typeof v === 'string' || (typeof v === 'object' && v.t === 'num');

/** fmt.Sprint: a space between operands when neither is a string. */
function sprint(args: GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && !isStringKind(a) && !isStringKind(args[i - 1]!)) out += ' ';
    out += goSprint(a);
  });
  return out;
}

const BUILTINS: Readonly<Record<string, Builtin>> = {
  json: {
    params: ['any'],
    fn: ([v]) => goJson(v!, { escapeHTML: false, shortBF: true }),
  },
  split: { params: ['string', 'string'], fn: ([s, sep]) => slice(goSplit(s as string, sep as string)) },
  join: {
    params: ['[]string', 'string'],
    fn: ([a, sep]) =>
      ((a as Extract<GoValue, { t: 'slice' }>).items ?? []).map((x) => goSprint(x)).join(sep as string),
  },
  title: {
    params: ['string'],
    fn: ([s]) =>
      (s as string).replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()),
  },
  lower: { params: ['string'], fn: ([s]) => (s as string).toLowerCase() },
  upper: { params: ['string'], fn: ([s]) => (s as string).toUpperCase() },
  pad: {
    params: ['string', 'int', 'int'],
    fn: ([s, a, b]) =>
      ' '.repeat(Math.max(0, Math.min(a as number, 4096))) +
      (s as string) +
      ' '.repeat(Math.max(0, Math.min(b as number, 4096))),
  },
  truncate: {
    params: ['string', 'int'],
    fn: ([s, n]) =>
      (s as string).length < (n as number) ? (s as string) : (s as string).slice(0, Math.max(0, n as number)),
  },
  len: { params: ['value'], fn: ([v]) => lengthOf(v!) },
  index: { params: ['value'], variadic: 'value', fn: index },
  slice: { params: ['value'], variadic: 'value', fn: sliceOf },
  not: { params: ['value'], fn: ([v]) => !truth(v!) },
  eq: { params: ['value'], variadic: 'value', fn: eq },
  ne: {
    params: ['value', 'value'],
    fn: (a) => {
      const r = eq(a);
      return typeof r === 'boolean' ? !r : r;
    },
  },
  lt: { params: ['value', 'value'], fn: lt },
  le: {
    params: ['value', 'value'],
    fn: (a) => {
      const r = lt(a);
      if (typeof r !== 'boolean') return r;
      return r || (eq(a) as boolean);
    },
  },
  gt: {
    params: ['value', 'value'],
    fn: (a) => {
      const r = lt(a);
      if (typeof r !== 'boolean') return r;
      return !(r || (eq(a) as boolean));
    },
  },
  ge: {
    params: ['value', 'value'],
    fn: (a) => {
      const r = lt(a);
      return typeof r === 'boolean' ? !r : r;
    },
  },
  print: { params: [], variadic: 'any', fn: sprint },
  println: { params: [], variadic: 'any', fn: (a) => a.map((x) => goSprint(x)).join(' ') + '\n' },
  printf: { params: ['string'], variadic: 'any', fn: ([f, ...a]) => goSprintf(f as string, a) },
  html: {
    params: [],
    variadic: 'any',
    fn: (a) =>
      sprint(a).replace(
        /[<>&'"\0]/g,
        (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[c]!,
      ),
  },
  js: {
    params: [],
    variadic: 'any',
    fn: (a) =>
      [...sprint(a)]
        .map((c) => {
          if (c === '\\' || c === "'" || c === '"') return `\\${c}`;
          const code = c.charCodeAt(0);
          if (code < 0x20 || '<>&='.includes(c))
            return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
          return c;
        })
        .join(''),
  },
  urlquery: {
    params: [],
    variadic: 'any',
    fn: (a) =>
      encodeURIComponent(sprint(a))
        .replace(/%20/g, '+')
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  },
  call: {
    params: ['value'],
    variadic: 'value',
    fn: ([f]) => ({ error: `non-function ${goSprint(f!)} of type ${typeName(f!)}` }),
  },
};

/** strings.Split: "" splits into characters. */
function goSplit(s: string, sep: string): GoValue[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

// ---- fmt.Sprintf

/** strconv.Quote: Go escapes, printable runes kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const named: Record<string, string> = {
      '\x07': '\\a',
      '\b': '\\b',
      '\f': '\\f',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\v': '\\v',
      '\\': '\\\\',
      '"': '\\"',
    };
    if (named[ch]) out += named[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

interface Spec {
  readonly minus: boolean;
  readonly plus: boolean;
  readonly zero: boolean;
  readonly space: boolean;
  readonly sharp: boolean;
  readonly width: number | null;
  readonly prec: number | null;
}

function padTo(s: string, sp: Spec, numeric = false): string {
  if (sp.width === null || [...s].length >= sp.width) return s;
  const fill = sp.width - [...s].length;
  if (sp.minus) return s + ' '.repeat(fill);
  if (sp.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  return ' '.repeat(fill) + s;
}

function badVerb(verb: string, v: GoValue): string {
  if (isInvalid(v) || (typeof v === 'object' && v.t === 'nil')) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${goSprint(v, false, 1)})`;
}

function fmtValue(v: GoValue, verb: string, sp: Spec, depth: number): string {
  if (verb === 'v') return goSprint(v, sp.plus, depth);
  if (verb === 'T') return typeName(v);
  if (typeof v === 'object') {
    switch (v.t) {
      case 'slice':
        return `[${(v.items ?? []).map((x) => fmtValue(x, verb, sp, depth + 1)).join(' ')}]`;
      case 'map': {
        const m = v.entries ?? new Map<string, GoValue>();
        return `map[${sortedKeys(m)
          .map((k) => `${fmtValue(k, verb, sp, depth + 1)}:${fmtValue(m.get(k)!, verb, sp, depth + 1)}`)
          .join(' ')}]`;
      }
      case 'struct':
        return `{${v.fields.map((f) => (sp.plus ? `${f.name}:` : '') + fmtValue(f.value, verb, sp, depth + 1)).join(' ')}}`;
      case 'ptr':
        if (
          depth === 0 &&
          v.to !== null &&
          typeof v.to === 'object' &&
          (v.to.t === 'struct' || v.to.t === 'slice' || v.to.t === 'map')
        )
          return '&' + fmtValue(v.to, verb, sp, depth + 1);
        if (v.to === null) return badVerb(verb, v).replace(/=.*\)$/, '=<nil>)');
        return goSprint(v, false, 1);
      case 'time':
        return verb === 's' || verb === 'q'
          ? verb === 'q'
            ? goQuote(goSprint(v))
            : goSprint(v)
          : badVerb(verb, v);
      default:
        break;
    }
  }
  const str = typeof v === 'string' ? v : typeof v === 'object' && v.t === 'num' ? v.text : null;
  switch (verb) {
    case 's':
      if (str === null) return badVerb(verb, v);
      return sp.prec === null ? str : [...str].slice(0, sp.prec).join('');
    case 'q':
      if (str !== null) return goQuote(str);
      if (typeof v === 'number') return `'${String.fromCodePoint(v)}'`;
      return badVerb(verb, v);
    case 'd':
      if (typeof v !== 'number') return badVerb(verb, v);
      return (sp.plus && v >= 0 ? '+' : sp.space && v >= 0 ? ' ' : '') + String(v);
    case 'x':
    case 'X': {
      let s: string;
      if (str !== null)
        s = [...new TextEncoder().encode(str)].map((b) => b.toString(16).padStart(2, '0')).join('');
      else if (typeof v === 'number') s = (v < 0 ? '-' : '') + Math.abs(v).toString(16);
      else return badVerb(verb, v);
      if (sp.sharp) s = '0x' + s;
      return verb === 'X' ? s.toUpperCase() : s;
    }
    case 'o':
    case 'b':
      if (typeof v !== 'number') return badVerb(verb, v);
      return (sp.sharp && verb === 'o' ? '0' : '') + v.toString(verb === 'o' ? 8 : 2);
    case 'c':
      if (typeof v !== 'number') return badVerb(verb, v);
      return String.fromCodePoint(Math.max(0, Math.min(v, 0x10ffff)));
    case 't':
      if (typeof v !== 'boolean') return badVerb(verb, v);
      return String(v);
    case 'f':
    case 'F':
    case 'e':
    case 'g': {
      const f = typeof v === 'object' && v.t === 'float' ? v.v : null;
      if (f === null) return badVerb(verb, v);
      const s =
        verb === 'e'
          ? f.toExponential(sp.prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2')
          : verb === 'g'
            ? goFloat(f)
            : f.toFixed(sp.prec ?? 6);
      return (sp.plus && f >= 0 ? '+' : '') + s;
    }
    default:
      return badVerb(verb, v);
  }
}

/** fmt.Sprintf for the verbs templates use: %v %+v %s %q %d %x %X %o %b %c %t %f %e %g %T %%. */
export function goSprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let ai = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    const flags = { minus: false, plus: false, zero: false, space: false, sharp: false };
    for (; i < format.length; i++) {
      const f = format[i]!;
      if (f === '-') flags.minus = true;
      else if (f === '+') flags.plus = true;
      else if (f === '0') flags.zero = true;
      else if (f === ' ') flags.space = true;
      else if (f === '#') flags.sharp = true;
      else break;
    }
    let width: number | null = null;
    let prec: number | null = null;
    const w = /^\d+/.exec(format.slice(i));
    if (w) {
      width = Math.min(Number(w[0]), 4096);
      i += w[0].length;
    }
    if (format[i] === '.') {
      i++;
      const p = /^\d+/.exec(format.slice(i));
      prec = p ? Math.min(Number(p[0]), 4096) : 0;
      if (p) i += p[0].length;
    }
    const verb = format[i];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    i++;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const sp: Spec = { ...flags, width, prec };
    if (ai >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const v = args[ai++]!;
    const isNum = typeof v === 'number' || (typeof v === 'object' && v.t === 'float');
    out += padTo(fmtValue(isInvalid(v) ? NIL : v, verb, sp, 0), sp, isNum);
  }
  if (ai < args.length)
    out += `%!(EXTRA ${args
      .slice(ai)
      .map((v) => `${typeName(v)}=${goSprint(v, false, 1)}`)
      .join(', ')})`;
  return out;
}

/** Run a parsed template on a value; an execution error comes back as `template: :L:C: executing …`. */
export function executeTemplate(
  t: Template,
  dot: GoValue,
  o: ExecOptions,
): { ok: true; out: string } | { ok: false; error: string } {
  try {
    return { ok: true, out: new Exec(t, o).run(dot) };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, error: e.message };
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return { ok: true, out: '' };
    return {
      ok: false,
      error: `template: :1:0: executing "" at <>: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
