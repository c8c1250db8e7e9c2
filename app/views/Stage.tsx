import { FilesPanels } from './panels/FilesPanels.tsx';
import { StackPanel } from './stack/StackPanel.tsx';

/**
 * The main area beside the terminal: the animated layer stack (d3, driven by app/timeline) on top,
 * the followed container's merged view and upper layer as plain lists below it.
 */
export function Stage() {
  return (
    <div className="stage" data-testid="stage">
      <StackPanel />
      <FilesPanels />
    </div>
  );
}
