// Small hand-made values and a `docker inspect -f` runner for the tests of this folder. What real
// dockerd + CLI 28 print for the same templates is checked end to end in ../inspect.test.ts.

import { toRaw } from './go-json.ts';
import type { GoValue } from './go-values.ts';
import { ptr, slice, strMap, struct } from './go-values.ts';
import { executeTemplate } from './template-exec.ts';
import { parseTemplate } from './template-parse.ts';

export const STATE = ptr(
  struct('container.State', [
    ['Status', 'running'],
    ['Running', true],
    ['Pid', 42],
    ['Health', ptr(null, 'container.Health'), 'omit'],
  ]),
  'container.State',
);
export const DOT: GoValue = struct('demo.Inspect', [
  ['Name', '/web'],
  ['Args', slice(['-c', 'a && b'])],
  ['Env', slice(null)],
  ['State', STATE],
  ['Labels', strMap({ b: '2', a: '1' })],
]);

/** Parse, then run as the CLI does: on the typed value, and on failure once more on its raw JSON. */
export function run(src: string, dot: GoValue = DOT): string {
  const p = parseTemplate(src);
  if (!p.ok) return `PARSE ${p.error}`;
  const typed = executeTemplate(p.template, dot, { missingKeyError: false, raw: false });
  if (typed.ok) return typed.out;
  const raw = executeTemplate(p.template, toRaw(dot), { missingKeyError: true, raw: true });
  return raw.ok ? raw.out : `EXEC ${raw.error}`;
}
