import { describe, expect, it } from 'vitest';
import { parseJsonStream } from './json-parse.ts';

describe('jq limits', () => {
  it('refuses input nested deeper than the parser allows', () => {
    const deep = '['.repeat(3000) + ']'.repeat(3000);
    const values = [...parseJsonStream(deep)];
    expect(values).toEqual([{ ok: false, error: 'Exceeds depth limit for parsing at line 1, column 2001' }]);
  });
});
