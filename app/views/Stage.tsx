import { FilesPanels } from './panels/FilesPanels.tsx';

/**
 * The main area beside the terminal. The animated layer stack (d3, driven by app/timeline) will live
 * here; until then it shows the focused container's files as plain lists.
 */
export function Stage() {
  return (
    <div className="stage" data-testid="stage">
      <FilesPanels />
    </div>
  );
}
