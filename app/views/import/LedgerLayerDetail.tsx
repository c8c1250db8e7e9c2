import { useT } from '../../i18n/use-t.ts';
import type { LayerLedger } from '../../store/ledger.ts';
import { humanBytes } from './format.ts';
import { ledgerMessages } from './ledger-messages.ts';

/**
 * One layer of the byte ledger folded out: its largest files (each inode once; a file every name of
 * which later layers hide is flagged in words and a shape, not colour alone) and its largest
 * directories, summing this layer's files beneath them. The question it answers is the lesson's:
 * "why didn't my image shrink?" — the big file is still here, hidden, and every pull carries it.
 */
export function LedgerLayerDetail({
  layer,
  number,
}: {
  readonly layer: LayerLedger;
  readonly number: number;
}) {
  const t = useT(ledgerMessages);
  if (layer.files.length === 0)
    return <p className="ledger-layer__empty">{t('noFiles', { layer: number })}</p>;
  return (
    <div className="ledger-layer">
      <table className="ledger-layer__table">
        <caption>{t('filesCaption', { layer: number })}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('size')}
            </th>
            <th scope="col">{t('file')}</th>
          </tr>
        </thead>
        <tbody>
          {layer.files.map((f) => (
            <tr key={f.path} className={f.hidden ? 'ledger-layer__hidden' : undefined}>
              <td className="num mono">{humanBytes(f.size)}</td>
              <td>
                <span className="mono ledger-layer__path">{f.path}</span>
                {f.hidden && <span className="ledger-layer__flag">{t('hiddenFlag')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="ledger-layer__table">
        <caption>
          {t('dirsCaption', { layer: number })}
          <span className="ledger-layer__caption-note">{t('dirsNote')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('size')}
            </th>
            <th scope="col">{t('directory')}</th>
          </tr>
        </thead>
        <tbody>
          {layer.dirs.map((d) => (
            <tr key={d.path}>
              <td className="num mono">{humanBytes(d.size)}</td>
              <td>
                <span className="mono ledger-layer__path">{d.path}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
