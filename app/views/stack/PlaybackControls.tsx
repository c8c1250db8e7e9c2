import { useId } from 'react';
import type { Speed } from '../../timeline/durations.ts';
import { SPEEDS } from '../../timeline/durations.ts';
import type { PlayerState } from '../../timeline/player.ts';
import { useT } from '../../i18n/use-t.ts';
import { stackMessages } from './messages.ts';

interface Props {
  readonly player: PlayerState;
  readonly onPlay: () => void;
  readonly onPause: () => void;
  readonly onBack: () => void;
  readonly onForward: () => void;
  readonly onSpeed: (speed: Speed) => void;
}

/** Play/pause, step back/forward through the current command's steps, and the speed. */
export function PlaybackControls({ player, onPlay, onPause, onBack, onForward, onSpeed }: Props) {
  const speedId = useId();
  const t = useT(stackMessages);
  const none = player.steps.length === 0;
  return (
    <div className="playback" role="toolbar" aria-label={t('playback')}>
      <button type="button" className="button" onClick={onBack} disabled={none}>
        {t('stepBack')}
      </button>
      {player.playing ? (
        <button type="button" className="button button--primary" onClick={onPause}>
          {t('pause')}
        </button>
      ) : (
        <button type="button" className="button button--primary" onClick={onPlay} disabled={none}>
          {t('play')}
        </button>
      )}
      <button type="button" className="button" onClick={onForward} disabled={none || player.done}>
        {t('stepForward')}
      </button>
      <label className="playback__speed" htmlFor={speedId}>
        {t('speed')}
      </label>
      <select
        id={speedId}
        className="playback__select"
        value={String(player.speed)}
        onChange={(e) => onSpeed(Number(e.target.value) as Speed)}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {s === 0 ? t('instant') : `${s}×`}
          </option>
        ))}
      </select>
      <span className="playback__count">
        {none ? t('noSteps') : t('stepOf', { n: player.index + 1, total: player.steps.length })}
      </span>
    </div>
  );
}
