import type { KeyboardEvent } from 'react';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Container, World } from '../../engine/docker/world.ts';
import type { AbsPath } from '../../engine/ids.ts';
import type { LayerChoice, TreeEntry, TreeFilter, TreeSource } from '../../store/file-tree.ts';
import { isFiltering, listDir, MAX_SEARCH_ROWS, searchTree } from '../../store/file-tree.ts';
import { printable } from '../../store/derive.ts';
import { formatCount } from './format.ts';
import { ChangeMark, changeWord, KindTile, kindWord, OriginChip } from './Marks.tsx';
import { moveRowFocus, tabStop } from './roving.ts';
import { useT } from '../../i18n/use-t.ts';
import { explorerMessages, layerText } from './messages.ts';

export interface FilesState {
  readonly source: TreeSource;
  readonly dir: AbsPath;
  readonly filter: TreeFilter;
}

interface Props {
  readonly world: World;
  readonly container: Container;
  readonly layers: readonly LayerChoice[];
  readonly state: FilesState;
  readonly onState: (s: FilesState) => void;
  readonly selected: AbsPath | null;
  readonly onSelect: (path: AbsPath) => void;
  readonly onPoint: (e: TreeEntry | null) => void;
}

const parentOf = (p: AbsPath): AbsPath =>
  (p.lastIndexOf('/') <= 0 ? '/' : p.slice(0, p.lastIndexOf('/'))) as AbsPath;

