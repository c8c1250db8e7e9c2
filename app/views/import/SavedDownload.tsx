import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { baseName, humanBytes } from './format.ts';
import { importMessages } from './messages.ts';

/** How long a clicked link's Blob URL lives: long enough for the browser to start the download. */
const REVOKE_AFTER_MS = 1500;

/**
 * The archive the last `docker save -o` wrote, or the page's OCI export of an image, offered as a
 * download from a Blob URL; the URL is revoked once used (or when another save replaces it). What an
 * image's download menu asked for is clicked at once. An export that failed says why instead.
 */
export function SavedDownload() {
  const t = useT(importMessages);
  const saved = useAppStore((s) => s.saved);
  const failed = useAppStore((s) => s.exportFailed);
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
  if (failed)
    return (
      <div className="notice notice--error import-saved" role="alert">
        <p className="notice__text">{t('exportFailed', failed)}</p>
        <button type="button" className="button notice__dismiss" onClick={dismiss}>
          {t('dismiss')}
        </button>
      </div>
    );
  if (!saved || url === null) return null;
  const file = baseName(saved.path);
  const size = humanBytes(saved.bytes.length);
  return (
    <div className="notice import-saved" role="status">
      <p className="notice__text">
        {saved.format === 'oci-layout'
          ? t('ociSavedText', { file, size, ref: saved.ref })
          : t('savedText', { file: saved.path, size })}{' '}
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
