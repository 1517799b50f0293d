import { useState } from 'react';
import { useI18n } from '../language.tsx';
import { REGIME_COLUMNS, type RegimeLogEntry } from './api.ts';
import { CaptionedTable } from './captioned-table.tsx';
import { type BooleanField, NUMBER_FIELDS, type NumberField, type Unit } from './regime-fields.ts';
import './regime-table.css';

/** Rows of the log table shown at first, and added by each "show more". */
const PAGE_ROWS = 200;

/** True for a column that holds a measure or a yes-or-no answer (not the cell, date or note). */
function isValueColumn(column: string): column is NumberField | BooleanField {
  return column in NUMBER_FIELDS || column === 'beddingProvided' || column === 'restraintsOutsideTransport';
}

/** The log's columns after the date and cell, in the order of the server's CSV (docs/domain.md's order). */
const COLUMNS: readonly (NumberField | BooleanField)[] = REGIME_COLUMNS.filter(isValueColumn);

/** True for a measured column (a number with its unit), false for a yes-or-no one. */
function isMeasured(column: NumberField | BooleanField): column is NumberField {
  return column in NUMBER_FIELDS;
}

/** A value of the log: with its unit, or "not recorded" when it was not measured (never 0). */
function Measured({ value, unit }: { value: number | null; unit: Unit }) {
  const { t, fmt } = useI18n();
  if (value === null) return <NotRecorded />;
  return (
    <>
      {fmt.decimal(value)}
      {unit !== 'count' && <span className="custodia-unit"> {t(`regime.unitShort.${unit}`)}</span>}
    </>
  );
}

function YesNo({ value }: { value: boolean | null }) {
  const { t } = useI18n();
  if (value === null) return <NotRecorded />;
  return <>{value ? t('common.yes') : t('common.no')}</>;
}

function NotRecorded() {
  const { t } = useI18n();
  return <span className="custodia-not-recorded">{t('regime.notRecorded')}</span>;
}

/** The log, one row per cell per day, newest day first; long logs show a page of rows at a time. */
export function RegimeTable({ entries, caption }: { entries: RegimeLogEntry[]; caption: string }) {
  const { t, fmt } = useI18n();
  const [rows, setRows] = useState(PAGE_ROWS);
  const visible = entries.slice(0, rows);
  const captionText = (
    <>
      {caption}
      {entries.length > visible.length && (
        <span className="custodia-caption-page">
          {' '}
          {t('regime.showing', { n: fmt.number(visible.length), total: fmt.number(entries.length) })}
        </span>
      )}
    </>
  );
  return (
    <>
      <CaptionedTable
        label={caption}
        caption={captionText}
        className="usa-table--compact custodia-table custodia-regime"
      >
        <thead>
          <tr>
            <th scope="col">{t('common.date')}</th>
            <th scope="col">{t('regime.cell')}</th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={isMeasured(column) ? 'text-right' : undefined}>
                {t(`regime.column.${column}`)}
              </th>
            ))}
            <th scope="col">{t('regime.column.note')}</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((e) => (
            <tr key={`${e.date}|${e.cellId}`} data-cell={e.cell} data-date={e.date}>
              <td className="text-no-wrap">{fmt.date(e.date)}</td>
              <th scope="row" className="custodia-mono text-no-wrap">
                {e.cell}
                {e.version > 1 && (
                  <span className="custodia-statute">{t('regime.corrected', { n: e.version })}</span>
                )}
              </th>
              {COLUMNS.map((column) =>
                isMeasured(column) ? (
                  <td key={column} className="text-right text-tabular" data-field={column}>
                    <Measured value={e[column]} unit={NUMBER_FIELDS[column].unit} />
                  </td>
                ) : (
                  <td key={column} data-field={column}>
                    <YesNo value={e[column]} />
                  </td>
                ),
              )}
              <td className="custodia-regime__note">
                {e.note ? (
                  <span lang="" className="custodia-break">
                    {e.note}
                  </span>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
      {entries.length > visible.length && (
        <button
          type="button"
          className="usa-button usa-button--outline margin-top-2"
          onClick={() => setRows((n) => n + PAGE_ROWS)}
        >
          {t('regime.showMore', { n: fmt.number(Math.min(PAGE_ROWS, entries.length - visible.length)) })}
        </button>
      )}
    </>
  );
}
