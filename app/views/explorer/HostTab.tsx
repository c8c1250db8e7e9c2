import type { LayerId } from '../../engine/ids.ts';
import type { HostView } from '../../store/derive.ts';
import { printable } from '../../store/derive.ts';
import { OriginChip } from './Marks.tsx';
import { useT } from '../../i18n/use-t.ts';
import { explorerMessages, layerText } from './messages.ts';

const OVERLAY2 = '/var/lib/docker/overlay2';
/** A 64-hex directory name cut in the middle, keeping an -init suffix; the full name is its title. */
const short = (name: string): string =>
  name.length > 24 ? `${name.slice(0, 12)}…${name.endsWith('-init') ? '-init' : name.slice(-4)}` : name;

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
  const t = useT(explorerMessages);
  const roles = new Map(view.dirs.map((d) => [d.name, `${name}: ${layerText(t, d.role)}`]));
  const byLink = new Map(view.dirs.map((d) => [`l/${d.link}`, layerText(t, d.role)]));
  return (
    <div className="host-tab">
      <p className="cmdline">
        <code>$ ls {OVERLAY2}</code>
      </p>
      <ul className="host__ls" aria-label={`ls ${OVERLAY2}`}>
        {view.all.map((d) => {
          const mine = roles.get(d);
          return (
            <li key={d} className={mine ? 'host__mine' : undefined}>
              <code className="host__name" title={d}>
                {d === 'l' ? 'l/' : short(d)}
              </code>
              {mine && <OriginChip label={mine} text={mine} />}
              {d === 'l' && <span className="muted">{t('shortLinks')}</span>}
            </li>
          );
        })}
      </ul>
      <h3 className="inspector__head">{t('dirsOf', { name })}</h3>
      <ol className="host__dirs" aria-label={t('overlayDirsOf', { name })}>
        {view.dirs.map((d) => (
          <li key={d.name} className="host__dir">
            <div
              className="host__card"
              tabIndex={0}
              role="group"
              aria-label={`${layerText(t, d.role)}: ${d.name}`}
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
                    <span className="muted">{t('bottomLayer')}</span>
                  ) : (
                    <Lower text={d.lower} roles={byLink} />
                  )}
                </dd>
                <dt>diff/</dt>
                <dd>
                  {d.diff.length === 0 ? (
                    <span className="muted">{t('empty')}</span>
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
        <code>l/</code>
        {t('linksHead')}
      </h3>
      <ul className="host__links" aria-label={t('linksIn')}>
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

/** The `lower` file as it is (l/A:l/B…), each short name followed by the layer it stands for. */
function Lower({ text, roles }: { readonly text: string; readonly roles: ReadonlyMap<string, string> }) {
  const parts = text.split(':');
  return (
    <code className="host__lower" title={text}>
      {parts.map((p, i) => (
        <span key={i} className="host__link">
          {p}
          {roles.has(p) && <span className="host__role"> ({roles.get(p)})</span>}
          {i < parts.length - 1 && ':'}
        </span>
      ))}
    </code>
  );
}
