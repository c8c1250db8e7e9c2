import type { ReactNode } from 'react';
import { useId } from 'react';

interface Props {
  readonly title: string;
  /** A short line under the title: what the panel shows and of which container. */
  readonly subtitle?: string;
  readonly className?: string;
  readonly children: ReactNode;
}

/** A titled box of the side area; the section is named by its title for screen readers and tests. */
export function Panel({ title, subtitle, className, children }: Props) {
  const id = useId();
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={id}>
      <header className="panel__head">
        <h2 id={id} className="panel__title">
          {title}
        </h2>
        {subtitle !== undefined && <p className="panel__subtitle">{subtitle}</p>}
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}
