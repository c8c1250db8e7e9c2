import { fileHead, fileText, isBinaryFile } from '../../engine/content.ts';
import { useMemo } from 'react';
import type { Container, World } from '../../engine/docker/world.ts';
import type { AbsPath } from '../../engine/ids.ts';
import type { Node } from '../../engine/node.ts';
import { printable } from '../../store/derive.ts';
import type { CopyRole } from '../../store/inspect.ts';
import { inspectPath } from '../../store/inspect.ts';
import { formatSize, hexPeek, looksBinary, modeString } from './format.ts';
import { KindTile, kindWord, OriginChip } from './Marks.tsx';
import type { Translate } from '../../i18n/i18n.ts';
import { useT } from '../../i18n/use-t.ts';
import type { ExplorerKey } from './messages.ts';
import { explorerMessages } from './messages.ts';

/** Text shown in full up to this many characters; a longer file is cut with a note. */
const MAX_TEXT = 4000;

const roleKey = (r: CopyRole): ExplorerKey => `role.${r}`;

interface Props {
  readonly world: World;
  readonly container: Container;
  readonly path: AbsPath | null;
}

/** One path in detail: what the container sees there, and what each layer holds at that path. */
export function Inspector({ world, container, path }: Props) {
  const info = useMemo(() => (path ? inspectPath(world, container, path) : null), [world, container, path]);
  const t = useT(explorerMessages);
  if (!info) return <p className="panel__empty">{t('pick')}</p>;
  const seen = info.seen;
  return (
    <div className="inspector">
      <p className="inspector__path">
        {seen && <KindTile node={seen} />}
        <code>{printable(info.path)}</code>
      </p>
      {seen ? (
        <dl className="facts">
          <dt>{t('fact.type')}</dt>
          <dd>{kindWord(t, seen)}</dd>
          <dt>{t('fact.mode')}</dt>
          <dd>
            <code>{modeString(seen.kind, seen.mode)}</code>{' '}
            <span className="muted">({(seen.mode & 0o7777).toString(8).padStart(4, '0')})</span>
          </dd>
          <dt>{t('fact.owner')}</dt>
          <dd>
            <code>{info.owner}</code>
          </dd>
          <dt>{t('fact.size')}</dt>
          <dd>{sizeOf(seen, t)}</dd>
          <dt>{t('fact.from')}</dt>
          <dd>{info.provider && <OriginChip label={info.provider} />}</dd>
        </dl>
      ) : (
        <p className="inspector__gone">
          {info.copies[0]?.role === 'whiteout' ? t('notInViewWhiteout') : t('notInView')}
        </p>
      )}
      {seen && <Content node={seen} t={t} />}
      <h3 className="inspector__head">{t('inTheLayers')}</h3>
      {info.copies.length === 0 ? (
        <p className="panel__empty">{t('noLayerHolds')}</p>
      ) : (
        <ol className="copies" aria-label={t('copiesOf', { path: printable(info.path) })}>
          {info.copies.map((c) => (
            <li key={c.level} className={`copy copy--${c.role}`}>
              <OriginChip label={c.label} />
              <KindTile node={c.node} />
              <span className="copy__role">
                {c.role === 'hidden' && info.copies[0]?.role === 'whiteout'
                  ? t('hiddenByWhiteout')
                  : t(roleKey(c.role))}
              </span>
              <span className="copy__size">{c.node.kind === 'file' ? formatSize(c.node.size) : ''}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function sizeOf(n: Node, t: Translate<ExplorerKey>): string {
  switch (n.kind) {
    case 'file':
      return n.size >= 1000 ? t('fileBytes', { size: formatSize(n.size), n: n.size }) : formatSize(n.size);
    case 'dir':
      return t(n.children.size === 1 ? 'entriesOne' : 'entriesMany', { n: n.children.size });
    case 'symlink':
      return t('symlinkSize', { n: n.target.length });
    case 'whiteout':
      return t('whiteoutSize');
  }
}

function Content({ node, t }: { readonly node: Node; readonly t: Translate<ExplorerKey> }) {
  if (node.kind === 'symlink')
    return (
      <p className="inspector__link">
        {t('pointsTo')}
        <code>{printable(node.target)}</code>
      </p>
    );
  if (node.kind !== 'file') return null;
  if (node.size === 0) return <p className="muted">{t('emptyFile')}</p>;
  const text = fileText(node);
  if (isBinaryFile(node) || looksBinary(text, node.size)) {
    const lines = hexPeek(fileHead(node, 64), node.size, 64, 8);
    return (
      <figure className="content">
        <figcaption>
          {t('hexBefore', { n: Math.min(64, node.size), size: formatSize(node.size) })}
          <code>hexdump -C</code>
          {t('hexAfter')}
        </figcaption>
        <pre className="content__hex" tabIndex={0} aria-label={t('hexDump')}>
          {lines.map((l) => (
            <span key={l.offset} className="hex__line">
              <span className="hex__offset">{l.offset}</span> {l.hex.padEnd(23)}{' '}
              <span className="hex__ascii">|{l.ascii}|</span>
              {'\n'}
            </span>
          ))}
        </pre>
      </figure>
    );
  }
  const cut = text.length > MAX_TEXT;
  return (
    <figure className="content">
      <figcaption>{t('content')}</figcaption>
      <pre className="content__text" tabIndex={0} aria-label={t('fileContent')}>
        {cut ? text.slice(0, MAX_TEXT) : text}
      </pre>
      {cut && <p className="note">{t('moreNotShown', { size: formatSize(node.size - MAX_TEXT) })}</p>}
    </figure>
  );
}
