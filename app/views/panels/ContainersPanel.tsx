import { useMemo } from 'react';
import { containerRows } from '../../store/derive.ts';
import { selectWorld } from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { Panel } from './Panel.tsx';

export function ContainersPanel() {
  const world = useAppStore(selectWorld);
  const rows = useMemo(() => containerRows(world), [world]);
  return (
    <Panel title="Containers">
      {rows.length === 0 ? (
        <p className="panel__empty">
          None yet. <code>docker run --name nginx -d nginx</code> starts one.
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Image</th>
              <th scope="col">Status</th>
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
