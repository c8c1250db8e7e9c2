import { useId, useMemo, useState } from 'react';
import { findImage, imageLayersTopFirst } from '../../engine/docker/images.ts';
import { useT } from '../../i18n/use-t.ts';
import { byteLedger } from '../../store/ledger.ts';
import { selectWorld } from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { humanBytes } from './format.ts';
import { importMessages } from './messages.ts';

/**
 * The byte ledger of one image (app/store/ledger.ts), folded under the Images table: per layer what
 * it adds, changes and removes, and what of it later layers hide; the image's efficiency.
 */
export function Ledger({ refs }: { readonly refs: readonly string[] }) {
  const t = useT(importMessages);
  const world = useAppStore(selectWorld);
  const [chosen, setChosen] = useState<string | null>(null);
  const ref = chosen !== null && refs.includes(chosen) ? chosen : refs[0];
  const ledger = useMemo(() => {
    const img = ref === undefined ? undefined : findImage(world, ref);
    return img ? byteLedger(imageLayersTopFirst(world, img).reverse(), { largest: 1 }) : null;
  }, [world, ref]);
  const select = useId();
  if (ref === undefined || !ledger) return null;
  const largest = ledger.largest[0];
  return (
    <details className="ledger">
      <summary>{t('ledger')}</summary>
      <label className="ledger__pick" htmlFor={select}>
        {t('ledgerImage')}{' '}
        <select id={select} value={ref} onChange={(e) => setChosen(e.currentTarget.value)}>
          {refs.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <div className="ledger__scroll">
        <table className="table ledger__table">
          <thead>
            <tr>
              <th scope="col">{t('ledgerLayer')}</th>
              <th scope="col" className="num">
                {t('ledgerAdded')}
              </th>
              <th scope="col" className="num">
                {t('ledgerModified')}
              </th>
              <th scope="col" className="num">
                {t('ledgerRemoved')}
              </th>
              <th scope="col" className="num">
                {t('ledgerHidden')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ledger.layers.map((l, i) => (
              <tr key={i}>
                <th scope="row" className="num mono">
                  {i + 1}
                </th>
                <td className="num mono">{humanBytes(l.added)}</td>
                <td className="num mono">{humanBytes(l.modified)}</td>
                <td className="num mono">{humanBytes(l.removed)}</td>
                <td className="num mono">{humanBytes(l.hidden)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">
        {t('ledgerSummary', {
          total: humanBytes(ledger.total),
          wasted: humanBytes(ledger.wasted),
          // Rounded down: an image that wastes any byte never reads as 100%.
          efficiency: (Math.floor(ledger.efficiency * 1000) / 10).toFixed(1),
        })}
        {largest &&
          ` ${t('ledgerLargest', { path: largest.path, size: humanBytes(largest.size), layer: largest.layer + 1 })}`}
      </p>
    </details>
  );
}
