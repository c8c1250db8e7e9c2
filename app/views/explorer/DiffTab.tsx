import { useState } from 'react';
import type { Change } from '../../engine/docker/diff.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { printable } from '../../store/derive.ts';
import { formatCount } from './format.ts';
import { ChangeMark, changeWord } from './Marks.tsx';
import { moveRowFocus, tabStop } from './roving.ts';
import { useT } from '../../i18n/use-t.ts';
import { explorerMessages } from './messages.ts';

/** Lines listed; a diff past this is counted (a `find / -delete` can change thousands of paths). */
const MAX_DIFF_ROWS = 500;

interface Props {
  readonly name: string;
  readonly changes: readonly Change[];
  readonly selected: AbsPath | null;
  readonly onSelect: (path: AbsPath) => void;
  readonly onPoint: (path: AbsPath | null) => void;
}

/** `docker diff <container>`, a line a change; pointing at a line shows it in the stack, a click inspects it. */
export function DiffTab({ name, changes, selected, onSelect, onPoint }: Props) {
  const [active, setActive] = useState(0);
  const t = useT(explorerMessages);
  const rows = changes.slice(0, MAX_DIFF_ROWS);
  const counts = { A: 0, C: 0, D: 0 };
  for (const c of changes) counts[c.kind]++;
  return (
    <div className="diff-tab">
      <p className="cmdline">
        <code>$ docker diff {name}</code>
        <span className="diff-tab__counts">
          {(['A', 'C', 'D'] as const).map((k) => (
            <span key={k} className="diff-tab__count">
              <ChangeMark kind={k} /> {counts[k]} {changeWord(t, k)}
            </span>
          ))}
        </span>
      </p>
      {rows.length === 0 ? (
        <p className="panel__empty">{t('noChanges')}</p>
      ) : (
        <ul
          className="entries entries--diff"
          aria-label={`docker diff ${name}`}
          onKeyDown={(e) => void moveRowFocus(e)}
        >
          {rows.map((c, i) => (
            <li key={c.path}>
              <button
                type="button"
                data-row
                tabIndex={i === tabStop(active, rows.length) ? 0 : -1}
                className={`xrow xrow--diff xrow--${c.kind}${c.path === selected ? ' xrow--selected' : ''}`}
                aria-current={c.path === selected ? 'true' : undefined}
                onClick={() => onSelect(c.path as AbsPath)}
                onFocus={() => {
                  setActive(i);
                  onPoint(c.path as AbsPath);
                }}
                onBlur={() => onPoint(null)}
                onMouseEnter={() => onPoint(c.path as AbsPath)}
                onMouseLeave={() => onPoint(null)}
              >
                <ChangeMark kind={c.kind} /> <span className="xrow__name">{printable(c.path)}</span>{' '}
                <span className="xrow__note">{changeWord(t, c.kind)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {changes.length > rows.length && (
        <p className="note">{t('moreLines', { count: formatCount(changes.length - rows.length) })}</p>
      )}
    </div>
  );
}
