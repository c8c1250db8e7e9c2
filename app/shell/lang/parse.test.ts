import { describe, expect, it } from 'vitest';
import type { LineItem, SimpleCommand } from './ast.ts';
import { parse } from './parse.ts';
import { tokenize } from './tokenize.ts';

const program = (line: string) => parse(tokenize(line, 'bash'));
const items = (line: string): LineItem[] => [...program(line).items];
const firstCommand = (line: string): SimpleCommand => {
  const item = items(line)[0];
  if (item?.kind !== 'list') throw new Error(`no list in ${line}`);
  return item.list[0]?.first.commands[0] as SimpleCommand;
};
const problem = (line: string) => {
  const item = items(line).find((i) => i.kind === 'error');
  return item?.kind === 'error' ? item.problem : null;
};

describe('simple commands', () => {
  it('separates leading assignments from words, and only leading ones', () => {
    const cmd = firstCommand('A=1 B=x echo C=2');
    expect(cmd.assignments.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.words.map((w) => w.raw)).toEqual(['echo', 'C=2']);
  });

  it('does not take a quoted name as an assignment', () => {
    expect(firstCommand('"A"=1').assignments).toEqual([]);
  });

  it('keeps redirections in source order, wherever they appear', () => {
    const cmd = firstCommand('>a echo 2>&1 x <b');
    expect(cmd.redirects.map((r) => `${r.fd ?? ''}${r.op}${r.target.raw}`)).toEqual(['>a', '2>&1', '<b']);
    expect(cmd.words.map((w) => w.raw)).toEqual(['echo', 'x']);
  });

  it('accepts a command that is only a redirection or only an assignment', () => {
    expect(firstCommand('> f').redirects).toHaveLength(1);
    expect(firstCommand('A=1').assignments).toHaveLength(1);
  });
});

describe('lists, and-or lists and pipelines', () => {
  it('builds a list of and-or lists of pipelines', () => {
    const item = items('a | b && c || d; e')[0];
    expect(item?.kind).toBe('list');
    if (item?.kind !== 'list') return;
    expect(item.list).toHaveLength(2);
    expect(item.list[0]?.first.commands).toHaveLength(2);
    expect(item.list[0]?.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('makes one item per line so a later syntax error does not stop earlier lines', () => {
    expect(items('echo a\necho b |\n\n').map((i) => i.kind)).toEqual(['list', 'error']);
    expect(items('echo a; )\necho b').map((i) => i.kind)).toEqual(['error', 'list']);
  });

  it('lets a pipeline or && continue on the next line', () => {
    expect(items('a |\n b &&\n c').map((i) => i.kind)).toEqual(['list']);
  });

  it('turns |& into 2>&1 after the left command’s own redirections', () => {
    const cmd = firstCommand('a 2>/dev/null |& b');
    expect(cmd.redirects.map((r) => `${r.fd ?? ''}${r.op}${r.target.raw}`)).toEqual(['2>/dev/null', '2>&1']);
  });

  it('reads a leading ! as negation', () => {
    const item = items('! false')[0];
    expect(item?.kind === 'list' && item.list[0]?.first.negated).toBe(true);
  });

  it('accepts a trailing ;', () => {
    expect(items('echo a;').map((i) => i.kind)).toEqual(['list']);
  });
});

describe('syntax errors', () => {
  it.each([
    ['&& x', '&&'],
    ['echo a | | b', '|'],
    ['echo a; ; b', ';'],
    ['echo a ;; b', ';;'],
    ['echo >', 'newline'],
    ['echo > ;', ';'],
    ['| x', '|'],
    [')', ')'],
    ['echo a (', '('],
    ['fi', 'fi'],
  ])('%s is unexpected at %s', (line, token) => {
    expect(problem(line)).toEqual({ kind: 'unexpected', token });
  });

  it('reports the input ending after && or |', () => {
    expect(problem('echo a &&')).toEqual({ kind: 'eof' });
    expect(problem('echo a |')).toEqual({ kind: 'eof' });
  });

  it('names unsupported constructs instead of misreading them', () => {
    expect(problem('if true; then echo; fi')).toMatchObject({
      kind: 'unsupported',
      feature: 'compound commands (if)',
    });
    expect(problem('sleep 1 &')).toMatchObject({ kind: 'unsupported' });
    expect(problem('(cd /)')).toMatchObject({ kind: 'unsupported' });
    expect(problem('cat <<EOF')).toMatchObject({ kind: 'unsupported' });
  });

  it('does not take a quoted reserved word for one', () => {
    expect(problem('"if"')).toBeNull();
  });
});

describe('size', () => {
  it('parses 100 000 commands without recursion trouble and counts them', () => {
    expect(program('a;'.repeat(100_000)).commandCount).toBe(100_000);
    expect(program('a|'.repeat(50_000) + 'a').commandCount).toBe(50_001);
  });
});
