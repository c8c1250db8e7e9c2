import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { baseName } from './format.ts';
import { importMessages } from './messages.ts';

/** An opened archive of several images: the learner picks one (or all) before `docker load` runs. */
export function ChooseImage() {
  const t = useT(importMessages);
  const choosing = useAppStore((s) => s.choosing);
  const choose = useAppStore((s) => s.chooseImage);
  const cancel = useAppStore((s) => s.cancelImport);
  const [picked, setPicked] = useState(0);
  const name = useId();
  if (!choosing) return null;
  return (
    <form
      className="import-choose"
      onSubmit={(e) => {
        e.preventDefault();
        choose(Math.min(picked, choosing.images.length - 1));
      }}
    >
      <fieldset>
        <legend>{t('chooseTitle', { file: baseName(choosing.file), count: choosing.images.length })}</legend>
        {choosing.images.map((img, i) => (
          <label key={`${i}\u0000${img.label}`} className="import-choose__option">
            <input type="radio" name={name} checked={picked === i} onChange={() => setPicked(i)} />
            <span className="mono">{img.label}</span>{' '}
            <span className="import-choose__layers">{t('chooseLayers', { count: img.layers })}</span>
          </label>
        ))}
      </fieldset>
      <div className="import__actions">
        <button type="submit" className="button">
          {t('loadChosen')}
        </button>
        <button type="button" className="button" onClick={() => choose(null)}>
          {t('loadAll')}
        </button>
        <button type="button" className="button" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
