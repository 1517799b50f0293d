import type { ReactNode } from 'react';

/** What an empty section says instead of a table or a list. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="custodia-empty">{children}</p>;
}

/** An offense with its statute beneath it, when the record names one. */
export function OffenseCell({ offense, statute }: { offense: string; statute?: string | null | undefined }) {
  return (
    <>
      {offense}
      {statute && <span className="custodia-statute">{statute}</span>}
    </>
  );
}

/** One row of a `SimpleTable`: its cells in column order; `highlight` marks what is in force. */
export interface Row {
  key: string;
  cells: ReactNode[];
  highlight?: boolean;
}

/** A USWDS table with a caption, column headers, and the first cell of each row as its row header. */
export function SimpleTable({ caption, head, rows }: { caption: string; head: string[]; rows: Row[] }) {
  return (
    <div className="usa-table-container--scrollable">
      <table className="usa-table usa-table--borderless usa-table--compact custodia-table">
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.highlight ? 'custodia-row--active' : undefined}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns.
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns.
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
