// The jq language's lexer: lexer.l's tokens, with its bracket matching (a ')' closes a string's
// \( … ) interpolation when one is open).

export type TokType =
  | 'FIELD'
  | 'IDENT'
  | 'KEYWORD'
  | 'LITERAL'
  | 'FORMAT'
  | 'QQSTRING_START'
  | 'QQSTRING_TEXT'
  | 'QQSTRING_INTERP_START'
  | 'QQSTRING_INTERP_END'
  | 'QQSTRING_END'
  | 'OP'
  | 'CHAR'
  | 'INVALID'
  | 'EOF';

export interface Tok {
  readonly t: TokType;
  readonly v: string;
  readonly start: number;
}

const KEYWORDS = new Set([
  'as',
  'def',
  'if',
  'then',
  'elif',
  'else',
  'end',
  'reduce',
  'foreach',
  'and',
  'or',
  'try',
  'catch',
  'label',
  'break',
  'import',
  'include',
  'module',
  '__loc__',
]);
const OPS = ['?//=', '?//', '//=', '|=', '+=', '-=', '*=', '/=', '%=', '==', '!=', '<=', '>=', '//', '..'];

export function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  // Open brackets: '(' '[' '{' and 'interp' for a string's \( … ).
  const stack: string[] = [];
  let i = 0;
  let last = 0; // start of the previous token: $end is reported there (bison keeps yylloc)
  const push = (t: TokType, v: string, start: number): void => {
    toks.push({ t, v, start });
    last = start;
  };
  const lexString = (): boolean => {
    // Inside a string: text, \( or the closing quote. Returns false at EOF.
    let text = '';
    let textStart = i;
    while (i < src.length) {
      const c = src[i]!;
      if (c === '"') {
        if (text) push('QQSTRING_TEXT', text, textStart);
        push('QQSTRING_END', '"', i);
        i++;
        return true;
      }
      if (c === '\\' && src[i + 1] === '(') {
        if (text) push('QQSTRING_TEXT', text, textStart);
        push('QQSTRING_INTERP_START', '\\(', i);
        stack.push('interp');
        i += 2;
        return true;
      }
      if (c === '\\') {
        text += src.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (!text) textStart = i;
      text += c;
      i++;
    }
    if (text) push('QQSTRING_TEXT', text, textStart);
    return false;
  };
  let inString = false;
  while (i < src.length) {
    if (inString) {
      inString = false;
      if (!lexString()) break;
      if (toks[toks.length - 1]!.t === 'QQSTRING_INTERP_START') continue;
      continue;
    }
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (c === '"') {
      push('QQSTRING_START', '"', start);
      i++;
      inString = true;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      push('OP', op, start);
      i += op.length;
      continue;
    }
    let m = /^\.[a-zA-Z_][a-zA-Z_0-9]*/.exec(src.slice(i));
    if (m) {
      push('FIELD', m[0], start);
      i += m[0].length;
      continue;
    }
    m = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/.exec(src.slice(i));
    if (m) {
      push('LITERAL', m[0], start);
      i += m[0].length;
      continue;
    }
    m = /^@[a-zA-Z0-9_]+/.exec(src.slice(i));
    if (m) {
      push('FORMAT', m[0], start);
      i += m[0].length;
      continue;
    }
    m = /^([a-zA-Z_][a-zA-Z_0-9]*::)*[a-zA-Z_][a-zA-Z_0-9]*/.exec(src.slice(i));
    if (m) {
      push(KEYWORDS.has(m[0]) ? 'KEYWORD' : 'IDENT', m[0], start);
      i += m[0].length;
      continue;
    }
    if ('([{'.includes(c)) {
      stack.push(c);
      push('CHAR', c, start);
      i++;
      continue;
    }
    if (')]}'.includes(c)) {
      const want = { ')': '(', ']': '[', '}': '{' }[c]!;
      const top = stack[stack.length - 1];
      if (c === ')' && top === 'interp') {
        stack.pop();
        push('QQSTRING_INTERP_END', ')', start);
        i++;
        inString = true;
        continue;
      }
      if (top !== want) {
        push('INVALID', c, start);
        i++;
        continue;
      }
      stack.pop();
      push('CHAR', c, start);
      i++;
      continue;
    }
    if ('.?=;,:|+-*/%$<>'.includes(c)) {
      push('CHAR', c, start);
      i++;
      continue;
    }
    push('INVALID', c, start);
    i++;
  }
  toks.push({ t: 'EOF', v: '', start: last });
  return toks;
}
