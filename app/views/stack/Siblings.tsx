import { useMemo } from 'react';
import { imageSize, containerSizes } from '../../engine/docker/sizes.ts';
import { shortId } from '../../engine/docker/images.ts';
import type { Container, World } from '../../engine/docker/world.ts';
import type { ContainerId } from '../../engine/ids.ts';
import { formatBytes } from './layout.ts';
import { useT } from '../../i18n/use-t.ts';
import { stackMessages } from './messages.ts';

interface Props {
  readonly world: World;
  readonly followed: Container;
  readonly onFollow: (id: ContainerId) => void;
}

/**
 * The uppers of every container run from the followed container's image, side by side above the
 * one set of image layers they share: what is stored once, and what each container adds. Shown when
 * there are two or more; a card opens that container's stack.
 */
export function Siblings({ world, followed, onFollow }: Props) {
  const t = useT(stackMessages);
  const siblings = useMemo(
    () => [...world.containers.values()].filter((c) => c.imageId === followed.imageId),
    [world, followed.imageId],
  );
  if (siblings.length < 2) return null;
  const image = world.images.get(followed.imageId);
  const shared = image ? imageSize(world, image) : 0;
  const layers = image?.chain.length ?? 0;
  return (
    <section className="siblings" aria-label={t('siblings')}>
      <ul className="siblings__uppers">
        {siblings.map((c) => {
          const id = shortId(c.id);
          const current = c.id === followed.id;
          const rw = containerSizes(world, c).rw;
          return (
            <li
              key={c.id}
              className={current ? 'sibling sibling--current' : 'sibling'}
              aria-label={t('siblingUpper', { id, name: c.name })}
            >
              <button
                type="button"
                className="sibling__button"
                aria-label={t(current ? 'siblingWrittenShown' : 'siblingWritten', {
                  id,
                  name: c.name,
                  size: formatBytes(rw),
                })}
                aria-pressed={current}
                onClick={() => onFollow(c.id)}
              >
                {/* Spaces between the parts (a flex row shows none): the text reads as words. */}
                <span className="sibling__name">{c.name}</span> <span className="sibling__id">{id}</span>{' '}
                <span className="sibling__size">+{formatBytes(rw)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="siblings__shared">
        <span className="siblings__bar" aria-hidden="true" />
        {t(layers === 1 ? 'sharedOne' : 'sharedMany', {
          count: layers,
          size: formatBytes(shared),
          total: formatBytes(shared * siblings.length),
        })}
      </p>
    </section>
  );
}
