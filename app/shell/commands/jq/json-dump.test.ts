import { describe, expect, it } from 'vitest';
import { dump, formatNumber } from './json-dump.ts';
import type { JqValue } from './value.ts';

describe('jq number printing (jvp_dtoa_fmt)', () => {
  const cases: [number, string][] = [
    [1e15, '1000000000000000'],
    [1e16, '1e+16'],
    [123e15, '123000000000000000'],
    [1.23e18, '1.23e+18'],
    [1.2345678901234567e19, '12345678901234567000'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-10, '1.5e-10'],
    [Number.MAX_VALUE * 10, '1.7976931348623157e+308'],
    [-0, '-0'],
    [3, '3'],
    [NaN, 'null'],
  ];
  for (const [n, text] of cases) it(`prints ${text}`, () => expect(formatNumber(n)).toBe(text));

  it('indents with two spaces and keeps [] and {} closed', () => {
    const v = new Map<string, JqValue>([
      ['a', []],
      ['b', new Map()],
    ]);
    expect(dump(v, { indent: '  ', sortKeys: false, ascii: false })).toBe('{\n  "a": [],\n  "b": {}\n}');
  });
});
