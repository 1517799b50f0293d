import { type ReactNode, useId } from 'react';

/**
 * A titled part of a page: a `section` labelled by its `h2`, so the page's outline and a screen reader's
 * landmarks name it.
 */
export function Section({
  title,
  children,
  id,
  className,
  intro,
}: {
  title: ReactNode;
  children: ReactNode;
  /** The section's id, for links to it (`#screenings`). */
  id?: string;
  className?: string;
  /** A sentence under the title. */
  intro?: ReactNode;
}) {
  const generated = useId();
  const titleId = `${id ?? generated}-title`;
  return (
    <section
      id={id}
      className={['custodia-section', className ?? null].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{title}</h2>
      {intro && <p className="custodia-note-text margin-top-0">{intro}</p>}
      {children}
    </section>
  );
}
