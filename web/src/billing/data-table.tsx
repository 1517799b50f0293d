import type { ReactNode } from 'react';
import { ScrollRegion } from '../components/scroll-region.tsx';
import './data-table.css';

/**
 * A table of records in its scroll region (components/scroll-region.tsx), named by its caption: shown, or
 * for screen readers only where the section's heading already says it. Shared by the billing and facility
 * pages; a candidate for web/src/components.
 */
export function DataTable({
  caption,
  hideCaption = false,
  compact = false,
  className,
  children,
}: {
  caption: string;
  hideCaption?: boolean;
  compact?: boolean;
  className?: string;
  /** The table's head, body and foot. */
  children: ReactNode;
}) {
  const classes = [
    'usa-table usa-table--borderless',
    compact ? 'usa-table--compact' : null,
    'custodia-table custodia-data-table',
  ];
  return (
    <ScrollRegion label={caption}>
      <table className={[...classes, className ?? null].filter(Boolean).join(' ')}>
        <caption className={hideCaption ? 'usa-sr-only' : undefined}>{caption}</caption>
        {children}
      </table>
    </ScrollRegion>
  );
}

/** Column headings of figures, right-aligned as their numbers are. */
export function FigureHeads({ labels }: { labels: readonly string[] }) {
  return (
    <>
      {labels.map((label) => (
        <th key={label} scope="col" className="text-right">
          {label}
        </th>
      ))}
    </>
  );
}

/** A row's figures, already formatted, right-aligned in tabular digits; `className` adds e.g. a sum's rule. */
export function FigureCells({ texts, className }: { texts: readonly string[]; className?: string }) {
  return (
    <>
      {texts.map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row's columns are fixed.
        <td key={i} className={['text-right text-tabular', className ?? null].filter(Boolean).join(' ')}>
          {text}
        </td>
      ))}
    </>
  );
}

/** A table's foot: the row that sums it, its name, `blanks` empty cells, then its figures. */
export function TotalRow({
  label,
  blanks = 0,
  texts,
}: {
  label: string;
  blanks?: number;
  texts: readonly string[];
}) {
  return (
    <tfoot>
      <tr>
        <th scope="row" className="custodia-sum">
          {label}
        </th>
        {Array.from({ length: blanks }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: empty cells have nothing else to tell them apart.
          <td key={i} className="custodia-sum" />
        ))}
        <FigureCells className="custodia-sum" texts={texts} />
      </tr>
    </tfoot>
  );
}
