import { useMemo } from 'react';
import { mergedListing, upperListing } from '../../store/derive.ts';
import { selectFocusContainer, selectWorld } from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { LayersMark } from '../LayersMark.tsx';
import { FileList } from './FileList.tsx';
import { Panel } from './Panel.tsx';

/** The focused container's merged view (what it sees at /) beside its upper layer (what it wrote). */
export function FilesPanels() {
  const world = useAppStore(selectWorld);
  const container = useAppStore(selectFocusContainer);
  const merged = useMemo(() => (container ? mergedListing(world, container) : null), [world, container]);
  const upper = useMemo(() => (container ? upperListing(container) : null), [container]);

  if (!container || !merged || !upper)
    return (
      <Panel title="Merged view" className="panel--files">
        <div className="placeholder">
          <LayersMark size={72} className="placeholder__mark" />
          <p>
            Start a container to see its files here: the read‑only image layers, the container&apos;s own
            writable layer on top, and the merged view the container sees.
          </p>
        </div>
      </Panel>
    );

  return (
    <>
      <Panel
        title="Merged view"
        subtitle={`${container.name}: what the container sees at /`}
        className="panel--files"
      >
        <FileList
          listing={merged}
          label={`Merged view of ${container.name}`}
          highlight="upper"
          empty="Empty."
        />
      </Panel>
      <Panel
        title="Upper layer"
        subtitle={`${container.name}: its writable layer (UpperDir)`}
        className="panel--files"
      >
        <FileList
          listing={upper}
          label={`Upper layer of ${container.name}`}
          empty="Nothing written yet: every file still comes from the layers below."
        />
      </Panel>
    </>
  );
}
