import { Explorer } from './explorer/Explorer.tsx';
import { StackPanel } from './stack/StackPanel.tsx';

/**
 * The main area beside the terminal: the animated layer stack (d3, driven by app/timeline) on top,
 * the Explorer below it (the followed container's files, diff, history and host dirs, linked to the
 * stack through the store's pointer).
 */
export function Stage() {
  return (
    <div className="stage stage--linked" data-testid="stage">
      <StackPanel />
      <Explorer />
    </div>
  );
}
