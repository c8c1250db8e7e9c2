import { describe, expect, it } from 'vitest';
import { AT_DRAFT, stepHistory } from './history-nav.ts';

const history = ['one', 'two', 'three'];

describe('↑ from the line being typed', () => {
  it('shows the newest line and remembers the draft', () => {
    expect(stepHistory(history, AT_DRAFT, 'dra', -1)).toEqual({
      cursor: { index: 2, draft: 'dra' },
      value: 'three',
    });
  });

  it('does nothing with an empty history', () => {
    expect(stepHistory([], AT_DRAFT, 'x', -1)).toBeNull();
  });
});

describe('↑ at the oldest line', () => {
  it('stays there', () => {
    expect(stepHistory(history, { index: 0, draft: '' }, 'one', -1)).toBeNull();
  });
});

describe('↓', () => {
  it('moves to a newer line', () => {
    expect(stepHistory(history, { index: 0, draft: 'd' }, 'one', 1)).toEqual({
      cursor: { index: 1, draft: 'd' },
      value: 'two',
    });
  });

  it('past the newest line brings the draft back', () => {
    expect(stepHistory(history, { index: 2, draft: 'dra' }, 'three', 1)).toEqual({
      cursor: AT_DRAFT,
      value: 'dra',
    });
  });

  it('on the draft does nothing', () => {
    expect(stepHistory(history, AT_DRAFT, 'x', 1)).toBeNull();
  });
});
