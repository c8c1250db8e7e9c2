import { useMemo } from 'react';
import { imageRows } from '../../store/derive.ts';
import { selectWorld } from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { Panel } from './Panel.tsx';
import { useT } from '../../i18n/use-t.ts';
import { panelMessages } from './messages.ts';
import { importMessages } from '../import/messages.ts';
import { OpenImage } from '../import/OpenImage.tsx';
import { Ledger } from '../import/Ledger.tsx';

export function ImagesPanel() {
  const world = useAppStore(selectWorld);
  const rows = useMemo(() => imageRows(world), [world]);
  const t = useT(panelMessages);
  const ti = useT(importMessages);
  const saveImage = useAppStore((s) => s.saveImage);
  const refs = useMemo(() => rows.filter((r) => r.ref !== '<none>:<none>').map((r) => r.ref), [rows]);
  return (
    <Panel title={t('images')}>
      <OpenImage />
      {rows.length === 0 ? (
        <p className="panel__empty">{t('noImages')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('image')}</th>
              <th scope="col">{t('id')}</th>
              <th scope="col" className="num">
                {t('layers')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.ref}\u0000${r.shortId}\u0000${i}`}>
                <td className="mono">{r.ref}</td>
                <td className="mono">{r.shortId}</td>
                <td className="num mono">
                  {r.layers}
                  {/* Its arrow is drawn by CSS: the cell's text stays the layer count. */}
                  <button
                    type="button"
                    className="button image-row__save"
                    aria-label={ti('downloadImage', { ref: r.ref })}
                    title={ti('downloadImage', { ref: r.ref })}
                    onClick={() => saveImage(r.ref === '<none>:<none>' ? r.shortId : r.ref)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Ledger refs={refs} />
    </Panel>
  );
}
