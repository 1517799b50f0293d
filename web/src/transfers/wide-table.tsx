import type { ReactNode } from 'react';
import { ScrollRegion } from '../components/scroll-region.tsx';

/** A column heading, with the classes its cells line up by (`text-right` for figures). */
export type Column = string | { text: string; className: string };

/**
 * A borderless table in a scroll region named like its caption (read by screen readers only), with one
 * heading per column; the rows are the children.
 */
export function WideTable({
  caption,
  className,
  columns,
  children,
}: {
  caption: string;
  /** The table's own classes after `usa-table usa-table--borderless`, for its column widths. */
  className: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={caption}>
      <table className={`usa-table usa-table--borderless ${className}`}>
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.text} scope="col" className={column.className}>
                  {column.text}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
