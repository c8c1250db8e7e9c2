import { useMemo, useRef, useState } from 'react';
import type { AbsPath, LayerId } from '../../engine/ids.ts';
import { historyItems, hostView } from '../../store/derive.ts';
import type { TreeEntry } from '../../store/file-tree.ts';
import { containerChanges, layerChoices, NO_FILTER } from '../../store/file-tree.ts';
import {
  selectFocusContainer,
  selectSelectedPath,
  selectSetPointer,
  selectSetSelectedPath,
  selectWorld,
} from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { LayersMark } from '../LayersMark.tsx';
import { DiffTab } from './DiffTab.tsx';
import type { FilesState } from './FilesTab.tsx';
import { FilesTab } from './FilesTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { HostTab } from './HostTab.tsx';
import { Inspector } from './Inspector.tsx';
import { Tabs } from './Tabs.tsx';
import { useT } from '../../i18n/use-t.ts';
import { explorerMessages } from './messages.ts';

type TabKey = 'files' | 'diff' | 'history' | 'host';

const START: FilesState = { source: { kind: 'merged' }, dir: '/' as AbsPath, filter: NO_FILTER };

/**
 * The followed container seen from every side, linked: Files (the merged tree or one layer's),
 * Diff, History and the host's overlay2 dirs in tabs, the Inspector beside them. Pointing at an
 * entry, a diff line or a history row sets the store's pointer, which the layer stack highlights.
 */
export function Explorer() {
  const world = useAppStore(selectWorld);
  const container = useAppStore(selectFocusContainer);
  const selected = useAppStore(selectSelectedPath);
  const setSelected = useAppStore(selectSetSelectedPath);
  const setPointer = useAppStore(selectSetPointer);
  const [tab, setTab] = useState<TabKey>('files');
  const [files, setFiles] = useState<FilesState>(START);
  const inspector = useRef<HTMLElement>(null);
  const t = useT(explorerMessages);
  // Another container followed: start over at its root (the directory open may not exist there).
  const [followed, setFollowed] = useState(container?.id);
  if (container?.id !== followed) {
    setFollowed(container?.id);
    setFiles(START);
  }

  const layers = useMemo(() => (container ? layerChoices(world, container) : []), [world, container]);
  const changes = useMemo(() => (container ? containerChanges(world, container) : []), [world, container]);
  const history = useMemo(() => (container ? historyItems(world, container) : []), [world, container]);
  const host = useMemo(() => (container ? hostView(world, container) : null), [world, container]);

  if (!container || !host)
    return (
      <section className="panel explorer" aria-label={t('explorer')}>
        <div className="placeholder">
          <LayersMark size={56} className="placeholder__mark" />
          <p>
            {t('emptyBefore')}
            <code>docker run --name nginx -d nginx</code>
            {t('emptyMiddle')}
            <code>docker diff</code>
            {t('emptyAfter')}
          </p>
        </div>
      </section>
    );

  const upper = layers[0]?.id;
  const select = (path: AbsPath) => {
    setSelected(path);
    // Stacked under the tabs (a narrow screen), the inspector may be out of view: bring it in.
    inspector.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  };
  const pointEntry = (e: TreeEntry | null) =>
    setPointer(
      e ? { path: e.path, source: 'tree', ...(layers[e.level] ? { layer: layers[e.level]!.id } : {}) } : null,
    );
  const pointDiff = (path: AbsPath | null) =>
    setPointer(path ? { path, source: 'diff', ...(upper ? { layer: upper } : {}) } : null);
  const pointLayer = (layer: LayerId | null) => setPointer(layer ? { layer, source: 'history' } : null);
  const browse = (layer: LayerId) => {
    const l = layers.find((x) => x.id === layer);
    if (!l) return;
    setFiles({ source: { kind: 'layer', level: l.level }, dir: '/' as AbsPath, filter: NO_FILTER });
    setTab('files');
  };
  const img = world.images.get(container.imageId);
  const imageName = container.imageRef;

  return (
    <section className="panel explorer" aria-label={t('explorer')}>
      <div className="explorer__main">
        <Tabs<TabKey>
          label={t('explore', { name: container.name })}
          active={tab}
          onChange={setTab}
          tabs={[
            { key: 'files', label: t('tab.files') },
            { key: 'diff', label: t('tab.diff'), badge: String(changes.length) },
            { key: 'history', label: t('tab.history'), badge: String(img?.chain.length ?? 0) },
            { key: 'host', label: t('tab.host') },
          ]}
          render={(k) => {
            switch (k) {
              case 'files':
                return (
                  <FilesTab
                    world={world}
                    container={container}
                    layers={layers}
                    state={files}
                    onState={setFiles}
                    selected={selected}
                    onSelect={select}
                    onPoint={pointEntry}
                  />
                );
              case 'diff':
                return (
                  <DiffTab
                    name={container.name}
                    changes={changes}
                    selected={selected}
                    onSelect={select}
                    onPoint={pointDiff}
                  />
                );
              case 'history':
                return (
                  <HistoryTab image={imageName} items={history} onPoint={pointLayer} onBrowse={browse} />
                );
              case 'host':
                return <HostTab name={container.name} view={host} onPoint={pointLayer} />;
            }
          }}
        />
      </div>
      <section className="explorer__inspector" aria-label={t('inspector')} ref={inspector}>
        <h2 className="explorer__title">{t('inspector')}</h2>
        <Inspector world={world} container={container} path={selected} />
      </section>
    </section>
  );
}
