import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { baseName, humanBytes } from './format.ts';
import { importMessages } from './messages.ts';

/** How long a clicked link's Blob URL lives: long enough for the browser to start the download. */
const REVOKE_AFTER_MS = 1500;

/**
 * The archive the last `docker save -o` wrote, offered as a download from a Blob URL; the URL is
 * revoked once used (or when another save replaces it). An image's download button clicks it at once.
 */
export function SavedDownload() {
  const t = useT(importMessages);
  const saved = useAppStore((s) => s.saved);
  const dismiss = useAppStore((s) => s.dismissSaved);
  const link = useRef<HTMLAnchorElement>(null);
  const url = useMemo(
    () =>
      saved
        ? URL.createObjectURL(
            new Blob([saved.bytes as Uint8Array<ArrayBuffer>], { type: 'application/x-tar' }),
          )
        : null,
    [saved],
  );
  useEffect(
    () => () => {
      if (url !== null) URL.revokeObjectURL(url);
    },
    [url],
  );
  useEffect(() => {
    if (saved?.auto) link.current?.click();
  }, [saved]);
  if (!saved || url === null) return null;
  const file = baseName(saved.path);
  return (
    <div className="notice import-saved" role="status">
      <p className="notice__text">
        {t('savedText', { file: saved.path, size: humanBytes(saved.bytes.length) })}{' '}
        <a ref={link} href={url} download={file} onClick={() => window.setTimeout(dismiss, REVOKE_AFTER_MS)}>
          {t('download', { file })}
        </a>
      </p>
      <button type="button" className="button notice__dismiss" onClick={dismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
