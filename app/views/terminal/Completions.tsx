import { useLayoutEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { terminalMessages } from './messages.ts';

/** How wide the list's columns are, from its longest name (the CSP allows no inline styles). */
function widthOf(candidates: readonly string[]): 'narrow' | 'medium' | 'wide' {
  const longest = Math.max(0, ...candidates.map((c) => c.length));
  return longest <= 10 ? 'narrow' : longest <= 22 ? 'medium' : 'wide';
}

/**
 * What Tab could complete to, listed under the command line in columns as bash lists them, until the
 * next key. The region is always there so a screen reader announces the list when it appears.
 */
export function Completions({ candidates }: { readonly candidates: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT(terminalMessages);
  // Like the transcript, the screen follows the list down.
  useLayoutEffect(() => {
    if (candidates.length > 0) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [candidates]);
  return (
    <div className="completions" role="status" ref={ref}>
      {candidates.length > 0 && (
        <ul className="completions__list" aria-label={t('completions')} data-width={widthOf(candidates)}>
          {candidates.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
