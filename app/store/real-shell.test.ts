import { describe, expect, it } from 'vitest';
import { mergedListing, upperListing } from './derive.ts';
import { realShell } from './real-shell.ts';
import { selectFocusContainer } from './selectors.ts';
import { createAppStore } from './store.ts';

describe('the store on the real shell', () => {
  it('runs the blog post session: the new file is in the upper layer and in docker diff', () => {
    const store = createAppStore(realShell);
    const lines = [
      'docker run -d --name web demo',
      'docker exec -it web sh',
      'touch /TEST',
      'echo "Hello World" >> /TEST',
      'cat /TEST',
      'exit',
      'docker diff web',
    ];
    for (const line of lines) store.getState().run(line);
    const s = store.getState();
    const text = (i: number) => s.transcript[i]!.output.map((c) => c.text).join('');
    expect(text(4)).toBe('Hello World\n');
    expect(s.transcript[5]!.prompt).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    expect(s.prompt).toBe('$ ');
    expect(text(6)).toBe('A /TEST\n');

    const web = selectFocusContainer(s)!;
    expect(web.name).toBe('web');
    expect(upperListing(web).rows.map((r) => r.path)).toEqual(['/TEST']);
    expect(mergedListing(s.session.world, web).rows).toContainEqual({
      path: '/TEST',
      kind: 'file',
      detail: '',
      note: 'upper',
    });
  });
});
