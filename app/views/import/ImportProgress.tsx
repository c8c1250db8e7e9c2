import { useT } from '../../i18n/use-t.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { humanBytes, percentOf } from './format.ts';
import { importMessages } from './messages.ts';

/** An archive being read: bytes, then layers verified, and a way out. */
export function ImportProgress() {
  const t = useT(importMessages);
  const importing = useAppStore((s) => s.importing);
  const cancel = useAppStore((s) => s.cancelImport);
  if (!importing) return null;
  const pct = percentOf(importing);
  const file = importing.file.slice(importing.file.lastIndexOf('/') + 1);
  const bytes = t('reading', {
    file,
    done: humanBytes(importing.bytesDone),
    total: humanBytes(importing.bytesTotal),
  });
  // docker save writes manifest.json after the layers: until it is read, the total is not known.
  const layers =
    importing.layersTotal > 0
      ? t('layers', { done: importing.layersDone, total: importing.layersTotal })
      : importing.layersDone > 0
        ? t('layersRead', { done: importing.layersDone })
        : null;
  return (
    <div className="import-progress">
      <progress
        className="import-progress__bar"
        max={100}
        value={pct}
        aria-label={t('progressLabel', { file })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={layers === null ? bytes : `${bytes}; ${layers}`}
      />
      <p className="import-progress__text">
        {bytes}
        {layers !== null && (
          <>
            <br />
            {layers}
          </>
        )}
      </p>
      <button type="button" className="button import-progress__cancel" onClick={cancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
