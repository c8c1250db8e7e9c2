import { lazy, Suspense } from 'react';
import { StackPanel } from './stack/StackPanel.tsx';

// The Explorer and what it derives (trees, search, inspector, host dirs) come in a chunk of their own
// right after the first render: the terminal and the stack answer first.
const Explorer = lazy(() => import('./explorer/Explorer.tsx').then((m) => ({ default: m.Explorer })));

/**
 * The main area beside the terminal: the animated layer stack (d3, driven by app/timeline) on top,
 * the Explorer below it (the followed container's files, diff, history and host dirs, linked to the
 * stack through the store's pointer).
 */
export function Stage() {
  return (
    <div className="stage stage--linked" data-testid="stage">
      <StackPanel />
      <Suspense fallback={<section className="panel explorer" aria-busy="true" />}>
        <Explorer />
      </Suspense>
    </div>
  );
}