/** The merged tree (or one layer's own tree) by directory, or every match of a search. */
export function FilesTab({ world, container, layers, state, onState, selected, onSelect, onPoint }: Props) {
  const { source, dir, filter } = state;
  // Typing stays responsive on a 100k-file image: the search runs on the deferred filter.
  const deferred = useDeferredValue(filter);
  const searching = isFiltering(deferred);
  const listing = useMemo(
    () => (searching ? null : listDir(world, container, source, dir)),
    [world, container, source, dir, searching],
  );
  const found = useMemo(
    () => (searching ? searchTree(world, container, source, deferred) : null),
    [world, container, source, deferred, searching],
  );
  const all = found ? found.rows : (listing ?? []);
  const rows = all.length > MAX_SEARCH_ROWS ? all.slice(0, MAX_SEARCH_ROWS) : all;
  const total = found ? found.total : all.length;
  const [active, setActive] = useState(0);
  const t = useT(explorerMessages);
  const layerLabel = (level: number) => layers[level]?.label ?? '';
  /** 'upper' and 'init' are overlay2's names and take the word "layer"; "layer 3" already has it. */
  const named = (label: string) => label === 'upper' || label === 'init';
  const sourceName =
    source.kind === 'merged'
      ? t('sourceMerged')
      : t(named(layerLabel(source.level)) ? 'sourceNamed' : 'sourceImage', {
          label: layerText(t, layerLabel(source.level)),
        });
  const setFilter = (f: Partial<TreeFilter>) => onState({ ...state, filter: { ...filter, ...f } });
  const open = (d: AbsPath) => onState({ ...state, dir: d });

  const activate = (e: TreeEntry) => {
    onSelect(e.path);
    if (e.node.kind === 'dir' && !e.deleted) {
      onState({ ...state, dir: e.path, filter: { ...filter, query: '' } });
      setActive(0);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (moveRowFocus(e)) return;
    if ((e.key === 'Backspace' || e.key === 'ArrowLeft') && !searching && dir !== '/') {
      e.preventDefault();
      open(parentOf(dir));
    }
  };

  return (
    <div className="files-tab">
      <div className="toolbar" role="group" aria-label={t('searchAndFilter')}>
        <input
          type="search"
          className="search"
          aria-label={t('searchFiles')}
          placeholder={t('searchPlaceholder')}
          value={filter.query}
          onChange={(e) => setFilter({ query: e.currentTarget.value })}
        />
        <select
          aria-label={t('tree')}
          className="select"
          value={source.kind === 'merged' ? 'merged' : String(source.level)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            const next: TreeSource =
              v === 'merged' ? { kind: 'merged' } : { kind: 'layer', level: Number(v) };
            const keep = next.kind === 'merged' ? filter.type !== 'whiteout' : filter.change === 'any';
            onState({
              source: next,
              dir: '/' as AbsPath,
              filter: keep ? filter : { ...filter, type: 'any', change: 'any' },
            });
          }}
        >
          <option value="merged">{t('mergedView')}</option>
          {layers.map((l) => (
            <option key={l.id} value={l.level}>
              {t(named(l.label) ? 'treeNamed' : 'treeImage', { label: layerText(t, l.label) })}
            </option>
          ))}
        </select>
        <select
          aria-label={t('type')}
          className="select"
          value={filter.type}
          onChange={(e) => setFilter({ type: e.currentTarget.value as TreeFilter['type'] })}
        >
          <option value="any">{t('anyType')}</option>
          <option value="file">{t('files')}</option>
          <option value="dir">{t('directories')}</option>
          <option value="symlink">{t('symlinks')}</option>
          {source.kind === 'layer' && <option value="whiteout">{t('whiteouts')}</option>}
        </select>
        {source.kind === 'merged' && (
          <select
            aria-label={t('change')}
            className="select"
            value={filter.change}
            onChange={(e) => setFilter({ change: e.currentTarget.value as TreeFilter['change'] })}
          >
            <option value="any">{t('anyChange')}</option>
            <option value="A">{t('changeA')}</option>
            <option value="C">{t('changeC')}</option>
            <option value="D">{t('changeD')}</option>
          </select>
        )}
      </div>
      {searching ? (
        <p className="files-tab__where" role="status">
          {t(total === 1 ? 'matchOne' : 'matchMany', { count: formatCount(total), source: sourceName })}
        </p>
      ) : (
        <Crumbs dir={dir} onOpen={open} />
      )}
      {!searching && listing === null ? (
        <p className="panel__empty">{t('notADir', { source: sourceName })}</p>
      ) : rows.length === 0 ? (
        <p className="panel__empty">{searching ? t('nothingMatches') : t('emptyDir')}</p>
      ) : (
        <ul
          className="entries"
          aria-label={
            searching
              ? t('matchesIn', { source: sourceName })
              : t('dirIn', { dir: printable(dir), source: sourceName })
          }
          onKeyDown={onKeyDown}
        >
          {!searching && dir !== '/' && (
            <li>
              <button
                type="button"
                className="xrow xrow--up"
                data-row
                tabIndex={-1}
                onClick={() => open(parentOf(dir))}
              >
                <span className="tile tile--up" aria-hidden="true">
                  ↑
                </span>
                <span className="xrow__name">..</span>
                <span className="xrow__note">{t('parentDir')}</span>
              </button>
            </li>
          )}
          {rows.map((e, i) => (
            <li key={e.path}>
              <button
                type="button"
                data-row
                tabIndex={i === tabStop(active, rows.length) ? 0 : -1}
                className={`xrow${e.deleted ? ' xrow--deleted' : ''}${e.path === selected ? ' xrow--selected' : ''}`}
                aria-current={e.path === selected ? 'true' : undefined}
                onClick={() => activate(e)}
                onFocus={() => {
                  setActive(i);
                  onPoint(e);
                }}
                onBlur={() => onPoint(null)}
                onMouseEnter={() => onPoint(e)}
                onMouseLeave={() => onPoint(null)}
              >
                <KindTile node={e.node} />
                <span className="xrow__name">
                  {printable(searching ? e.path : e.name)}
                  {e.node.kind === 'dir' && !e.deleted ? '/' : ''}
                  {e.node.kind === 'symlink' && (
                    <span className="xrow__target"> → {printable(e.node.target)}</span>
                  )}
                  <span className="visually-hidden">
                    {' '}
                    ({kindWord(t, e.node)}
                    {e.change ? `, ${changeWord(t, e.change)}` : ''})
                  </span>
                </span>{' '}
                {e.change && <ChangeMark kind={e.change} />}{' '}
                {source.kind === 'merged' ? (
                  <OriginChip
                    label={e.deleted ? 'whiteout in upper' : layerLabel(e.level)}
                    {...(e.deleted ? { text: t('whiteoutInUpper') } : {})}
                  />
                ) : (
                  (e.node.kind === 'whiteout' || (e.node.kind === 'dir' && e.node.opaque)) && (
                    <span className="xrow__note">
                      {e.node.kind === 'whiteout' ? t('hidesBelow') : t('opaque')}
                    </span>
                  )
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {total > rows.length && (
        <p className="note" role="note">
          {t('moreRefine', { count: formatCount(total - rows.length) })}
        </p>
      )}
    </div>
  );
}

function Crumbs({ dir, onOpen }: { readonly dir: AbsPath; readonly onOpen: (d: AbsPath) => void }) {
  const parts = dir === '/' ? [] : dir.slice(1).split('/');
  const t = useT(explorerMessages);
  return (
    <nav className="crumbs" aria-label={t('explorerDir')}>
      <button
        type="button"
        className="crumbs__link"
        onClick={() => onOpen('/' as AbsPath)}
        aria-current={parts.length === 0 ? 'location' : undefined}
      >
        /
      </button>
      {parts.map((p, i) => {
        const at = `/${parts.slice(0, i + 1).join('/')}` as AbsPath;
        return (
          <span key={at} className="crumbs__part">
            <button
              type="button"
              className="crumbs__link"
              onClick={() => onOpen(at)}
              aria-current={i === parts.length - 1 ? 'location' : undefined}
            >
              {printable(p)}
            </button>
            {i < parts.length - 1 && <span aria-hidden="true">/</span>}
          </span>
        );
      })}
    </nav>
  );
}
