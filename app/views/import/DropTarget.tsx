import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { importMessages } from './messages.ts';

const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * A file dragged anywhere over the page: an overlay says it will be loaded, and a drop opens it as
 * the picker does. Drags of text (a selection) are left alone.
 */
export function DropTarget() {
  const t = useT(importMessages);
  const openArchive = useAppStore((s) => s.openArchive);
  const [over, setOver] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the page is left.
    let depth = 0;
    const enter = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overPage = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void openArchive(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overPage);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [openArchive]);

  if (!over) return null;
  return (
    <div className="drop-target" data-testid="drop-target">
      <div className="drop-target__box">
        <p className="drop-target__title">{t('dropHere')}</p>
        <p className="drop-target__hint">{t('dropHint')}</p>
      </div>
    </div>
  );
}
