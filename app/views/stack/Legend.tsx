import { MARK_SYMBOL, TILE_LETTER } from './marks.ts';

const TILES = [
  ['file', 'file'],
  ['dir', 'directory'],
  ['symlink', 'symlink'],
  ['whiteout', 'whiteout (hides below)'],
  ['opaque', 'opaque dir (hides below)'],
] as const;

const MARKS = [
  ['probe', 'looking'],
  ['hit', 'found'],
  ['miss', 'not here'],
  ['stop', 'stopped'],
  ['source', 'original'],
  ['copy', 'copy'],
  ['new', 'new'],
  ['changed', 'changed'],
] as const;

/** What the letters and symbols of the stack mean. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {TILES.map(([k, text]) => (
        <li key={k}>
          <span className={`legend__tile legend__tile--${k}`} aria-hidden="true">
            {TILE_LETTER[k]}
          </span>
          {text}
        </li>
      ))}
      {MARKS.map(([m, text]) => (
        <li key={m}>
          <span className={`legend__mark legend__mark--${m}`} aria-hidden="true">
            {MARK_SYMBOL[m]}
          </span>
          {text}
        </li>
      ))}
    </ul>
  );
}
