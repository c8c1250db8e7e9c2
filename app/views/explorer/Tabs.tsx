import type { KeyboardEvent, ReactNode } from 'react';
import { useId, useRef } from 'react';

export interface TabSpec<K extends string> {
  readonly key: K;
  readonly label: string;
  /** A count or short note after the label ('3'). */
  readonly badge?: string;
}

interface Props<K extends string> {
  readonly label: string;
  readonly tabs: readonly TabSpec<K>[];
  readonly active: K;
  readonly onChange: (key: K) => void;
  readonly render: (key: K) => ReactNode;
}

/**
 * The WAI-ARIA tabs pattern: one tab in the Tab order, ←/→/Home/End move between tabs and show them
 * (automatic activation). Every panel stays mounted, hidden, so a search typed in Files survives a
 * look at Diff.
 */
export function Tabs<K extends string>({ label, tabs, active, onChange, render }: Props<K>) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.key === active);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next]!.key);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${base}-tab-${t.key}`}
            aria-selected={t.key === active}
            aria-controls={`${base}-panel-${t.key}`}
            tabIndex={t.key === active ? 0 : -1}
            className="tabs__tab"
            onClick={() => onChange(t.key)}
          >
            {t.label}
            {t.badge !== undefined && <span className="tabs__badge">{t.badge}</span>}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.key}
          role="tabpanel"
          id={`${base}-panel-${t.key}`}
          aria-labelledby={`${base}-tab-${t.key}`}
          className="tabs__panel"
          hidden={t.key !== active}
        >
          {render(t.key)}
        </div>
      ))}
    </div>
  );
}
