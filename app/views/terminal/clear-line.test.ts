import { describe, expect, it } from 'vitest';
import { clearsScreen } from './clear-line.ts';

describe('clearsScreen', () => {
  it('is true for clear alone, with spaces around it or with -x', () => {
    expect(['clear', '  clear ', 'clear -x'].map(clearsScreen)).toEqual([true, true, true]);
  });

  it('is false for clear in a pipeline, with an operand, or another command', () => {
    expect(['clear | cat', 'clear now', 'echo clear', 'clears', ''].map(clearsScreen)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
