import type { AbsPath } from '../../engine/ids.ts';
import { printable } from '../../store/derive.ts';
import { crumbs } from './layout.ts';
import { useT } from '../../i18n/use-t.ts';
import { stackMessages } from './messages.ts';

interface Props {
  readonly dir: AbsPath;
  readonly onOpen: (dir: AbsPath) => void;
}

/** Where the stack is looking: each ancestor a button (the current one marked, not a button). */
export function Breadcrumb({ dir, onOpen }: Props) {
  const parts = crumbs(dir);
  const t = useT(stackMessages);
  return (
    <nav className="crumbs" aria-label={t('directory')}>
      <ol>
        {parts.map((c, i) => (
          <li key={c.path}>
            {i === parts.length - 1 ? (
              <span aria-current="location">{printable(c.name)}</span>
            ) : (
              <button type="button" className="crumbs__button" onClick={() => onOpen(c.path)}>
                {printable(c.name)}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
