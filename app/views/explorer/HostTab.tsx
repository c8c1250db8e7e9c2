import type { LayerId } from '../../engine/ids.ts';
import type { HostView } from '../../store/derive.ts';
import { printable } from '../../store/derive.ts';
import { OriginChip } from './Marks.tsx';

const OVERLAY2 = '/var/lib/docker/overlay2';
/** A 64-hex directory name, cut to fit; the full name is in the title and the ls listing. */
const short = (name: string): string => (name.length > 20 ? `${name.slice(0, 12)}…${name.slice(-5)}` : name);

interface Props {
  readonly name: string;
  readonly view: HostView;
  readonly onPoint: (layer: LayerId | null) => void;
}

/**
 * The host's side: /var/lib/docker/overlay2 as `ls` shows it, then the followed container's dirs top
 * first, each with link (its l/ name) and lower (the l/ names of everything under it), as the blog walks
 * through them.
 */
export function HostTab({ name, view, onPoint }: Props) {
  return (
    <div className="host-tab">
      <p className="cmdline">
        <code>$ ls {OVERLAY2}</code>
      </p>
      <p className="host__ls">
        {view.all.map((d) => (
          <code key={d} className={d === 'l' ? 'host__l' : undefined}>
            {d}
          </code>
        ))}
      </p>
      <h3 className="inspector__head">{name}’s directories, top first</h3>
      <ol className="host__dirs" aria-label={`Overlay2 directories of ${name}`}>
        {view.dirs.map((d) => (
          <li key={d.name} className="host__dir">
            <div
              className="host__card"
              tabIndex={0}
              role="group"
              aria-label={`${d.role}: ${d.name}`}
              onFocus={() => onPoint(d.layer)}
              onBlur={() => onPoint(null)}
              onMouseEnter={() => onPoint(d.layer)}
              onMouseLeave={() => onPoint(null)}
            >
              <p className="host__title">
                <OriginChip label={d.role} />
                <code title={`${OVERLAY2}/${d.name}`}>{short(d.name)}/</code>
                <span className="host__entries">{d.entries.join('  ')}</span>
              </p>
              <dl className="host__files">
                <dt>link</dt>
                <dd>
                  <code>{d.link}</code>
                </dd>
                <dt>lower</dt>
                <dd>
                  {d.lower === null ? (
                    <span className="muted">none: the bottom layer</span>
                  ) : (
                    <code className="host__lower">{d.lower}</code>
                  )}
                </dd>
                <dt>diff/</dt>
                <dd>
                  {d.diff.length === 0 ? (
                    <span className="muted">empty</span>
                  ) : (
                    <code>{d.diff.map((n) => printable(n)).join('  ')}</code>
                  )}
                </dd>
              </dl>
            </div>
          </li>
        ))}
      </ol>
      <h3 className="inspector__head">
        <code>l/</code>: short names, so the mount options fit in a page
      </h3>
      <ul className="host__links" aria-label="Links in l/">
        {view.links.map(([l, target]) => (
          <li key={l}>
            <code>
              l/{l} → {target}
            </code>
          </li>
        ))}
      </ul>
    </div>
  );
}
