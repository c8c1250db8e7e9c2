// text/template's lexer: text between actions, and the items inside {{ … }} with trim markers and
// comments. Errors read as the CLI prints them: `template: :LINE: …`.

export class TemplateError extends Error {}

export type TokKind =
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

export interface Tok {
  readonly kind: TokKind;
  readonly text: string;
  readonly pos: number;
  readonly line: number;
}

const isAlnum = (c: string): boolean => /[\p{L}\p{Nd}_]/u.test(c);
export const parseErr = (line: number, msg: string): TemplateError =>
  new TemplateError(`template: :${line}: ${msg}`);

export function lex(src: string): Tok[] {
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
