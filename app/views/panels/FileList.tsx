import type { FileListing } from '../../store/derive.ts';

const count = new Intl.NumberFormat('en');

interface Props {
  readonly listing: FileListing;
  readonly label: string;
  /** Rows whose note is this are highlighted (the upper layer's own files in the merged view). */
  readonly highlight?: string;
  readonly empty: string;
}

/** A plain listing of paths with a note column (source layer, whiteout, opaque). */
export function FileList({ listing, label, highlight, empty }: Props) {
  if (listing.rows.length === 0) return <p className="panel__empty">{empty}</p>;
  return (
    <>
      <ul className="files" aria-label={label}>
        {listing.rows.map((r, i) => (
          <li
            key={i}
            className={`files__row files__row--${r.kind}${r.note !== '' && r.note === highlight ? ' files__row--hl' : ''}`}
          >
            <span className="files__path">
              {r.path}
              {r.detail}
            </span>
            {r.note !== '' && <span className="files__note">{r.note}</span>}
          </li>
        ))}
      </ul>
      {listing.more > 0 && <p className="note">… and {count.format(listing.more)} more</p>}
    </>
  );
}
