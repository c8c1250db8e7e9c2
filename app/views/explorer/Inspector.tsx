import { useMemo } from 'react';
import type { Container, World } from '../../engine/docker/world.ts';
import type { AbsPath } from '../../engine/ids.ts';
import type { Node } from '../../engine/node.ts';
import { printable } from '../../store/derive.ts';
import type { CopyRole } from '../../store/inspect.ts';
import { inspectPath } from '../../store/inspect.ts';
import { formatSize, hexPeek, looksBinary, modeString } from './format.ts';
import { KindTile, kindWord, OriginChip } from './Marks.tsx';

/** Text shown in full up to this many characters; a longer file is cut with a note. */
const MAX_TEXT = 4000;

const ROLE: Record<CopyRole, string> = {
  provides: 'seen by the container',
  merged: 'merged into the directory',
  shadowed: 'shadowed by the copy above',
  whiteout: 'whiteout: deletes the name',
  hidden: 'hidden: below an opaque or replaced directory',
};

interface Props {
  readonly world: World;
  readonly container: Container;
  readonly path: AbsPath | null;
}

/** One path in detail: what the container sees there, and what each layer holds at that path. */
export function Inspector({ world, container, path }: Props) {
  const info = useMemo(() => (path ? inspectPath(world, container, path) : null), [world, container, path]);
  if (!info)
    return (
      <p className="panel__empty">
        Pick a file in Files or a line in Diff to see its content, mode, owner and every copy of it in the
        layers.
      </p>
    );
  const seen = info.seen;
  return (
    <div className="inspector">
      <p className="inspector__path">
        {seen && <KindTile node={seen} />}
        <code>{printable(info.path)}</code>
      </p>
      {seen ? (
        <dl className="facts">
          <dt>Type</dt>
          <dd>{kindWord(seen)}</dd>
          <dt>Mode</dt>
          <dd>
            <code>{modeString(seen.kind, seen.mode)}</code>{' '}
            <span className="muted">({(seen.mode & 0o7777).toString(8).padStart(4, '0')})</span>
          </dd>
          <dt>Owner</dt>
          <dd>
            <code>{info.owner}</code>
          </dd>
          <dt>Size</dt>
          <dd>{sizeOf(seen)}</dd>
          <dt>From</dt>
          <dd>{info.provider && <OriginChip label={info.provider} />}</dd>
        </dl>
      ) : (
        <p className="inspector__gone">
          Not in the container’s view{info.copies[0]?.role === 'whiteout' ? ': a whiteout deletes it.' : '.'}
        </p>
      )}
      {seen && <Content node={seen} />}
      <h3 className="inspector__head">In the layers</h3>
      {info.copies.length === 0 ? (
        <p className="panel__empty">No layer holds this path.</p>
      ) : (
        <ol className="copies" aria-label={`Copies of ${printable(info.path)}, top layer first`}>
          {info.copies.map((c) => (
            <li key={c.level} className={`copy copy--${c.role}`}>
              <OriginChip label={c.label} />
              <KindTile node={c.node} />
              <span className="copy__role">
                {c.role === 'hidden' && info.copies[0]?.role === 'whiteout'
                  ? 'hidden by the whiteout above'
                  : ROLE[c.role]}
              </span>
              <span className="copy__size">{c.node.kind === 'file' ? formatSize(c.node.size) : ''}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function sizeOf(n: Node): string {
  switch (n.kind) {
    case 'file':
      return `${formatSize(n.size)}${n.size >= 1000 ? ` (${n.size} bytes)` : ''}`;
    case 'dir':
      return `${n.children.size} ${n.children.size === 1 ? 'entry' : 'entries'} in this layer`;
    case 'symlink':
      return `${n.target.length} B (the target’s length)`;
    case 'whiteout':
      return '0 (character device 0:0)';
  }
}

function Content({ node }: { readonly node: Node }) {
  if (node.kind === 'symlink')
    return (
      <p className="inspector__link">
        Points to <code>{printable(node.target)}</code>
      </p>
    );
  if (node.kind !== 'file') return null;
  if (node.size === 0) return <p className="muted">Empty file.</p>;
  if (looksBinary(node.content, node.size)) {
    const lines = hexPeek(node.content, node.size, 64, 8);
    return (
      <figure className="content">
        <figcaption>
          First {Math.min(64, node.size)} of {formatSize(node.size)} (binary), as <code>hexdump -C</code>{' '}
          shows them
        </figcaption>
        <pre className="content__hex" tabIndex={0} aria-label="Hex dump">
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
  const cut = node.content.length > MAX_TEXT;
  return (
    <figure className="content">
      <figcaption>Content</figcaption>
      <pre className="content__text" tabIndex={0} aria-label="File content">
        {cut ? node.content.slice(0, MAX_TEXT) : node.content}
      </pre>
      {cut && <p className="note">… {formatSize(node.size - MAX_TEXT)} more not shown</p>}
    </figure>
  );
}
