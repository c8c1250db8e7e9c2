import { useId, useMemo, useState } from 'react';
import { imageRows } from '../../store/derive.ts';
import { selectWorld } from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { Panel } from './Panel.tsx';
import { useT } from '../../i18n/use-t.ts';
import { panelMessages } from './messages.ts';
import { importMessages } from '../import/messages.ts';
import { OpenImage } from '../import/OpenImage.tsx';
import { Ledger } from '../import/Ledger.tsx';
import type { SaveTarget } from '../import/SaveImageMenu.tsx';
import { SaveImageMenu } from '../import/SaveImageMenu.tsx';

export function ImagesPanel() {
  const world = useAppStore(selectWorld);
  const rows = useMemo(() => imageRows(world), [world]);
  const t = useT(panelMessages);
  const ti = useT(importMessages);
  const menuId = useId();
  const [saving, setSaving] = useState<SaveTarget | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
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
            {rows.map((r, i) => {
              const target = r.ref === '<none>:<none>' ? r.shortId : r.ref;
              return (
                <tr key={`${r.ref}\u0000${r.shortId}\u0000${i}`}>
                  <td className="mono">{r.ref}</td>
                  <td className="mono">{r.shortId}</td>
                  <td className="num mono">
                    {r.layers}
                    {/* Its arrow is drawn by CSS: the cell's text stays the layer count. It opens the
                      menu of formats (the popover's toggle), for this row's image. */}
                    <button
                      type="button"
                      className="button image-row__save"
                      aria-label={ti('downloadImage', { ref: r.ref })}
                      title={ti('downloadImage', { ref: r.ref })}
                      popoverTarget={menuId}
                      aria-controls={menuId}
                      aria-expanded={menuOpen && saving?.ref === target}
                      onClick={() => setSaving({ label: r.ref, ref: target })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <SaveImageMenu id={menuId} target={saving} onOpenChange={setMenuOpen} />
      <Ledger refs={refs} />
    </Panel>
  );
}
