import { describe, expect, it } from 'vitest';
import { BLOG_TOUR } from './blog-tour.ts';
import { loadLessons } from './index.ts';
import { validateLesson } from './validate.ts';

const good = {
  id: 'tiny',
  kind: 'lesson',
  title: { en: 'Tiny', ko: '작은' },
  summary: { en: 'A tiny lesson', ko: '작은 레슨' },
  steps: [
    {
      id: 'run',
      narration: { en: 'Run it', ko: '실행한다' },
      command: { line: 'docker run -d --name t nginx', by: 'type' },
      lookAt: { en: 'The stack', ko: '스택', area: 'stack' },
      check: { kind: 'containerExists', name: 't', state: 'running' },
    },
  ],
};

const errorsOf = (v: unknown): readonly string[] => {
  const r = validateLesson(v);
  return r.ok ? [] : r.errors;
};

describe('validateLesson', () => {
  it('accepts a well-formed lesson and the blog tour', () => {
    expect(validateLesson(good)).toEqual({ ok: true, lesson: good });
    expect(validateLesson(BLOG_TOUR).ok).toBe(true);
  });

  it('takes fresh: true or false, and refuses anything else there', () => {
    expect(validateLesson({ ...good, fresh: true }).ok).toBe(true);
    expect(errorsOf({ ...good, fresh: 'yes' })).toEqual(['tiny.fresh: expected true or false, got "yes"']);
  });

  it('refuses what is not an object', () => {
    expect(errorsOf(null)).toEqual(['lesson: expected an object, got null']);
    expect(errorsOf('x')).toEqual(['lesson: expected an object, got "x"']);
  });

  it('names a missing translation by its path', () => {
    const bad = { ...good, title: { en: 'Tiny' } };
    expect(errorsOf(bad)).toEqual(['tiny.title.ko: expected a non-empty string, got nothing']);
  });

  it('refuses an unknown check kind, listing the known ones', () => {
    const bad = { ...good, steps: [{ ...good.steps[0], check: { kind: 'eval', code: 'alert(1)' } }] };
    const errors = errorsOf(bad);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^tiny\.steps\[0\]\.check\.kind: unknown check "eval" \(known: outputContains, /,
    );
  });

  it('refuses wrong field types, unknown fields and a command without a check', () => {
    const bad = {
      ...good,
      extra: 1,
      steps: [
        { id: 'a', narration: { en: 'a', ko: 'a' }, command: { line: 'ls', by: 'type' } },
        {
          id: 'b',
          narration: { en: 'b', ko: 'b' },
          command: { line: 'ls {nope:x}', by: 'maybe' },
          check: { kind: 'pathInUpper', container: 'c', path: 'relative', colour: 'red' },
        },
      ],
    };
    expect(errorsOf(bad)).toEqual([
      'tiny.steps[0].check: a step with a command needs a check that it happened',
      'tiny.steps[1].command.line: unknown placeholder {nope:…} (known: {id:NAME}, {mount:NAME}, {initLink:NAME})',
      'tiny.steps[1].command.by: expected "type" or "you", got "maybe"',
      'tiny.steps[1].check.path: expected an absolute path, got "relative"',
      'tiny.steps[1].check.colour: unknown field (known: kind, container, path, type, content)',
      'tiny.extra: unknown field (known: id, kind, title, summary, fresh, steps)',
    ]);
  });

  it('checks quizzes: enough choices, an answer among them, a command to play it', () => {
    const bad = {
      ...good,
      steps: [
        {
          id: 'q',
          narration: { en: 'q', ko: 'q' },
          quiz: {
            question: { en: 'q?', ko: 'q?' },
            choices: [{ en: 'a', ko: 'a' }],
            answer: 3,
            explain: { en: 'e', ko: 'e' },
          },
        },
      ],
    };
    expect(errorsOf(bad)).toEqual([
      'tiny.steps[0].quiz.choices: expected at least two choices, got a list of 1',
      'tiny.steps[0].quiz.answer: expected the index of one of the 1 choices, got number 3',
      'tiny.steps[0].command: a quiz needs a command that plays its answer',
    ]);
  });

  it('refuses step ids given twice and nested checks that are wrong', () => {
    const step = { ...good.steps[0], check: { kind: 'all', checks: [{ kind: 'outputContains', text: [] }] } };
    expect(errorsOf({ ...good, steps: [step, step] })).toEqual([
      'tiny.steps[0].check.checks[0].text: expected a non-empty list of strings, got a list of 0',
      'tiny.steps[1].id: "run" is used by an earlier step',
      'tiny.steps[1].check.checks[0].text: expected a non-empty list of strings, got a list of 0',
    ]);
  });

  it('loading keeps the good lessons and reports the bad and the duplicate ones', () => {
    const { lessons, errors } = loadLessons([good, { ...good, kind: 'game' }, good]);
    expect(lessons.map((l) => l.id)).toEqual(['tiny']);
    expect(errors).toEqual([
      'tiny.kind: expected "tour", "lesson" or "quiz", got "game"',
      'tiny.id: another lesson has this id',
    ]);
  });
});
