import type { ChangeEvent } from 'react';
import { useRef, useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { ChooseImage } from './ChooseImage.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { importMessages } from './messages.ts';
import { SavedDownload } from './SavedDownload.tsx';

/** Where the page ships its sample image (a relative URL: the page may live under a sub-path). */
export const SAMPLE_URL = 'samples/sample.tar.gz';

/**
 * Real images in and out, at the head of the Images panel: open an archive (or the sample), see it
 * read, and download what `docker save -o` wrote.
 */
export function OpenImage() {
  const t = useT(importMessages);
  const openArchive = useAppStore((s) => s.openArchive);
  const busy = useAppStore((s) => s.importing !== null || s.choosing !== null);
  const input = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const picked = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.currentTarget.files?.[0];
    // Picking the same file again must fire change again.
    e.currentTarget.value = '';
    setFailure(null);
    if (file) void openArchive(file);
  };

  const trySample = async (): Promise<void> => {
    setFailure(null);
    try {
      const res = await fetch(SAMPLE_URL);
      const body = res.body;
      if (!res.ok || !body) throw new Error(`HTTP ${res.status}`);
      const size = Number(res.headers.get('content-length') ?? 0) || 0;
      await openArchive({ name: 'sample.tar.gz', size, stream: () => body });
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="import">
      <div className="import__actions">
        <button
          type="button"
          className="button"
          title={t('openImageHint')}
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {t('openImage')}
        </button>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept=".tar,.tar.gz,.tgz"
          tabIndex={-1}
          aria-label={t('openImage')}
          onChange={picked}
        />
        <button type="button" className="button" disabled={busy} onClick={() => void trySample()}>
          {t('trySample')}
        </button>
      </div>
      <ImportProgress />
      <ChooseImage />
      {failure !== null && (
        <p className="import__error" role="alert">
          {t('sampleFailed', { detail: failure })}
        </p>
      )}
      <SavedDownload />
    </div>
  );
}
