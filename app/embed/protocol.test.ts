import { describe, expect, it } from 'vitest';
import { MAX_RUN_CHARS, parseIncoming } from './protocol.ts';

describe('a message from the parent page', () => {
  it('of each type is read', () => {
    expect(parseIncoming({ type: 'play' })).toEqual({ type: 'play' });
    expect(parseIncoming({ type: 'pause', data: undefined })).toEqual({ type: 'pause' });
    expect(parseIncoming({ type: 'step' })).toEqual({ type: 'step', data: 'forward' });
    expect(parseIncoming({ type: 'step', data: 'back' })).toEqual({ type: 'step', data: 'back' });
    expect(parseIncoming({ type: 'loadLesson', data: 'blog-tour' })).toEqual({
      type: 'loadLesson',
      data: { lesson: 'blog-tour', step: 0 },
    });
    expect(parseIncoming({ type: 'loadLesson', data: { lesson: 'blog-tour', step: 2 } })).toEqual({
      type: 'loadLesson',
      data: { lesson: 'blog-tour', step: 2 },
    });
    expect(parseIncoming({ type: 'run', data: 'docker ps' })).toEqual({ type: 'run', data: 'docker ps' });
  });

  it.each([
    ['a string', 'play'],
    ['null', null],
    ['an array', [{ type: 'play' }]],
    ['an unknown type', { type: 'eval', data: 'alert(1)' }],
    ['an extra key', { type: 'play', data: null, extra: 1 }],
    ['data on play', { type: 'play', data: 'now' }],
    ['a bad step direction', { type: 'step', data: 'sideways' }],
    ['a lesson name that is markup', { type: 'loadLesson', data: '<img src=x onerror=alert(1)>' }],
    ['a lesson with a negative step', { type: 'loadLesson', data: { lesson: 'tour', step: -1 } }],
    ['a lesson with extra keys', { type: 'loadLesson', data: { lesson: 'tour', html: '<b>' } }],
    ['a command that is not text', { type: 'run', data: { line: 'ls' } }],
    ['an empty command', { type: 'run', data: '' }],
    ['a command of two lines', { type: 'run', data: 'ls\nrm -rf /' }],
    ['a command too long', { type: 'run', data: 'x'.repeat(MAX_RUN_CHARS + 1) }],
    [
      'a class instance',
      new (class {
        type = 'play';
      })(),
    ],
  ])('of the wrong shape (%s) is ignored', (_what, msg) => {
    expect(parseIncoming(msg)).toBeNull();
  });
});
