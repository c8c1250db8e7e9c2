import type { ChangeKind } from '../../engine/docker/diff.ts';
import type { Node } from '../../engine/node.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { useT } from '../../i18n/use-t.ts';
import type { ExplorerKey } from './messages.ts';
import { explorerMessages, layerText } from './messages.ts';

export const changeWord = (t: Translate<ExplorerKey>, k: ChangeKind): string => t(`change.${k}`);

/**
 * A docker diff letter in a shape of its own, so it reads without colour: A a solid pill, C a
 * striped square, D a dashed outline with the letter struck through.
 */
export function ChangeMark({ kind }: { readonly kind: ChangeKind }) {
  const t = useT(explorerMessages);
  return (
    <span className={`chg chg--${kind}`} title={changeWord(t, kind)}>
      {kind}
    </span>
  );
}

type TileKind = Node['kind'] | 'opaque';
const LETTER: Record<TileKind, string> = { file: 'F', dir: 'D', symlink: 'L', whiteout: 'W', opaque: 'O' };

export const tileKind = (n: Node): TileKind => (n.kind === 'dir' && n.opaque ? 'opaque' : n.kind);
export const kindWord = (t: Translate<ExplorerKey>, n: Node): string => t(`kind.${tileKind(n)}`);

/** The object's type as the layer stack draws it: a lettered tile (F, D, L, W, O). */
export function KindTile({ node }: { readonly node: Node }) {
  const k = tileKind(node);
  return (
    <span className={`tile tile--${k}`} aria-hidden="true">
      {LETTER[k]}
    </span>
  );
}

/**
 * Which layer an entry comes from: 'upper' stands out (the container's own writes). `label` is the
 * store's ('upper', 'init', 'layer 3'); `text`, when given, is shown instead.
 */
export function OriginChip({ label, text }: { readonly label: string; readonly text?: string }) {
  const t = useT(explorerMessages);
  return (
    <span className={`origin${label === 'upper' ? ' origin--upper' : ''}`}>
      {text ?? layerText(t, label)}
    </span>
  );
}
