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
      <SizeTable
        caption={t('filesCaption', { layer: number })}
        column={t('file')}
        rows={layer.files}
        hiddenFlag={t('hiddenFlag')}
      />
      <SizeTable
        caption={t('dirsCaption', { layer: number })}
        note={t('dirsNote')}
        column={t('directory')}
        rows={layer.dirs}
      />
    </div>
  );
}

/** Sizes and paths, largest first; a row flagged hidden says so in words beside a shape. */
function SizeTable({
  caption,
  note,
  column,
  rows,
  hiddenFlag,
}: {
  readonly caption: string;
  readonly note?: string;
  readonly column: string;
  readonly rows: readonly { readonly path: string; readonly size: number; readonly hidden?: boolean }[];
  readonly hiddenFlag?: string;
}) {
  const t = useT(ledgerMessages);
  return (
    <table className="ledger-layer__table">
      <caption>
        {caption}
        {note !== undefined && <span className="ledger-layer__caption-note">{note}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {t('size')}
          </th>
          <th scope="col">{column}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.path} className={r.hidden ? 'ledger-layer__hidden' : undefined}>
            <td className="num mono">{humanBytes(r.size)}</td>
            <td>
              <span className="mono ledger-layer__path">{r.path}</span>
              {r.hidden && hiddenFlag !== undefined && (
                <span className="ledger-layer__flag">{hiddenFlag}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
