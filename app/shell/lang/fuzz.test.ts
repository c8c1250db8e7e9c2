import { describe, expect, it } from 'vitest';
import { session } from './test-shell.ts';
import { prng } from '../../engine/testing/prng.ts';

/**
 * Hostile input at execLine: whatever is typed or pasted, nothing may escape as an exception, every result
 * must be well formed, and each line must finish quickly. Seeded, so a failure names a seed to pin.
 */

const ALPHABET = [...'abcxyz019 \t\n\'"\\$`{}()[]*?!~#&|;<>=:-/.%,', 'é', '😀', '\0', '\r', '\x1b'];
const WORDS = [
  'echo',
  'printf',
  'cd',
  'export',
  'unset',
  'cat',
  'true',
  'false',
  ':',
  'pwd',
  '$HOME',
  '${A:-x}',
  '"$@"',
  '*',
  '/*',
  '~',
  '2>&1',
  '>/tmp/f',
  '>>/tmp/f',
  '</tmp/f',
  '&>',
  '|',
  '&&',
  '||',
  ';',
  '%s',
  '%d',
  "'%5s'",
  '${#A}',
  'A=1',
  '!',
  'exit',
  '{a,b}',
  '{1..3}',
  '~root',
];

function randomLine(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const n = Math.floor(rand() * 40);
  let line = '';
  for (let i = 0; i < n; i++) line += rand() < 0.5 ? pick(ALPHABET) : ` ${pick(WORDS)} `;
  return line;
}

const HOSTILE: readonly [string, string][] = [
  ['a megabyte line', 'echo ' + 'x'.repeat(1 << 20)],
  ['a megabyte in quotes', `echo "${'y'.repeat(1 << 20)}`],
  ['100 000 commands', 'true;'.repeat(100_000)],
  ['thousands of pipes', 'cat|'.repeat(5_000) + 'cat'],
  ['thousands of bare pipes', '|'.repeat(5_000)],
  ['deep parentheses', '('.repeat(100_000)],
  ['deep braces', '${A:-'.repeat(50_000)],
  ['unbalanced quotes', `"'"'"'`.repeat(10_000)],
  ['many globs', '/*/*/*/*/*/*/* '.repeat(2_000)],
  ['a long glob pattern', 'echo ' + '*a'.repeat(100_000)],
  ['huge printf widths', "printf '%999999999s%999999999d' x 1;".repeat(50)],
  ['a long redirect target', 'echo > ' + 'd/'.repeat(100_000)],
  ['expansion blow-up', 'X=' + 'z'.repeat(1 << 20) + '; echo ' + '$X'.repeat(10_000)],
  ['backslashes', '\\'.repeat(1 << 20)],
  ['newlines', '\n'.repeat(100_000)],
  ['unclosed braces', 'echo ' + '{'.repeat(1 << 20)],
  ['brace lists', 'echo ' + '{a,'.repeat(100_000)],
  ['nested brace lists', 'echo ' + '{a,'.repeat(1_000) + '}'.repeat(1_000)],
  ['many descriptors', 'echo ' + '9>&1 '.repeat(10_000)],
];

function check(line: string, shellName: 'bash' | 'sh'): void {
  const s = session({ shell: shellName });
  s.run('A=1; cd /tmp'); // some state to poke at
  const started = performance.now();
  const r = s.run(line);
  const took = performance.now() - started;
  expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode <= 255).toBe(true);
  for (const c of r.output) expect(c.text.length).toBeGreaterThan(0);
  expect(r.text).not.toMatch(/internal error/);
  expect(took).toBeLessThan(5000); // generous: CI machines are shared
}

describe('fuzzing execLine', { timeout: 120_000 }, () => {
  it.each(HOSTILE)('survives %s', (_name, line) => {
    check(line, 'bash');
    check(line, 'sh');
  });

  it('survives 2 000 random lines of shell-ish noise', () => {
    const seed = 20261129;
    const rand = prng(seed);
    for (let i = 0; i < 2_000; i++) {
      const line = randomLine(rand);
      try {
        check(line, i % 2 === 0 ? 'bash' : 'sh');
      } catch (e) {
        throw new Error(`seed ${seed}, line ${i}: ${JSON.stringify(line)}: ${String(e)}`);
      }
    }
  });

  it('survives random bytes', () => {
    const rand = prng(7);
    for (let i = 0; i < 300; i++) {
      const line = String.fromCharCode(
        ...Array.from({ length: Math.floor(rand() * 200) }, () => Math.floor(rand() * 256)),
      );
      check(line, 'bash');
    }
  });
});
