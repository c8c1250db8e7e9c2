import { describe, expect, it } from 'vitest';
import type { Token, WordPart } from './ast.ts';
import { tokenize } from './tokenize.ts';

const words = (line: string): WordPart[][] =>
  tokenize(line, 'bash').flatMap((t) => (t.kind === 'word' ? [t.word.parts as WordPart[]] : []));
const kinds = (line: string, shell: 'bash' | 'sh' = 'bash'): string[] =>
  tokenize(line, shell).map((t: Token) => {
    switch (t.kind) {
      case 'word':
        return `w:${t.word.raw}`;
      case 'op':
        return t.op === '\n' ? 'nl' : t.op;
      case 'redir':
        return `${t.fd ?? ''}${t.op}`;
      case 'bad':
        return `bad:${t.text}`;
      case 'error':
        return `error:${t.problem.kind}`;
    }
  });
const text = (s: string, quoted = false): WordPart => ({ kind: 'text', text: s, quoted });

describe('words and quoting', () => {
  it('splits on blanks and keeps quoted blanks inside one word', () => {
    expect(words(`a  'b c'  "d e"`)).toEqual([[text('a')], [text('b c', true)], [text('d e', true)]]);
  });

  it('joins adjacent quoted and unquoted pieces into one word, remembering which were quoted', () => {
    expect(words(`x'*'"y"z`)).toEqual([[text('x'), text('*y', true), text('z')]]);
  });

  it('treats a backslash outside quotes as quoting the next character', () => {
    expect(words('a\\ b\\*')).toEqual([[text('a'), text(' ', true), text('b'), text('*', true)]]);
  });

  it('inside double quotes only escapes $ ` " \\ and keeps other backslashes', () => {
    expect(words('"\\$x \\" \\\\ \\n"')).toEqual([[text('$x " \\ \\n', true)]]);
  });

  it('keeps empty quotes as an empty word', () => {
    expect(words(`'' ""`)).toEqual([[text('', true)], [text('', true)]]);
  });

  it('removes a backslash-newline line continuation', () => {
    expect(words('ec\\\nho')).toEqual([[text('echo')]]);
  });

  it('decodes bash $-quoted strings but leaves $ literal in dash', () => {
    expect(words(`$'a\\tb\\''`)).toEqual([[text("a\tb'", true)]]);
    expect(tokenize(`$'a'`, 'sh')[0]).toMatchObject({
      kind: 'word',
      word: { parts: [text('$'), text('a', true)] },
    });
  });
});

describe('parameters', () => {
  it('reads $NAME, ${NAME}, $? and positional digits', () => {
    const parts = words('$HOME${USER}x$?$1');
    expect(parts[0]?.map((p) => (p.kind === 'param' ? `$${p.name}` : p.text))).toEqual([
      '$HOME',
      '$USER',
      'x',
      '$?',
      '$1',
    ]);
  });

  it('marks parameters inside double quotes as quoted', () => {
    expect(words('"$A"')[0]?.[0]).toMatchObject({ kind: 'param', name: 'A', quoted: true });
  });

  it('parses ${#A} and ${A:-word} with the word nested', () => {
    const [len, alt] = words('${#A} ${A:-"x y"}');
    expect(len?.[0]).toMatchObject({ op: { kind: 'length' } });
    expect(alt?.[0]).toMatchObject({
      op: { kind: 'alt', test: '-', colon: true, word: [text('x y', true)] },
    });
  });

  it('keeps unimplemented forms for a bad-substitution error at expansion time', () => {
    expect(words('${x/a/b}')[0]?.[0]).toMatchObject({ kind: 'param', op: { kind: 'bad' }, raw: '${x/a/b}' });
  });

  it('leaves a lone $ literal', () => {
    expect(words('a$ $')).toEqual([[text('a$')], [text('$')]]);
  });
});

describe('operators', () => {
  it('recognises control operators with or without spaces', () => {
    expect(kinds('a&&b||c;d|e')).toEqual(['w:a', '&&', 'w:b', '||', 'w:c', ';', 'w:d', '|', 'w:e']);
  });

  it('reads a descriptor number only when it touches the operator', () => {
    expect(kinds('echo 2>f 2 >g a2>h')).toEqual([
      'w:echo',
      '2>',
      'w:f',
      'w:2',
      '>',
      'w:g',
      'w:a2',
      '>',
      'w:h',
    ]);
  });

  it('reads every redirection form', () => {
    expect(kinds('a >f >>f <f 2>&1 >&2 &>f &>>f >|f')).toEqual([
      'w:a',
      '>',
      'w:f',
      '>>',
      'w:f',
      '<',
      'w:f',
      '2>&',
      'w:1',
      '>&',
      'w:2',
      '&>',
      'w:f',
      '&>>',
      'w:f',
      '>|',
      'w:f',
    ]);
  });

  it('reads &> as a background & in dash, as dash does', () => {
    expect(kinds('a &>f', 'sh')).toEqual(['w:a', 'bad:&', '>', 'w:f']);
  });

  it('does not treat a quoted number as a descriptor', () => {
    expect(kinds('echo "2">f')).toEqual(['w:echo', 'w:"2"', '>', 'w:f']);
  });

  it('flags operators this shell does not implement', () => {
    expect(kinds('a & b ; (c) ;; d <<E')).toEqual([
      'w:a',
      'bad:&',
      'w:b',
      ';',
      'bad:(',
      'w:c',
      'bad:)',
      'bad:;;',
      'w:d',
      'bad:<<',
      'w:E',
    ]);
  });
});

describe('comments and newlines', () => {
  it('skips a comment that starts a word, not a # inside one', () => {
    expect(kinds('echo a#b # c d')).toEqual(['w:echo', 'w:a#b']);
  });

  it('emits newlines as separators and counts lines', () => {
    const toks = tokenize('a\nb', 'bash');
    expect(toks.map((t) => t.line)).toEqual([0, 0, 1]);
  });
});

describe('lexical errors', () => {
  it('reports an unterminated single or double quote', () => {
    expect(tokenize(`echo 'abc`, 'bash').at(-1)).toMatchObject({
      kind: 'error',
      problem: { kind: 'eof-in-quote', quote: "'" },
    });
    expect(tokenize(`echo "abc`, 'bash').at(-1)).toMatchObject({
      problem: { kind: 'eof-in-quote', quote: '"' },
    });
  });

  it('rejects command substitution but keeps lexing the next line', () => {
    expect(kinds('echo $(ls)\necho `ls`\nok')).toEqual([
      'w:echo',
      'error:unsupported',
      'nl',
      'w:echo',
      'error:unsupported',
      'nl',
      'w:ok',
    ]);
  });

  it('bounds ${…} nesting', () => {
    const deep = '${A:-'.repeat(100) + '}'.repeat(100);
    expect(tokenize(deep, 'bash').some((t) => t.kind === 'error')).toBe(true);
  });

  it('is linear on a megabyte of input', () => {
    const big = 'a'.repeat(1 << 20) + ' "' + 'b'.repeat(1 << 20) + '"';
    const start = performance.now();
    expect(tokenize(big, 'bash')).toHaveLength(2);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
