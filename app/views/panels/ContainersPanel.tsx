import { useMemo } from 'react';
import { containerRows } from '../../store/derive.ts';
import { selectWorld } from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { Panel } from './Panel.tsx';
import { useT } from '../../i18n/use-t.ts';
import { panelMessages } from './messages.ts';

export function ContainersPanel() {
  const world = useAppStore(selectWorld);
  const rows = useMemo(() => containerRows(world), [world]);
  const t = useT(panelMessages);
  const [before, after] = t('noContainers').split('{command}');
  return (
    <Panel title={t('containers')}>
      {rows.length === 0 ? (
        <p className="panel__empty">
          {before}
          <code>docker run --name nginx -d nginx</code>
          {after}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('image')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="mono">{r.name}</td>
                <td className="mono">{r.image}</td>
                <td>
                  <span className={r.status === 'Up' ? 'status status--up' : 'status'}>{r.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
