import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { selectBlanked, selectPresenting } from '../../store/presenter-slice.ts';
import { selectTranscript } from '../../store/selectors.ts';
import { appStore, useAppStore } from '../../store/use-app-store.ts';
import type { PresenterAction } from './keys.ts';
import { nextSpeed } from './keys.ts';
import { firstLines } from './last-command.ts';
import { messages } from './messages.ts';
import { usePresenterKeys } from './use-presenter-keys.ts';

/** The root class that presenter.css scopes every rule under. */
const ROOT_CLASS = 'app--present';
/** Lines of the last command's output the banner shows; the terminal has the rest. */
const OUTPUT_LINES = 2;

/** What each key's action does to the store. */
function act(action: PresenterAction): void {
  const s = appStore.getState();
  switch (action) {
    case 'forward':
      return s.stepForward();
    case 'back':
      return s.stepBack();
    case 'blank':
      return s.setBlanked(true);
    case 'unblank':
      return s.setBlanked(false);
    case 'faster':
      return s.setSpeed(nextSpeed(s.player.speed, 1));
    case 'slower':
      return s.setSpeed(nextSpeed(s.player.speed, -1));
    case 'exit':
      return s.setPresenting(false);
    default:
      return unknownAction(action);
  }
}

function unknownAction(_a: never): void {}

/**
 * Presenter mode in the workspace: the last command big above the stack, the blank screen, and the
 * keys of a presentation clicker. The layout itself is presenter.css, keyed on the root class; the
 * header's part is PresenterHeader.
 */
export function Presenter() {
  const presenting = useAppStore(selectPresenting);
  const blanked = useAppStore(selectBlanked);

  // Before paint, so `?present=1` never shows the ordinary layout first.
  useLayoutEffect(() => {
    document.documentElement.classList.toggle(ROOT_CLASS, presenting);
  }, [presenting]);
  usePresenterKeys(presenting, blanked, act);

  if (!presenting) return null;
  return (
    <>
      <LastCommand />
      {blanked && <Blank />}
    </>
  );
}

/** The last line typed, big, with the first lines it printed. */
function LastCommand() {
  const t = useT(messages);
  const transcript = useAppStore(selectTranscript);
  const headingId = useId();
  const entry = transcript[transcript.length - 1];
  const shown = entry ? firstLines(entry, OUTPUT_LINES) : null;
  const prompt =
    entry?.where === 'container' ? 'presenter__prompt presenter__prompt--container' : 'presenter__prompt';
  return (
    <section className="presenter__last" aria-labelledby={headingId} data-testid="presenter-last">
      <h2 id={headingId} className="visually-hidden">
        {t('lastCommand')}
      </h2>
      {entry && shown ? (
        <>
          <p className="presenter__command">
            <span className={prompt}>{entry.prompt}</span>{' '}
            <span className="presenter__line">{entry.command}</span>
          </p>
          {shown.lines.length > 0 && (
            <pre
              className={
                entry.exitCode === 0 ? 'presenter__output' : 'presenter__output presenter__output--failed'
              }
            >
              {shown.lines.join('\n')}
            </pre>
          )}
          {shown.more > 0 && <p className="presenter__more">{t('moreLines', { count: shown.more })}</p>}
        </>
      ) : (
        <p className="presenter__empty">{t('noCommand')}</p>
      )}
    </section>
  );
}

/**
 * The black screen. It takes the focus while it shows and gives it back after; any key
 * (usePresenterKeys) or a click ends it.
 */
function Blank() {
  const t = useT(messages);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus({ preventScroll: true });
    return () => before?.focus({ preventScroll: true });
  }, []);
  return (
    <button
      ref={ref}
      type="button"
      className="presenter__blank"
      data-testid="presenter-blank"
      onClick={() => appStore.getState().setBlanked(false)}
    >
      <span className="visually-hidden">{t('blanked')}</span>
    </button>
  );
}
