import type { Step } from '../../timeline/step.ts';
import { formatBytes } from './layout.ts';
import { useT } from '../../i18n/use-t.ts';
import { stackMessages } from './messages.ts';

interface Props {
  /** The steps of the command on screen; its `pull-layer` steps are the layers, base first. */
  readonly steps: readonly Step[];
  readonly index: number;
}

/**
 * `docker pull`: the image's layers arriving one by one, base at the bottom, each either downloaded
 * or found already on this machine ("Already exists", shared with the images that hold it). Layers
 * not reached yet are drawn as empty slots, so the stack's final height is seen from the start.
 */
export function PullStack({ steps, index }: Props) {
  const t = useT(stackMessages);
  const layers = steps.flatMap((s, i) => (s.kind === 'pull-layer' ? [{ s, i }] : []));
  const loading = layers.some(({ s }) => s.loaded);
  return (
    <ol className="pull" aria-label={t(loading ? 'loading' : 'pulling')} reversed>
      {[...layers].reverse().map(({ s, i }) => {
        const id = (s.detail ?? '').replace(/^sha256:/, '').slice(0, 12);
        const arrived = i <= index;
        const existed = s.bytes === 0;
        // docker's own words for a layer's state stay as docker prints them (`docker load` on a
        // terminal: "Loading layer"; a layer it has already it passes over).
        const done = s.loaded ? 'Loading layer' : 'Pull complete';
        const state = !arrived ? t('pullWaiting') : existed ? 'Already exists' : done;
        return (
          <li
            key={i}
            className={`pull__layer${arrived ? ' pull__layer--arrived' : ''}${existed ? ' pull__layer--shared' : ''}${i === index ? ' pull__layer--current' : ''}`}
            aria-label={t('pullLayer', { id, state })}
          >
            <span className="pull__name">{t('band.image')}</span>
            <code className="pull__id">{id}</code>
            <span className="pull__state">
              {arrived && !existed ? `${formatBytes(s.bytes ?? 0)} · ` : ''}
              {state}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
