import { useMemo } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { copyVsShare } from '../../lesson/figures.ts';
import type { Figure } from '../../scenarios/types.ts';
import { selectWorld } from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { messages } from './messages.ts';

const CONTAINERS = 10;

/** A step's figure: copying vs sharing the image (figures from the machine), or the union's parts. */
export function LessonFigure({ figure }: { readonly figure: Figure }) {
  return figure === 'copy-vs-share' ? <CopyVsShareFigure /> : <UnionFigure />;
}

function CopyVsShareFigure() {
  const t = useT(messages);
  const world = useAppStore(selectWorld);
  const fig = useMemo(() => copyVsShare(world, 'nginx', CONTAINERS), [world]);
  if (!fig) return <p className="lesson-figure">{t('figNoImage')}</p>;
  const files = fig.files.toLocaleString('en-US');
  return (
    <figure className="lesson-figure" data-testid="figure-copy-vs-share">
      <figcaption>
        {t('figContainers', {
          count: CONTAINERS,
          image: 'nginx',
          size: fig.imageSize,
          files,
          layers: fig.layers,
        })}
      </figcaption>
      <table className="lesson-figure__table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('figCopy')}</th>
            <th scope="col">{t('figShare')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('figDisk')}</th>
            <td className="lesson-figure__bad">{`${CONTAINERS} × ${fig.imageSize} = ${fig.copyDisk}`}</td>
            <td className="lesson-figure__good">{fig.shareDisk}</td>
          </tr>
          <tr>
            <th scope="row">{t('figStart')}</th>
            <td className="lesson-figure__bad">{t('figCopyStart', { files })}</td>
            <td className="lesson-figure__good">{t('figShareStart', { layers: fig.layers })}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}

function UnionFigure() {
  const t = useT(messages);
  return (
    <figure className="lesson-figure lesson-union" data-testid="figure-union">
      <ol className="lesson-union__bands">
        <li className="lesson-union__band lesson-union__band--merged">{t('unionMerged')}</li>
        <li className="lesson-union__band lesson-union__band--upper">{t('unionUpper')}</li>
        <li className="lesson-union__band lesson-union__band--lower">{t('unionLower')}</li>
      </ol>
      <ul className="lesson-union__rules">
        <li>{t('unionTopWins')}</li>
        <li>{t('unionCow')}</li>
      </ul>
    </figure>
  );
}
