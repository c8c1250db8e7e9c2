import { lazy, Suspense, useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { importMessages } from './messages.ts';

// The ledger's table and its computation load when it is first folded out: most visits never open it.
const LedgerBody = lazy(() => import('./LedgerBody.tsx').then((m) => ({ default: m.LedgerBody })));

/** "Bytes by layer", folded under the Images table: the byte ledger of one image (LedgerBody.tsx). */
export function Ledger({ refs }: { readonly refs: readonly string[] }) {
  const t = useT(importMessages);
  // Only while folded out: the world changes with every command, and nobody reads a closed ledger.
  const [open, setOpen] = useState(false);
  if (refs.length === 0) return null;
  return (
    <details className="ledger" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('ledger')}</summary>
      {open && (
        <Suspense fallback={null}>
          <LedgerBody refs={refs} />
        </Suspense>
      )}
    </details>
  );
}
