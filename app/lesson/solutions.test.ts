import { describe, expect, it } from 'vitest';
import { diskCatalog } from '../cli/disk-catalog.ts';
import { DEFAULT_IMAGE } from '../engine/catalog/catalog.ts';
import { LESSON_DATA, loadLessons } from '../scenarios/index.ts';
import type { Session } from '../shell/session.ts';
import { createSession, runLine } from '../shell/session.ts';
import type { CheckContext } from './checks.ts';
import { passes } from './checks.ts';
import { fillPlaceholders } from './command.ts';

// Every lesson's solution replayed headlessly on the machine the page starts with (nginx present as
// if pulled): each step's command reaches its goal, and a line that does nothing does not.

const pageSession = (): Session => createSession({ catalog: diskCatalog(), pulled: [DEFAULT_IMAGE] });

const ran = (session: Session, line: string): CheckContext => {
  const r = runLine(session, line);
  return { session: r.session, output: r.output.map((c) => c.text).join(''), exitCode: r.exitCode };
};

describe('the lessons', () => {
  const { lessons, errors } = loadLessons();

  it('all validate', () => {
    expect(errors).toEqual([]);
    expect(lessons.map((l) => l.id)).toEqual([
      'blog-tour',
      'whiteouts',
      'image-shrink',
      'volumes',
      'shared-layers',
      'rename-dirs',
      'newer-docker',
      'quizzes',
    ]);
    expect(lessons).toHaveLength(LESSON_DATA.length);
  });

  for (const lesson of lessons) {
    it(`${lesson.id}: each step’s command reaches its goal, and doing nothing does not`, () => {
      let session = pageSession();
      for (const step of lesson.steps) {
        if (!step.command || !step.check) continue;
        const where = `${lesson.id}/${step.id}`;
        const wrong = ran(session, 'echo');
        expect(passes(step.check, wrong), `${where}: passes after a line that does nothing`).toBe(false);
        const line = fillPlaceholders(step.command.line, session.world);
        expect(line, `${where}: a placeholder names no container`).not.toMatch(/\{\w+:/);
        const ctx = ran(session, line);
        expect(passes(step.check, ctx), `${where}: "${line}" printed ${JSON.stringify(ctx.output)}`).toBe(
          true,
        );
        session = ctx.session;
      }
    });
  }

  it('the tour ends in nginx:test reading the TEST written in the first container', () => {
    const tour = lessons.find((l) => l.id === 'blog-tour')!;
    let session = pageSession();
    let last = '';
    for (const step of tour.steps) {
      if (!step.command) continue;
      const ctx = ran(session, fillPlaceholders(step.command.line, session.world));
      session = ctx.session;
      last = ctx.output ?? '';
    }
    expect(last).toBe('Hello World\n');
  });
});
