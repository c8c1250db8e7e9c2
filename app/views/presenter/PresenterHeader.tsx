import { useId } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { selectPresenting, selectSetPresenting } from '../../store/presenter-slice.ts';
import { selectSpeed } from '../../store/selectors.ts';
import { appStore, useAppStore } from '../../store/use-app-store.ts';
import { nextSpeed } from './keys.ts';
import { messages } from './messages.ts';

/**
 * The header's part of presenter mode: the button in; once in, the speed, the blank screen, the keys
 * that do the same, and the way out (Escape leaves too).
 */
export function PresenterHeader() {
  const t = useT(messages);
  const presenting = useAppStore(selectPresenting);
  const setPresenting = useAppStore(selectSetPresenting);
  if (!presenting)
    return (
      <button type="button" className="button presenter-toggle" onClick={() => setPresenting(true)}>
        {t('enter')}
      </button>
    );
  return (
    <div className="presenter-bar">
      <p className="presenter-bar__keys">{t('keys')}</p>
      <div className="presenter-bar__controls" role="group" aria-label={t('controls')}>
        <SpeedControl />
        <button
          type="button"
          className="button presenter-bar__button"
          onClick={() => appStore.getState().setBlanked(true)}
        >
          {t('blank')}
        </button>
      </div>
      <button
        type="button"
        className="button presenter-bar__button presenter-bar__exit"
        onClick={() => setPresenting(false)}
      >
        {t('exit')}
      </button>
    </div>
  );
}

/** Slower and faster around the speed's name; the same steps as the − and + keys. */
function SpeedControl() {
  const t = useT(messages);
  const speed = useAppStore(selectSpeed);
  const speedId = useId();
  const name = speed === 0 ? t('instant') : t('times', { speed });
  const button = (dir: 1 | -1) => (
    <button
      type="button"
      className="button presenter-bar__button"
      aria-describedby={speedId}
      disabled={nextSpeed(speed, dir) === speed}
      onClick={() => appStore.getState().setSpeed(nextSpeed(speed, dir))}
    >
      <span aria-hidden="true">{dir > 0 ? '+' : '−'}</span>
      <span className="visually-hidden">{dir > 0 ? t('faster') : t('slower')}</span>
    </button>
  );
  return (
    <div className="presenter-bar__speed">
      {button(-1)}
      <span className="presenter-bar__speed-value" id={speedId} aria-live="polite">
        {t('speed')} {name}
      </span>
      {button(1)}
    </div>
  );
}
