import { useId } from 'react';
import type { Speed } from '../../timeline/durations.ts';
import { SPEEDS } from '../../timeline/durations.ts';
import type { PlayerState } from '../../timeline/player.ts';

interface Props {
  readonly player: PlayerState;
  readonly onPlay: () => void;
  readonly onPause: () => void;
  readonly onBack: () => void;
  readonly onForward: () => void;
  readonly onSpeed: (speed: Speed) => void;
}

const speedName = (s: Speed): string => (s === 0 ? 'Instant' : `${s}×`);

/** Play/pause, step back/forward through the current command's steps, and the speed. */
export function PlaybackControls({ player, onPlay, onPause, onBack, onForward, onSpeed }: Props) {
  const speedId = useId();
  const none = player.steps.length === 0;
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button type="button" className="button" onClick={onBack} disabled={none}>
        Step back
      </button>
      {player.playing ? (
        <button type="button" className="button button--primary" onClick={onPause}>
          Pause
        </button>
      ) : (
        <button type="button" className="button button--primary" onClick={onPlay} disabled={none}>
          Play
        </button>
      )}
      <button type="button" className="button" onClick={onForward} disabled={none || player.done}>
        Step forward
      </button>
      <label className="playback__speed" htmlFor={speedId}>
        Speed
      </label>
      <select
        id={speedId}
        className="playback__select"
        value={String(player.speed)}
        onChange={(e) => onSpeed(Number(e.target.value) as Speed)}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {speedName(s)}
          </option>
        ))}
      </select>
      <span className="playback__count">
        {none ? 'No steps yet' : `Step ${player.index + 1} of ${player.steps.length}`}
      </span>
    </div>
  );
}
