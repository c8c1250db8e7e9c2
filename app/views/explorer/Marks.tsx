import type { ChangeKind } from '../../engine/docker/diff.ts';
import type { Node } from '../../engine/node.ts';

const CHANGE_WORD: Record<ChangeKind, string> = { A: 'added', C: 'changed', D: 'deleted' };
export const changeWord = (k: ChangeKind): string => CHANGE_WORD[k];

/**
 * A docker diff letter in a shape of its own, so it reads without colour: A a solid pill, C a
 * striped square, D a dashed outline with the letter struck through.
 */
export function ChangeMark({ kind }: { readonly kind: ChangeKind }) {
  return (
    <span className={`chg chg--${kind}`} title={CHANGE_WORD[kind]}>
      {kind}
    </span>
  );
}

type TileKind = Node['kind'] | 'opaque';
const TILE: Record<TileKind, [string, string]> = {
  file: ['F', 'file'],
  dir: ['D', 'directory'],
  symlink: ['L', 'symlink'],
  whiteout: ['W', 'whiteout'],
  opaque: ['O', 'opaque directory'],
};

export const tileKind = (n: Node): TileKind => (n.kind === 'dir' && n.opaque ? 'opaque' : n.kind);
export const kindWord = (n: Node): string => TILE[tileKind(n)][1];

/** The object's type as the layer stack draws it: a lettered tile (F, D, L, W, O). */
export function KindTile({ node }: { readonly node: Node }) {
  const k = tileKind(node);
  return (
    <span className={`tile tile--${k}`} aria-hidden="true">
      {TILE[k][0]}
    </span>
  );
}

/** Which layer an entry comes from: 'upper' stands out (the container's own writes). */
export function OriginChip({ label }: { readonly label: string }) {
  return <span className={`origin${label === 'upper' ? ' origin--upper' : ''}`}>{label}</span>;
}
