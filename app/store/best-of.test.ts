import { describe, expect, it } from 'vitest';
import { bestOf, largerFirst } from './best-of.ts';

const sizes = (items: readonly { size: number; path: string }[]) => items.map((i) => `${i.size}${i.path}`);

describe('bestOf', () => {
  it('keeps the n largest, largest first, ties by path, whatever order they come in', () => {
    const items = [5, 1, 9, 5, 7, 3, 9, 0].map((size, i) => ({ size, path: `/p${i}` }));
    const forward = bestOf(4, largerFirst);
    const backward = bestOf(4, largerFirst);
    items.forEach((i) => forward.offer(i));
    [...items].reverse().forEach((i) => backward.offer(i));
    expect(sizes(forward.items)).toEqual(['9/p2', '9/p6', '7/p4', '5/p0']);
    expect(backward.items).toEqual(forward.items);
  });

  it('holds fewer when fewer come, and none when none are asked for', () => {
    const few = bestOf(10, largerFirst);
    few.offer({ size: 1, path: '/a' });
    expect(sizes(few.items)).toEqual(['1/a']);
    const none = bestOf(0, largerFirst);
    none.offer({ size: 1, path: '/a' });
    expect(none.items).toEqual([]);
  });
});
