import { useT } from '../../i18n/use-t.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { shareMessages } from './messages.ts';

/**
 * The app's messages about links, saves and files, above the workspace. Text only: the detail of a
 * message (from a link or a file) is a React text node, never HTML. Errors use role="alert".
 */
export function NoticeBanner() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const t = useT(shareMessages);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-label={t('noticesLabel')}>
      {notices.map((n) => (
        <div
          key={n.id}
          className={n.error ? 'notice notice--error' : 'notice'}
          role={n.error ? 'alert' : 'status'}
        >
          <p className="notice__text">{t(n.code, { detail: n.detail })}</p>
          <button type="button" className="button notice__dismiss" onClick={() => dismiss(n.id)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
