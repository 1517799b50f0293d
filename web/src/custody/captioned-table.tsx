import type { ReactNode } from 'react';
import { ScrollRegion } from '../components/scroll-region.tsx';

/**
 * A wide table in its scroll box, its caption repeated above the box (hidden from screen readers, which
 * read the caption itself) so that it stays in view on a narrow screen.
 */
export function CaptionedTable({
  label,
  caption,
  className,
  children,
}: {
  /** The scroll box's name: the caption in plain words. */
  label: string;
  caption: ReactNode;
  /** The table's classes after `usa-table usa-table--borderless`. */
  className: string;
  /** The table's head and body. */
  children: ReactNode;
}) {
  return (
    <>
      <p className="custodia-table-title" aria-hidden="true">
        {caption}
      </p>
      <ScrollRegion label={label}>
        <table className={`usa-table usa-table--borderless ${className}`}>
          <caption className="usa-sr-only">{caption}</caption>
          {children}
        </table>
      </ScrollRegion>
    </>
  );
}
