import { useEffect, useId, useRef } from 'react';
import type { Language } from '../../i18n/i18n.ts';
import { useT } from '../../i18n/use-t.ts';
import { fillPlaceholders } from '../../lesson/command.ts';
import type { Progress } from '../../lesson/runner.ts';
import type { Lesson, Step, Text } from '../../scenarios/types.ts';
import {
  selectFreshOffer,
  selectLessonErrors,
  selectLessonProgress,
  selectLessons,
  selectLessonsLoaded,
} from '../../store/lesson-slice.ts';
import { selectLanguage, selectWorld } from '../../store/selectors.ts';
import type { AppState } from '../../store/store.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { LessonFigure } from './LessonFigure.tsx';
import type { LessonMessage } from './messages.ts';
import { messages } from './messages.ts';

const KIND: Record<Lesson['kind'], LessonMessage> = {
  tour: 'kindTour',
  lesson: 'kindLesson',
  quiz: 'kindQuiz',
};
const pick = (text: Text, lang: Language): string => text[lang];

const selectLoad = (s: AppState) => s.loadLessons;
const selectStart = (s: AppState) => s.startLesson;
const selectStop = (s: AppState) => s.stopLesson;
const selectTypeForMe = (s: AppState) => s.typeForMe;
const selectNext = (s: AppState) => s.next;
const selectPrevious = (s: AppState) => s.previous;
const selectAnswer = (s: AppState) => s.answer;
const selectAnswerFreshOffer = (s: AppState) => s.answerFreshOffer;

