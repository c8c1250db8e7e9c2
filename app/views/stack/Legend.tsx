import { MARK_SYMBOL, TILE_LETTER } from './marks.ts';
import { useT } from '../../i18n/use-t.ts';
import { stackMessages } from './messages.ts';

const TILES = ['file', 'dir', 'symlink', 'whiteout', 'opaque'] as const;
const MARKS = ['probe', 'hit', 'miss', 'stop', 'source', 'copy', 'new', 'changed'] as const;

/** What the letters and symbols of the stack mean. */
export function Legend() {
  const t = useT(stackMessages);
  return (
    <ul className="legend" aria-label={t('legend')}>
      {TILES.map((k) => (
        <li key={k}>
          <span className={`legend__tile legend__tile--${k}`} aria-hidden="true">
            {TILE_LETTER[k]}
          </span>
          {t(`legend.${k}`)}
        </li>
      ))}
      {MARKS.map((m) => (
        <li key={m}>
          <span className={`legend__mark legend__mark--${m}`} aria-hidden="true">
            {MARK_SYMBOL[m]}
          </span>
          {t(`legend.${m}`)}
        </li>
      ))}
    </ul>
  );
}
