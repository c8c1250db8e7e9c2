import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { iframeSnippet, scriptSnippet, siteBase } from '../../embed/snippets.ts';
import { useT } from '../../i18n/use-t.ts';
import { fromScenarioFile, toScenarioFile } from '../../share/scenario-file.ts';
import { getSharing } from '../../share/session-sync.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { shareMessages } from './messages.ts';

/** The largest file Import reads (a session of thousands of commands is far smaller). */
const MAX_FILE_BYTES = 1_000_000;

/** Share in the header: copy a link to the session, export or import it as a file, embed snippets. */
export function ShareMenu() {
  const t = useT(shareMessages);
  const notify = useAppStore((s) => s.notify);
  const lang = useAppStore((s) => s.language);
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  // A click elsewhere or Escape closes the menu, as menus do.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const copy = async (text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      notify('copied');
    } catch {
      notify('copyFailed', '', true);
    }
  };

  const copyLink = async (): Promise<void> => {
    const sharing = getSharing();
    if (!sharing) return;
    const href = await sharing.link();
    setLink(href);
    await copy(href);
  };

  const exportFile = (): void => {
    const sharing = getSharing();
    if (!sharing) return;
    const blob = new Blob([toScenarioFile(sharing.current())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'layerlab-session.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setOpen(false);
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    setOpen(false);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return notify('importFailed', `${file.size} bytes is too large`, true);
    const r = fromScenarioFile(await file.text());
    if (!r.ok) return notify(r.error === 'ownImages' ? 'importOwnImages' : 'importFailed', r.detail, true);
    getSharing()?.replaceWith(r.data);
  };

  const base = siteBase(window.location.href);
  return (
    <div className="share" ref={rootRef}>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        {t('share')}
      </button>
      {open && (
        <div className="share__menu" id={menuId} role="group" aria-label={t('shareMenu')}>
          <button type="button" className="share__item" onClick={() => void copyLink()}>
            <span className="share__label">{t('copyLink')}</span>
            <span className="share__hint">{t('copyLinkHint')}</span>
          </button>
          {link !== '' && (
            <input
              className="share__link"
              readOnly
              value={link}
              aria-label={t('linkLabel')}
              onFocus={(e) => e.target.select()}
            />
          )}
          <button type="button" className="share__item" onClick={exportFile}>
            <span className="share__label">{t('exportFile')}</span>
            <span className="share__hint">{t('exportHint')}</span>
          </button>
          <button type="button" className="share__item" onClick={() => fileRef.current?.click()}>
            <span className="share__label">{t('importFile')}</span>
            <span className="share__hint">{t('importHint')}</span>
          </button>
          <button
            type="button"
            className="share__item"
            onClick={() => {
              setOpen(false);
              dialogRef.current?.showModal();
            }}
          >
            <span className="share__label">{t('embed')}</span>
          </button>
        </div>
      )}
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('importFile')}
        onChange={(e) => void importFile(e)}
      />
      <dialog ref={dialogRef} className="share__dialog" aria-labelledby={`${menuId}-title`}>
        <h2 id={`${menuId}-title`} className="share__title">
          {t('embedTitle')}
        </h2>
        <p>{t('embedIntro')}</p>
        <Snippet
          title={t('iframeSnippet')}
          text={iframeSnippet(base, lang)}
          copyLabel={t('copySnippet')}
          onCopy={copy}
        />
        <Snippet
          title={t('scriptSnippet')}
          text={scriptSnippet(base, lang)}
          copyLabel={t('copySnippet')}
          onCopy={copy}
        />
        <form method="dialog" className="share__actions">
          <button type="submit" className="button">
            {t('close')}
          </button>
        </form>
      </dialog>
    </div>
  );
}

function Snippet(props: {
  readonly title: string;
  readonly text: string;
  readonly copyLabel: string;
  readonly onCopy: (text: string) => Promise<void>;
}) {
  const id = useId();
  return (
    <figure className="snippet">
      <figcaption id={id} className="snippet__title">
        {props.title}
        <button type="button" className="button snippet__copy" onClick={() => void props.onCopy(props.text)}>
          {props.copyLabel}
        </button>
      </figcaption>
      <pre className="snippet__code" aria-labelledby={id} tabIndex={0}>
        <code>{props.text}</code>
      </pre>
    </figure>
  );
}
