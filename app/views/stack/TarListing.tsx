import { useMemo } from 'react';
import type { World } from '../../engine/docker/world.ts';
import { layerTarListing } from '../../engine/tar.ts';
import type { Step } from '../../timeline/step.ts';
import { formatBytes } from './layout.ts';
import { useT } from '../../i18n/use-t.ts';
import { stackMessages } from './messages.ts';

/** Entries shown at most: an upper can hold thousands; the count says how many more. */
const SHOWN = 14;

/**
 * While `docker commit` serializes the upper, the tar it writes, entry by entry as `tar -tv` would
 * list it: whiteouts appear as `.wh.` files and opaque dirs as `.wh..wh..opq` (E2–E4).
 */
export function TarListing({ step, world }: { readonly step: Step; readonly world: World }) {
  const t = useT(stackMessages);
  const upper = step.highlights.find((h) => h.at.band === 'layer')?.at;
  const layer = useMemo(() => {
    if (upper?.band !== 'layer') return null;
    for (const c of world.containers.values()) if (c.upper.id === upper.layer) return c.upper;
    return null;
  }, [world, upper]);
  const entries = useMemo(() => (layer ? layerTarListing(layer) : []), [layer]);
  if (!layer) return null;
  return (
    <figure className="tar">
      <figcaption className="tar__caption">
        {t(entries.length === 1 ? 'tarOne' : 'tarMany', { count: entries.length })}
      </figcaption>
      <ol className="tar__entries">
        {entries.slice(0, SHOWN).map((e) => {
          const whiteout = /(^|\/)\.wh\./.test(e.name);
          return (
            <li key={e.name} className={whiteout ? 'tar__entry tar__entry--wh' : 'tar__entry'}>
              <span className="tar__type" aria-hidden="true">
                {TYPE_LETTER[e.type]}
              </span>
              <code className="tar__name">{e.name}</code>
              <span className="tar__size">{e.type === '0' ? formatBytes(e.size) : ''}</span>
              {whiteout && (
                <span className="tar__note">
                  {e.name.endsWith('.wh..wh..opq') ? t('tarOpaque') : t('tarWhiteout')}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {entries.length > SHOWN && (
        <p className="tar__more">{t('tarMore', { count: entries.length - SHOWN })}</p>
      )}
    </figure>
  );
}

/** As `tar -tv` begins each line: - file, h hard link, l symlink, d directory. */
const TYPE_LETTER = { '0': '-', '1': 'h', '2': 'l', '5': 'd' } as const;
