// Regular expressions (jq's Oniguruma, approximated with JavaScript's RegExp): test, match, split.

import { truncated } from '../json-dump.ts';
import type { Native } from '../runtime.ts';
import { fail } from '../runtime.ts';
import type { JqObject, JqValue } from '../value.ts';
import { kindOf } from '../value.ts';
import type { Register } from './native.ts';
import { cartesian, simple } from './native.ts';

function toRegExp(re: JqValue, flags: JqValue, global = false): { rx: RegExp; global: boolean } {
  if (typeof re !== 'string')
    return fail(`${kindOf(re)} (${truncated(re)}) cannot be matched, as it is not a string`);
  let f = 'u';
  let g = global;
  if (flags !== null) {
    if (typeof flags !== 'string') return fail(`${kindOf(flags)} (${truncated(flags)}) is not a string`);
    for (const c of flags) {
      if (c === 'g') g = true;
      else if (c === 'i') f += 'i';
      else if (c === 'x' || c === 'n' || c === 'p' || c === 's' || c === 'l') {
        if (c === 's') f += 's';
      } else return fail(`${flags} is not a valid modifier string`);
    }
  }
  try {
    return { rx: new RegExp(re, f + 'g'), global: g };
  } catch {
    return fail(`${re} (at offset 0) is not a valid regex`);
  }
}

function matches(input: JqValue, re: JqValue, flags: JqValue, global = false): JqValue[] {
  if (typeof input !== 'string')
    return fail(`${kindOf(input)} (${truncated(input)}) cannot be matched, as it is not a string`);
  const { rx, global: g } = toRegExp(re, flags, global);
  const out: JqValue[] = [];
  const cpOffset = (i: number): number => [...input.slice(0, i)].length;
  for (const m of input.matchAll(rx)) {
    const captures: JqValue[] = [];
    const names = Object.entries(m.groups ?? {});
    for (let i = 1; i < m.length; i++) {
      const s = m[i];
      const name = names.find(([, v]) => v === s)?.[0] ?? null;
      captures.push(
        new Map<string, JqValue>([
          ['offset', s === undefined ? -1 : cpOffset(m.index + m[0].indexOf(s))],
          ['length', s === undefined ? 0 : [...s].length],
          ['string', s ?? null],
          ['name', name],
        ]),
      );
    }
    out.push(
      new Map<string, JqValue>([
        ['offset', cpOffset(m.index)],
        ['length', [...m[0]].length],
        ['string', m[0]],
        ['captures', captures],
      ]),
    );
    if (!g) break;
    if (out.length > 100000) break;
  }
  return out;
}

/** split/2; splits/1 runs it too. */
const split2: Native = simple(2, (v, re, flags) => {
  if (typeof v !== 'string')
    return fail(`${kindOf(v)} (${truncated(v)}) cannot be matched, as it is not a string`);
  const out: JqValue[] = [];
  let prev = 0;
  for (const mm of matches(v, re, flags, true) as JqObject[]) {
    const off = mm.get('offset') as number;
    const cps = [...v];
    out.push(cps.slice(prev, off).join(''));
    prev = off + (mm.get('length') as number);
  }
  out.push([...v].slice(prev).join(''));
  return out;
});

export function addRegex(add: Register): void {
  add('split/2', split2);
  add(
    'test/1',
    simple(1, (v, re) => matches(v, re, null).length > 0),
  );
  add(
    'test/2',
    simple(2, (v, re, fl) => matches(v, re, fl).length > 0),
  );
  add('match/1', {
    arity: 1,
    *fn(input, args, ctx) {
      for (const [re] of cartesian(args, input, ctx)) yield* matches(input, re!, null);
    },
  });
  add('match/2', {
    arity: 2,
    *fn(input, args, ctx) {
      for (const [re, fl] of cartesian(args, input, ctx)) yield* matches(input, re!, fl!);
    },
  });
}

export function addSplits(add: Register): void {
  add('splits/1', {
    arity: 1,
    *fn(input, args, ctx) {
      for (const [re] of cartesian(args, input, ctx)) {
        const parts = split2.fn(
          input,
          [
            { ast: { k: 'literal', value: re! }, env: null },
            { ast: { k: 'literal', value: null }, env: null },
          ],
          ctx,
        );
        for (const p of parts) if (Array.isArray(p)) yield* p;
      }
    },
  });
}
