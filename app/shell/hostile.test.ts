import { describe, expect, it } from 'vitest';
import { createSession, runLine } from './session.ts';
import type { Session } from './session.ts';
import { prng } from '../engine/testing/prng.ts';

// Random and hostile lines typed at the terminal, on the host and inside a container: nothing may
// escape as an exception (runLine would report "internal error"), and the session must stay usable.

const WORDS = [
  'docker',
  'run',
  'exec',
  '-it',
  '-d',
  '--rm',
  '--name',
  'web',
  'demo',
  'sh',
  'bash',
  'ps',
  '-a',
  'rm',
  '-f',
  'stop',
  'diff',
  'commit',
  'images',
  'history',
  'inspect',
  'tag',
  'rmi',
  'ls',
  '-l',
  '-R',
  'cat',
  'echo',
  'touch',
  'mkdir',
  '-p',
  'mv',
  'cp',
  '-r',
  'ln',
  '-s',
  'chmod',
  '777',
  'u+x',
  'sed',
  '-i',
  's/a/b/',
  'find',
  '-name',
  '*',
  'grep',
  'head',
  'tail',
  'wc',
  'stat',
  'truncate',
  '-s',
  '0',
  'exit',
  'cd',
  '..',
  '/',
  '/etc',
  '/tmp/x',
  '/nope/x',
  '~',
  '&&',
  '||',
  ';',
  '|',
  '>',
  '>>',
  '<',
  '2>/dev/null',
  '2>&1',
  "'",
  '"',
  '\\',
  '$HOME',
  '${',
  '$(',
  '`',
  '{a,b}',
  '[',
  ']',
  '?',
  '..',
  '.',
  '-',
  '--',
  '--help',
  '\u0000',
  '\u202e',
  '한글',
  '🐳',
  '$?',
  'export',
  'A=1',
];

function randomLine(r: () => number): string {
  const n = Math.floor(r() * 12);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < 0.08) parts.push(String.fromCharCode(Math.floor(r() * 0x3000)));
    else parts.push(WORDS[Math.floor(r() * WORDS.length)]!);
  }
  return parts.join(r() < 0.3 ? '' : ' ');
}

describe('hostile input at the terminal', () => {
  it('never throws and keeps the session usable over 3000 random lines', () => {
    const r = prng(2024);
    let s: Session = createSession();
    s = runLine(s, 'docker run -d --name web demo').session;
    for (let i = 0; i < 3000; i++) {
      const line = i % 50 === 0 ? 'docker exec -it web sh' : randomLine(r);
      const res = runLine(s, line);
      const text = res.output.map((c) => c.text).join('');
      if (text.includes('internal error')) expect.fail(`line ${i} ${JSON.stringify(line)} → ${text}`);
      s = res.session;
    }
    while (s.frames.length > 1) s = runLine(s, 'exit').session;
    const last = runLine(s, 'echo still here');
    expect(last.output.map((c) => c.text).join('')).toBe('still here\n');
  }, 120_000);

  it('refuses a megabyte line with a message instead of freezing', () => {
    const r = runLine(createSession(), 'x'.repeat(2_000_000));
    expect(r.exitCode).not.toBe(0);
    expect(r.output.map((c) => c.text).join('')).toMatch(/too long/);
  });

  it('runs a pasted line of 10 000 commands without overflowing the stack', () => {
    const r = runLine(createSession(), Array.from({ length: 9000 }, () => 'true').join(';'));
    expect(r.exitCode).toBe(0);
  });
});
