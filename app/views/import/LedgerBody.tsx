import { Fragment, useId, useMemo, useState } from 'react';
import { findImage, imageLayersTopFirst } from '../../engine/docker/images.ts';
import { useT } from '../../i18n/use-t.ts';
import type { ImageLedger, LayerLedger } from '../../store/ledger.ts';
import { byteLedger } from '../../store/ledger.ts';
import { selectWorld } from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { humanBytes } from './format.ts';
import { ledgerMessages } from './ledger-messages.ts';
import { LedgerLayerDetail } from './LedgerLayerDetail.tsx';
import { importMessages } from './messages.ts';

/**
 * The byte ledger of one image (app/store/ledger.ts), shown while "Bytes by layer" is folded out
 * (Ledger.tsx loads it then): per layer what it adds, changes and removes, and what of it later
 * layers hide; the image's efficiency. A layer's row folds out its largest files and directories.
 */
export function LedgerBody({ refs }: { readonly refs: readonly string[] }) {
  const t = useT(importMessages);
  const world = useAppStore(selectWorld);
  const [chosen, setChosen] = useState<string | null>(null);
  const ref = chosen !== null && refs.includes(chosen) ? chosen : refs[0];
  const ledger = useMemo(() => {
    const img = ref === undefined ? undefined : findImage(world, ref);
    return img ? byteLedger(imageLayersTopFirst(world, img).reverse(), { largest: 1 }) : null;
  }, [world, ref]);
  const select = useId();
  if (ref === undefined) return null;
  const largest = ledger?.largest[0];
  return (
    <>
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
      {ledger && (
        <>
          {/* Keyed by the image: another image starts with its layers folded. */}
          <LedgerTable key={ref} ledger={ledger} />
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
        </>
      )}
    </>
  );
}

/** The ledger's columns after the layer's number: what it adds, changes, removes, and hides of itself. */
const COLUMNS = [
  { title: 'ledgerAdded', bytes: (l: LayerLedger) => l.added },
  { title: 'ledgerModified', bytes: (l: LayerLedger) => l.modified },
  { title: 'ledgerRemoved', bytes: (l: LayerLedger) => l.removed },
  { title: 'ledgerHidden', bytes: (l: LayerLedger) => l.hidden },
] as const;

function LedgerTable({ ledger }: { readonly ledger: ImageLedger }) {
  const t = useT(importMessages);
  const tl = useT(ledgerMessages);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const ids = useId();
  const toggle = (i: number): void =>
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  return (
    <>
      <p className="ledger__hint">{tl('layerHint')}</p>
      <div className="ledger__scroll">
        <table className="table ledger__table">
          <thead>
            <tr>
              <th scope="col">{t('ledgerLayer')}</th>
              {COLUMNS.map(({ title }) => (
                <th key={title} scope="col" className="num">
                  {t(title)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ledger.layers.map((l, i) => {
              const open = expanded.has(i);
              const detail = `${ids}-layer-${i}`;
              return (
                <Fragment key={i}>
                  {/* A click anywhere on the row folds it; the button is how keys and screen readers reach it. */}
                  <tr
                    className={open ? 'ledger__row ledger__row--open' : 'ledger__row'}
                    onClick={() => toggle(i)}
                  >
                    <th scope="row" className="mono">
                      {/* Its click bubbles to the row: no handler of its own, or it would fold twice. */}
                      <button
                        type="button"
                        className="ledger__toggle"
                        aria-expanded={open}
                        aria-controls={open ? detail : undefined}
                        aria-label={tl('layerToggle', { layer: i + 1 })}
                      >
                        {i + 1}
                      </button>
                    </th>
                    {COLUMNS.map(({ title, bytes }) => (
                      <td key={title} className="num mono">
                        {humanBytes(bytes(l))}
                      </td>
                    ))}
                  </tr>
                  {open && (
                    <tr className="ledger__detail" id={detail}>
                      <td colSpan={5}>
                        <LedgerLayerDetail layer={l} number={i + 1} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
