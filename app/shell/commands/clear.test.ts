import { describe, expect, it } from 'vitest';
import { createSession } from '../session.ts';
import { type } from '../testing/type-lines.ts';

describe('clear', () => {
  it('exists on the host and in a container, and prints nothing (the page clears the screen)', () => {
    const r = type(
      createSession(),
      'clear',
      'docker run -d --name web demo',
      'docker exec -it web sh',
      'clear',
    );
    expect([r.out[0], r.out[3]]).toEqual(['', '']);
    expect([r.codes[0], r.codes[3]]).toEqual([0, 0]);
  });

  it('accepts -x and prints the usage for an operand, as ncurses does', () => {
    const r = type(createSession(), 'clear -x', 'clear now');
    expect(r.codes).toEqual([0, 1]);
    expect(r.stderr[1]).toMatch(/^Usage: clear \[options\]\n/);
  });
});