/** The lessons: a list to pick from, then one step at a time with its command and its check. */
export function LessonPanel({ onClose }: { readonly onClose: () => void }) {
  const t = useT(messages);
  const id = useId();
  const load = useAppStore(selectLoad);
  const loaded = useAppStore(selectLessonsLoaded);
  const lessons = useAppStore(selectLessons);
  const errors = useAppStore(selectLessonErrors);
  const progress = useAppStore(selectLessonProgress);
  const offer = useAppStore(selectFreshOffer);
  const lesson = progress && lessons.find((l) => l.id === progress.lessonId);
  const offered = offer !== null ? lessons.find((l) => l.id === offer) : undefined;

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel lesson-panel" aria-labelledby={id} data-testid="lesson-panel">
      <header className="panel__head lesson-panel__head">
        <h2 id={id} className="panel__title">
          {t('heading')}
        </h2>
        <button
          type="button"
          className="button lesson-panel__close"
          onClick={onClose}
          aria-label={t('close')}
        >
          ×
        </button>
      </header>
      <div className="panel__body lesson-panel__body">
        {errors.length > 0 && (
          <div role="alert" className="lesson-errors">
            <p>{t('broken')}</p>
            <ul>
              {errors.map((e) => (
                <li key={e}>
                  <code>{e}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        {!loaded ? (
          <p>{t('loading')}</p>
        ) : offered ? (
          <FreshOffer lesson={offered} />
        ) : lesson && progress ? (
          <StepView lesson={lesson} progress={progress} />
        ) : (
          <LessonList lessons={lessons} />
        )}
      </div>
    </section>
  );
}

function LessonList({ lessons }: { readonly lessons: readonly Lesson[] }) {
  const t = useT(messages);
  const lang = useAppStore(selectLanguage);
  const start = useAppStore(selectStart);
  return (
    <>
      <p className="lesson-panel__intro">{t('pick')}</p>
      <ul className="lesson-list">
        {lessons.map((l) => (
          <li key={l.id}>
            <button type="button" className="lesson-list__item" onClick={() => void start(l.id)}>
              <span className="lesson-list__kind">
                {t(KIND[l.kind])} · {t('steps', { count: l.steps.length })}
              </span>
              <span className="lesson-list__title">{pick(l.title, lang)}</span>
              <span className="lesson-list__summary">{pick(l.summary, lang)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A lesson that wants a fresh machine, asked for on a used one. Asked, not done: a teacher may have
 * set the machine up on purpose, and starting over drops the transcript and the undo records.
 */
function FreshOffer({ lesson }: { readonly lesson: Lesson }) {
  const t = useT(messages);
  const id = useId();
  const lang = useAppStore(selectLanguage);
  const reply = useAppStore(selectAnswerFreshOffer);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="lesson-fresh" role="group" aria-labelledby={id}>
      <h3 id={id} className="lesson-step__title">
        {t('freshQuestion')}
      </h3>
      <p>{t('freshWhy', { lesson: pick(lesson.title, lang) })}</p>
      <div className="lesson-step__nav">
        <button ref={first} type="button" className="button button--primary" onClick={() => reply(true)}>
          {t('freshYes')}
        </button>
        <button type="button" className="button" onClick={() => reply(false)}>
          {t('freshNo')}
        </button>
        <button type="button" className="button" onClick={() => reply(null)}>
          {t('freshCancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * One step of a lesson. 'band' is the embed's (app/embed): no way back to a list it does not show, the
 * texts in a column that scrolls by itself, the command, its check and Previous/Next always in view.
 */
export function StepView({
  lesson,
  progress,
  variant = 'panel',
}: {
  readonly lesson: Lesson;
  readonly progress: Progress;
  readonly variant?: 'panel' | 'band';
}) {
  const t = useT(messages);
  const band = variant === 'band';
  const lang = useAppStore(selectLanguage);
  const stop = useAppStore(selectStop);
  const next = useAppStore(selectNext);
  const previous = useAppStore(selectPrevious);
  const step = lesson.steps[progress.step];
  if (progress.done || !step) {
    const checks = lesson.steps.filter((s) => s.check).length;
    const passed = lesson.steps.filter((s, i) => s.check && progress.passed[i]).length;
    return (
      <div className="lesson-step">
        <h3 className="lesson-step__title">{pick(lesson.title, lang)}</h3>
        <p role="status">{t('complete', { passed, total: checks })}</p>
        <button type="button" className="button" onClick={stop}>
          {band ? t('closeLesson') : t('allLessons')}
        </button>
      </div>
    );
  }
  const last = progress.step === lesson.steps.length - 1;
  return (
    <div className={band ? 'lesson-step lesson-step--band' : 'lesson-step'} data-step={step.id}>
      <div className="lesson-step__top">
        {!band && (
          <button type="button" className="button lesson-step__back" onClick={stop}>
            ← {t('allLessons')}
          </button>
        )}
        <span className="lesson-step__count">
          {t('stepOf', { step: progress.step + 1, total: lesson.steps.length })}
        </span>
        {band && <h2 className="lesson-step__title">{pick(lesson.title, lang)}</h2>}
      </div>
      {!band && <h3 className="lesson-step__title">{pick(lesson.title, lang)}</h3>}
      {/* In the band this column scrolls by itself: it takes the keyboard's focus to be scrolled too. */}
      <div
        className="lesson-step__text"
        {...(band ? { tabIndex: 0, role: 'region', 'aria-label': t('stepText') } : {})}
      >
        <p className="lesson-step__narration">{pick(step.narration, lang)}</p>
        {step.figure && <LessonFigure figure={step.figure} />}
        {step.quiz && <QuizView step={step} progress={progress} />}
        {step.lookAt && (
          <p className="lesson-step__look">
            <span className="lesson-step__label">{t('lookAt')}</span>
            {step.lookAt.area && <span className="lesson-step__area">{t(areaKey(step.lookAt.area))}</span>}
            <span>{pick(step.lookAt, lang)}</span>
          </p>
        )}
      </div>
      <div className="lesson-step__act">
        {step.command && <CommandView step={step} progress={progress} />}
        {step.check && <CheckStatus step={step} progress={progress} />}
        <nav
          className="lesson-step__nav"
          aria-label={t('stepOf', { step: progress.step + 1, total: lesson.steps.length })}
        >
          <button type="button" className="button" onClick={previous} disabled={progress.step === 0}>
            {t('previous')}
          </button>
          <button
            type="button"
            className={progress.passed[progress.step] ? 'button button--primary' : 'button'}
            onClick={next}
          >
            {last ? t('finish') : t('next')}
          </button>
        </nav>
      </div>
    </div>
  );
}

const areaKey = (area: NonNullable<Step['lookAt']>['area'] & string): LessonMessage =>
  area === 'stack'
    ? 'areaStack'
    : area === 'terminal'
      ? 'areaTerminal'
      : (`area${area[0]!.toUpperCase()}${area.slice(1)}` as LessonMessage);

function CommandView({ step, progress }: { readonly step: Step; readonly progress: Progress }) {
  const t = useT(messages);
  const world = useAppStore(selectWorld);
  const typeForMe = useAppStore(selectTypeForMe);
  const command = step.command!;
  const line = fillPlaceholders(command.line, world);
  const locked = step.quiz !== undefined && progress.chosen === null;
  return (
    <div className="lesson-command">
      {command.by === 'you' && <p className="lesson-command__yours">{t('yourTurn')}</p>}
      <div className="lesson-command__row">
        <code className="lesson-command__line" aria-label={t('command')}>
          {line}
        </code>
        {!step.quiz && (
          <button type="button" className="button lesson-command__type" onClick={typeForMe} disabled={locked}>
            {t('typeForMe')}
          </button>
        )}
      </div>
    </div>
  );
}

function QuizView({ step, progress }: { readonly step: Step; readonly progress: Progress }) {
  const t = useT(messages);
  const lang = useAppStore(selectLanguage);
  const answer = useAppStore(selectAnswer);
  const quiz = step.quiz!;
  const chosen = progress.chosen;
  return (
    <div className="lesson-quiz">
      <p className="lesson-quiz__question">{pick(quiz.question, lang)}</p>
      <ul className="lesson-quiz__choices">
        {quiz.choices.map((c, i) => {
          const state =
            chosen === null
              ? ''
              : i === quiz.answer
                ? ' lesson-quiz__choice--right'
                : i === chosen
                  ? ' lesson-quiz__choice--wrong'
                  : '';
          return (
            <li key={i}>
              <button
                type="button"
                className={`lesson-quiz__choice${state}`}
                aria-pressed={chosen === i}
                disabled={chosen !== null}
                onClick={() => answer(i)}
              >
                {pick(c, lang)}
              </button>
            </li>
          );
        })}
      </ul>
      {chosen !== null && (
        <div className="lesson-quiz__feedback" role="status">
          <p
            className={chosen === quiz.answer ? 'lesson-quiz__verdict--right' : 'lesson-quiz__verdict--wrong'}
          >
            {chosen === quiz.answer
              ? t('right')
              : t('wrong', { answer: pick(quiz.choices[quiz.answer]!, lang) })}
          </p>
          <p>{pick(quiz.explain, lang)}</p>
        </div>
      )}
    </div>
  );
}

function CheckStatus({ step, progress }: { readonly step: Step; readonly progress: Progress }) {
  const t = useT(messages);
  const passed = progress.passed[progress.step] === true;
  const text = passed ? t('passed') : step.quiz && progress.chosen === null ? t('answerFirst') : t('waiting');
  return (
    <p
      className={passed ? 'lesson-check lesson-check--passed' : 'lesson-check'}
      role="status"
      data-testid="lesson-check"
    >
      <span className="lesson-check__mark" aria-hidden="true">
        {passed ? '✓' : '○'}
      </span>
      {text}
    </p>
  );
}
