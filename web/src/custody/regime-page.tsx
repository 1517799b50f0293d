import { type ChangeEvent, type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useCan } from '../access.tsx';
import { ApiError } from '../api.ts';
import { ActionFeedback, type ActionState } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus, LoadError, useErrorText } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { PeriodFields } from '../components/period-fields.tsx';
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn } from '../zoned-time.ts';
import {
  addDays,
  type CsvIssue,
  type EntryIssue,
  type FacilityDetail,
  facilityPath,
  isIsoDate,
  parseRegimeCsv,
  REGIME_COLUMNS,
  REGIME_MAX_ENTRIES,
  REGIME_NUMBER_BOUNDS,
  type RegimeLog,
  type RegimeLogEntry,
  type RegimeReport,
  recordRegime,
  regimePath,
} from './api.ts';
import './regime-page.css';

/** Rows of the log table shown at first, and added by each "show more". */
const PAGE_ROWS = 200;
/** Entries per request of a bulk upload that is not all or nothing. */
const CHUNK = 2000;

type NumberField =
  | 'minutesOutOfCell'
  | 'outdoorExerciseMinutes'
  | 'nightLightHours'
  | 'drinkingWaterLitresPerPerson'
  | 'mealsServed'
  | 'familyContacts'
  | 'legalVisits'
  | 'consularVisits';
type BooleanField = 'beddingProvided' | 'restraintsOutsideTransport';
type Unit = 'minutes' | 'hours' | 'litres' | 'count';

/** The measured fields of a regime entry, in DOMAIN.md's order, with their units; the bounds are the server's. */
const NUMBER_FIELDS: Record<NumberField, { unit: Unit; decimal: boolean; max: number }> = {
  minutesOutOfCell: bounded('minutesOutOfCell', 'minutes'),
  outdoorExerciseMinutes: bounded('outdoorExerciseMinutes', 'minutes'),
  nightLightHours: bounded('nightLightHours', 'hours'),
  drinkingWaterLitresPerPerson: bounded('drinkingWaterLitresPerPerson', 'litres'),
  mealsServed: bounded('mealsServed', 'count'),
  familyContacts: bounded('familyContacts', 'count'),
  legalVisits: bounded('legalVisits', 'count'),
  consularVisits: bounded('consularVisits', 'count'),
};

/** A measured field's unit and the bounds the server's entry schema holds (regime-csv.ts). */
function bounded(field: NumberField, unit: Unit) {
  const { max, whole } = REGIME_NUMBER_BOUNDS[field];
  return { unit, decimal: !whole, max };
}

/** A facility's date today, `YYYY-MM-DD`, as the clock reads there. */
function todayIn(zone: string): string {
  return wallClockIn(zone).slice(0, 10);
}

/** The period the URL asks for, else the last 7 days (today included) in the facility's zone. */
function periodOf(search: URLSearchParams, today: string): { from: string; to: string } {
  const from = search.get('from');
  const to = search.get('to');
  if (isIsoDate(from) && isIsoDate(to) && from <= to) return { from, to };
  return { from: addDays(today, -6), to: today };
}

/**
 * A facility's regime log (DOMAIN.md, Custody → Regime log): how each cell was held each day, for a
 * period kept in the URL, with a value that was not measured shown as "not recorded" (never as 0). Receiving
 * custody records a day for one cell or several, or uploads a CSV file in the format of `custodia regime
 * import`; the server validates every entry and the page shows each refusal next to its field or line.
 */
export function RegimePage({ id }: { id: string }) {
  const { t } = useI18n();
  const [facility, reloadFacility] = useApi<FacilityDetail>(facilityPath(id));
  const name = facility.status === 'ok' ? facility.data.name : '';
  usePageTitle(name ? t('regime.titleFor', { facility: name }) : t('regime.title'));
  return (
    <>
      <p className="margin-top-0">
        <Link href={`/facilities/${encodeURIComponent(id)}`} className="usa-link">
          ← {t('regime.common.backToFacility')}
        </Link>
      </p>
      {facility.status !== 'ok' && <h1>{t('regime.title')}</h1>}
      <LiveStatus text={facility.status === 'loading' ? t('app.loading') : ''} />
      {facility.status === 'error' && (
        <DetailLoadError
          error={facility.error}
          onRetry={reloadFacility}
          notFoundText={t('regime.common.facilityNotFound')}
        />
      )}
      {facility.status === 'ok' && <RegimeView id={id} facility={facility.data} />}
    </>
  );
}

function RegimeView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const { search } = useLocation();
  const today = todayIn(facility.timeZone);
  const period = periodOf(search, today);
  const cellFilter = (search.get('cell') ?? '').trim().toUpperCase();
  const [log, reload, refresh] = useApi<RegimeLog>(regimePath(id, period.from, period.to));
  const here = `/facilities/${encodeURIComponent(id)}/regime`;
  const canRecord = useCan()('regime_log:record');

  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [cell, setCell] = useState(cellFilter);
  const [periodError, setPeriodError] = useState(false);
  // The drafts follow the URL when it changes (back, forward, a link).
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
    setCell(cellFilter);
    setPeriodError(false);
  }, [period.from, period.to, cellFilter]);

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
      setPeriodError(true);
      return;
    }
    setPeriodError(false);
    navigate(withQuery(here, { from, to, cell: cell.trim().toUpperCase() }));
  };

  /** After recording a day outside the period shown, the period grows to include it. */
  const recorded = (date: string) => {
    if (date >= period.from && date <= period.to) refresh();
    else
      navigate(
        withQuery(here, {
          from: date < period.from ? date : period.from,
          to: date > period.to ? date : period.to,
          cell: cellFilter,
        }),
      );
  };

  const entries = log.status === 'ok' ? log.data.entries : [];
  const shown = entries
    .filter((e) => !cellFilter || e.cell.toUpperCase().startsWith(cellFilter))
    .sort((a, b) => b.date.localeCompare(a.date) || a.cell.localeCompare(b.cell));

  return (
    <>
      <h1>{t('regime.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('regime.intro')}</p>
      <StandardsLinks id={id} current="regime" />

      <search aria-labelledby={`${formId}-period`}>
        <form className="usa-form custodia-filters" onSubmit={show} noValidate>
          <h2 id={`${formId}-period`} className="usa-sr-only">
            {t('regime.periodTitle')}
          </h2>
          {periodError && (
            <span className="usa-error-message" role="alert">
              {t('regime.common.periodInvalid')}
            </span>
          )}
          <div className="custodia-filters__row">
            <PeriodFields
              formId={formId}
              from={from}
              to={to}
              onFrom={setFrom}
              onTo={setTo}
              invalid={periodError}
            />
            <div className="usa-form-group custodia-regime-cells">
              <label className="usa-label" htmlFor={`${formId}-cell`}>
                {t('regime.cellFilter')}
              </label>
              <div className="usa-hint" id={`${formId}-cell-hint`}>
                {t('regime.cellFilterHint')}
              </div>
              <input
                className="usa-input"
                id={`${formId}-cell`}
                value={cell}
                spellCheck={false}
                autoCapitalize="characters"
                onChange={(event) => setCell(event.target.value)}
                aria-describedby={`${formId}-cell-hint`}
              />
            </div>
          </div>
          <div className="custodia-filters__buttons">
            <button type="submit" className="usa-button">
              {t('regime.show')}
            </button>
          </div>
        </form>
      </search>
      <p className="custodia-note-text">{t('regime.common.zoneNote', { zone: facility.timeZone })}</p>

      <LiveStatus
        text={
          log.status === 'loading'
            ? t('app.loading')
            : log.status === 'ok'
              ? t(shown.length === 1 ? 'regime.statusOne' : 'regime.status', { n: fmt.number(shown.length) })
              : ''
        }
      />
      {log.status === 'error' && <LoadError error={log.error} onRetry={reload} />}
      {log.status === 'ok' && shown.length === 0 && <p className="custodia-empty">{t('regime.none')}</p>}
      {shown.length > 0 && (
        <RegimeTable
          key={`${period.from}|${period.to}|${cellFilter}`}
          entries={shown}
          caption={t('regime.caption', {
            facility: facility.code,
            from: fmt.date(period.from),
            to: fmt.date(period.to),
          })}
        />
      )}

      {canRecord && <RecordDay id={id} facility={facility} today={today} onRecorded={recorded} />}
      {canRecord && <BulkUpload id={id} onDone={refresh} />}
    </>
  );
}

/** Links between a facility's regime log, incidents and compliance report. */
export function StandardsLinks({
  id,
  current,
}: {
  id: string;
  current: 'regime' | 'incidents' | 'compliance';
}) {
  const { t } = useI18n();
  const base = `/facilities/${encodeURIComponent(id)}`;
  const links: [typeof current, MessageKey][] = [
    ['regime', 'regime.title'],
    ['incidents', 'incidents.title'],
    ['compliance', 'compliance.title'],
  ];
  return (
    <nav aria-label={t('regime.common.related')} className="custodia-standards-links">
      <ul>
        {links.map(([page, key]) => (
          <li key={page}>
            {page === current ? (
              <span aria-current="page">{t(key)}</span>
            ) : (
              <Link href={`${base}/${page}`} className="usa-link">
                {t(key)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
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
function RegimeTable({ entries, caption }: { entries: RegimeLogEntry[]; caption: string }) {
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
  const numberColumns: NumberField[] = [
    'minutesOutOfCell',
    'outdoorExerciseMinutes',
    'nightLightHours',
    'drinkingWaterLitresPerPerson',
    'mealsServed',
    'familyContacts',
    'legalVisits',
    'consularVisits',
  ];
  return (
    <>
      {/* The caption is repeated above the scrolling table so that it stays in view on a narrow screen. */}
      <p className="custodia-table-title" aria-hidden="true">
        {captionText}
      </p>
      <div className="usa-table-container--scrollable">
        <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-regime">
          <caption className="usa-sr-only">{captionText}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.date')}</th>
              <th scope="col">{t('regime.cell')}</th>
              {numberColumns.slice(0, 3).map((field) => (
                <th key={field} scope="col" className="text-right">
                  {t(`regime.column.${field}`)}
                </th>
              ))}
              <th scope="col">{t('regime.column.beddingProvided')}</th>
              {numberColumns.slice(3).map((field) => (
                <th key={field} scope="col" className="text-right">
                  {t(`regime.column.${field}`)}
                </th>
              ))}
              <th scope="col">{t('regime.column.restraintsOutsideTransport')}</th>
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
                {numberColumns.slice(0, 3).map((field) => (
                  <td key={field} className="text-right text-tabular" data-field={field}>
                    <Measured value={e[field]} unit={NUMBER_FIELDS[field].unit} />
                  </td>
                ))}
                <td data-field="beddingProvided">
                  <YesNo value={e.beddingProvided} />
                </td>
                {numberColumns.slice(3).map((field) => (
                  <td key={field} className="text-right text-tabular" data-field={field}>
                    <Measured value={e[field]} unit={NUMBER_FIELDS[field].unit} />
                  </td>
                ))}
                <td data-field="restraintsOutsideTransport">
                  <YesNo value={e.restraintsOutsideTransport} />
                </td>
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
        </table>
      </div>
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

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`custodia-section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

type Draft = Record<NumberField | 'cells' | 'date' | 'note', string> &
  Record<BooleanField, '' | 'yes' | 'no'>;

function emptyDraft(date: string): Draft {
  return {
    cells: '',
    date,
    minutesOutOfCell: '',
    outdoorExerciseMinutes: '',
    nightLightHours: '',
    beddingProvided: '',
    drinkingWaterLitresPerPerson: '',
    mealsServed: '',
    familyContacts: '',
    legalVisits: '',
    consularVisits: '',
    restraintsOutsideTransport: '',
    note: '',
  };
}

/** A number as typed (a decimal comma allowed); what is not a number is sent as typed for the server to refuse. */
function numberOrText(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
}

/** The cell codes typed, split at commas or spaces, each once. */
function cellCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\s]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** What is wrong with a field: the page's own words, or the server's message (in English). */
interface FieldError {
  text: string;
  server: boolean;
}
type FieldErrors = Partial<Record<string, FieldError[]>>;

/** The fields of the form that the server's issues can name; any other goes in the summary. */
const FORM_FIELDS = new Set<string>([
  'cell',
  'date',
  ...Object.keys(NUMBER_FIELDS),
  'beddingProvided',
  'restraintsOutsideTransport',
  'note',
]);

/** The form for one day of the regime log, for one cell or several with the same values. */
function RecordDay({
  id,
  facility,
  today,
  onRecorded,
}: {
  id: string;
  facility: FacilityDetail;
  today: string;
  onRecorded: (date: string) => void;
}) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ActionState>({ busy: null, error: null, done: null });
  const set = (field: keyof Draft) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (outcome.busy) return;
    const cells = cellCodes(draft.cells);
    const local: FieldErrors = {};
    if (cells.length === 0) local.cell = [{ text: t('regime.form.cellMissing'), server: false }];
    if (!isIsoDate(draft.date)) local.date = [{ text: t('regime.form.dateMissing'), server: false }];
    for (const field of Object.keys(NUMBER_FIELDS) as NumberField[]) {
      if (typeof numberOrText(draft[field]) === 'string') {
        local[field] = [{ text: t('regime.form.notNumber'), server: false }];
      }
    }
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setSummary(t('regime.form.fixFields'));
      setOutcome({ busy: null, error: null, done: null });
      return;
    }
    setSummary(null);
    const values: Record<string, unknown> = { date: draft.date };
    for (const field of Object.keys(NUMBER_FIELDS) as NumberField[])
      values[field] = numberOrText(draft[field]);
    for (const field of ['beddingProvided', 'restraintsOutsideTransport'] as const) {
      values[field] = draft[field] === '' ? null : draft[field] === 'yes';
    }
    values.note = draft.note.trim() === '' ? null : draft.note.trim();
    setOutcome({ busy: 'record', error: null, done: null });
    let report: RegimeReport;
    try {
      // All or nothing: the cells of one form are recorded together or not at all.
      report = await recordRegime(
        id,
        cells.map((cell) => ({ cell, ...values })),
        true,
      );
    } catch (caught) {
      setOutcome({
        busy: null,
        error: caught instanceof ApiError ? caught : new ApiError(0, { detail: String(caught) }),
        done: null,
      });
      return;
    }
    if (report.rejected.length === 0) {
      setOutcome({
        busy: null,
        error: null,
        done: t(report.recorded === 1 ? 'regime.form.recordedOne' : 'regime.form.recorded', {
          n: fmt.number(report.recorded),
          cells: fmt.list(cells),
          date: fmt.date(draft.date),
        }),
      });
      onRecorded(draft.date);
      return;
    }
    // The same message for several cells is shown once, naming the cells.
    const byField = new Map<string, Map<string, string[]>>();
    for (const rejected of report.rejected) {
      const cell = cells[rejected.line - 1] ?? '';
      for (const issue of rejected.issues) {
        const field = FORM_FIELDS.has(issue.field) ? issue.field : '(entry)';
        const messages = byField.get(field) ?? new Map<string, string[]>();
        messages.set(issue.message, [...(messages.get(issue.message) ?? []), cell]);
        byField.set(field, messages);
      }
    }
    const refused: FieldErrors = {};
    for (const [field, messages] of byField) {
      refused[field] = [...messages].map(([message, on]) => ({
        text: cells.length > 1 ? `${on.join(', ')}: ${message}` : message,
        server: true,
      }));
    }
    setErrors(refused);
    setSummary(
      t(report.rejected.length === 1 ? 'regime.form.refusedOne' : 'regime.form.refused', {
        n: fmt.number(report.rejected.length),
      }),
    );
    setOutcome({ busy: null, error: null, done: null });
  };

  const fieldErrors = (field: string) => errors[field] ?? [];
  const errorList = (field: string) => {
    const list = fieldErrors(field);
    if (list.length === 0) return null;
    return (
      <span className="usa-error-message" id={`${formId}-${field}-error`}>
        {list.map((error) => (
          <span key={error.text} className="custodia-field-error" lang={error.server ? 'en' : undefined}>
            {error.text}
          </span>
        ))}
      </span>
    );
  };
  const describedBy = (field: string, hint = true) =>
    [hint ? `${formId}-${field}-hint` : '', fieldErrors(field).length > 0 ? `${formId}-${field}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const group = (field: string) =>
    fieldErrors(field).length > 0 ? 'usa-form-group usa-form-group--error' : 'usa-form-group';

  const numberInput = (field: NumberField) => {
    const spec = NUMBER_FIELDS[field];
    return (
      <div className={group(field)} key={field}>
        <label className="usa-label" htmlFor={`${formId}-${field}`}>
          {t(`regime.field.${field}`)}
        </label>
        <div className="usa-hint" id={`${formId}-${field}-hint`}>
          {t(`regime.hint.${field}`)}
        </div>
        {errorList(field)}
        <div className="usa-input-group custodia-input-group">
          <input
            className="usa-input"
            id={`${formId}-${field}`}
            name={field}
            // A whole field is a number input bounded like the server's schema; a decimal one stays text,
            // since a number input drops a decimal comma ("1,5") in some browsers and languages.
            {...(spec.decimal ? {} : { type: 'number', min: 0, max: spec.max, step: 1 })}
            inputMode={spec.decimal ? 'decimal' : 'numeric'}
            autoComplete="off"
            value={draft[field]}
            onChange={set(field)}
            aria-describedby={describedBy(field)}
            aria-invalid={fieldErrors(field).length > 0 || undefined}
          />
          <div className="usa-input-suffix" aria-hidden="true">
            {t(`regime.unit.${spec.unit}`)}
          </div>
        </div>
      </div>
    );
  };

  const booleanInput = (field: BooleanField) => (
    <fieldset className={`usa-fieldset ${group(field)}`} key={field} aria-describedby={describedBy(field)}>
      <legend className="usa-legend">{t(`regime.field.${field}`)}</legend>
      <div className="usa-hint" id={`${formId}-${field}-hint`}>
        {t(`regime.hint.${field}`)}
      </div>
      {errorList(field)}
      <div className="custodia-radio-row">
        {(['yes', 'no', ''] as const).map((value) => (
          <div className="usa-radio" key={value || 'unknown'}>
            <input
              className="usa-radio__input"
              id={`${formId}-${field}-${value || 'unknown'}`}
              type="radio"
              name={`${formId}-${field}`}
              value={value}
              checked={draft[field] === value}
              onChange={() => setDraft((d) => ({ ...d, [field]: value }))}
            />
            <label className="usa-radio__label" htmlFor={`${formId}-${field}-${value || 'unknown'}`}>
              {value === 'yes' ? t('common.yes') : value === 'no' ? t('common.no') : t('regime.notRecorded')}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );

  return (
    <Section title={t('regime.form.title')}>
      <p className="custodia-note-text margin-top-0">{t('regime.form.note')}</p>
      <form className="usa-form usa-form--large custodia-regime-form" onSubmit={submit} noValidate>
        {summary && (
          <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{summary}</p>
              {fieldErrors('(entry)').map((error) => (
                <p key={error.text} className="usa-alert__text" lang="en">
                  {error.text}
                </p>
              ))}
            </div>
          </div>
        )}
        <div className="custodia-form-row">
          <div className={group('cell')}>
            <label className="usa-label" htmlFor={`${formId}-cell`}>
              {t('regime.cell')}
            </label>
            <div className="usa-hint" id={`${formId}-cell-hint`}>
              {t('regime.form.cellHint')}
            </div>
            {errorList('cell')}
            <input
              className="usa-input"
              id={`${formId}-cell`}
              name="cell"
              list={`${formId}-cells`}
              spellCheck={false}
              autoCapitalize="characters"
              autoComplete="off"
              value={draft.cells}
              onChange={set('cells')}
              aria-describedby={describedBy('cell')}
              aria-invalid={fieldErrors('cell').length > 0 || undefined}
            />
            <datalist id={`${formId}-cells`}>
              {facility.cells.map((c) => (
                <option key={c.id} value={c.code} />
              ))}
            </datalist>
          </div>
          <div className={group('date')}>
            <label className="usa-label" htmlFor={`${formId}-date`}>
              {t('regime.form.date')}
            </label>
            <div className="usa-hint" id={`${formId}-date-hint`}>
              {t('regime.form.dateHint', { zone: facility.timeZone })}
            </div>
            {errorList('date')}
            <input
              className="usa-input custodia-date"
              id={`${formId}-date`}
              name="date"
              type="date"
              max={today}
              value={draft.date}
              onChange={set('date')}
              aria-describedby={describedBy('date')}
              aria-invalid={fieldErrors('date').length > 0 || undefined}
            />
          </div>
        </div>

        <fieldset className="usa-fieldset custodia-regime-form__group">
          <legend className="usa-legend usa-legend--large">{t('regime.form.timeOut')}</legend>
          <div className="custodia-form-row">
            {numberInput('minutesOutOfCell')}
            {numberInput('outdoorExerciseMinutes')}
          </div>
        </fieldset>
        <fieldset className="usa-fieldset custodia-regime-form__group">
          <legend className="usa-legend usa-legend--large">{t('regime.form.conditions')}</legend>
          <div className="custodia-form-row">
            {numberInput('nightLightHours')}
            {numberInput('drinkingWaterLitresPerPerson')}
            {numberInput('mealsServed')}
          </div>
          {booleanInput('beddingProvided')}
        </fieldset>
        <fieldset className="usa-fieldset custodia-regime-form__group">
          <legend className="usa-legend usa-legend--large">{t('regime.form.contacts')}</legend>
          <div className="custodia-form-row">
            {numberInput('familyContacts')}
            {numberInput('legalVisits')}
            {numberInput('consularVisits')}
          </div>
        </fieldset>
        <fieldset className="usa-fieldset custodia-regime-form__group">
          <legend className="usa-legend usa-legend--large">{t('regime.form.restraints')}</legend>
          {booleanInput('restraintsOutsideTransport')}
        </fieldset>
        <div className={group('note')}>
          <label className="usa-label" htmlFor={`${formId}-note`}>
            {t('regime.field.note')}
          </label>
          <div className="usa-hint" id={`${formId}-note-hint`}>
            {t('regime.hint.note')}
          </div>
          {errorList('note')}
          <textarea
            className="usa-textarea custodia-textarea"
            id={`${formId}-note`}
            name="note"
            rows={3}
            maxLength={2000}
            value={draft.note}
            onChange={set('note')}
            aria-describedby={describedBy('note')}
          />
        </div>
        <ActionFeedback state={outcome} refusedTitle={t('regime.form.failed')} />
        <button
          type="submit"
          className="usa-button margin-top-3"
          aria-disabled={outcome.busy !== null || undefined}
        >
          {outcome.busy ? t('action.working') : t('regime.form.submit')}
        </button>
      </form>
    </Section>
  );
}

/* ---------- Bulk upload: the CSV of `custodia regime import`, checked by the server entry by entry. ---------- */

/** A problem with one line of the file: the line number (1 is the header), the field and what is wrong. */
interface LineIssue {
  line: number;
  field: string;
  message: string;
  /** True when the message is the server's (English); false when it is the page's own, translated. */
  server: boolean;
}

interface UploadState {
  phase: 'idle' | 'reading' | 'sending' | 'done' | 'stopped';
  file: string;
  /** Entries in the file that passed the page's own checks. */
  total: number;
  /** Entries sent so far (each request's entries once it answered). */
  sent: number;
  recorded: number;
  issues: LineIssue[];
  /** True when nothing was recorded because of all or nothing. */
  nothingRecorded: boolean;
  allOrNothing: boolean;
  error: ApiError | null;
  /** The line the upload stopped before, after an error or when the reader stopped it. */
  stoppedAt: number | null;
}

const IDLE: UploadState = {
  phase: 'idle',
  file: '',
  total: 0,
  sent: 0,
  recorded: 0,
  issues: [],
  nothingRecorded: false,
  allOrNothing: false,
  error: null,
  stoppedAt: null,
};

/** Problems listed at once; the rest are counted. */
const ISSUES_SHOWN = 200;

/**
 * Uploads a regime CSV. All or nothing: the whole file goes in ONE request, which the server records in one
 * transaction or not at all (so a file takes at most 20,000 entries). Otherwise the entries go in requests
 * of 2,000 with a progress bar; each request records its good entries, and every refused entry is listed
 * with its line in the file.
 */
function BulkUpload({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const errorText = useErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [allOrNothing, setAllOrNothing] = useState(true);
  const [missing, setMissing] = useState(false);
  const [state, setState] = useState<UploadState>(IDLE);
  const stop = useRef(false);
  const busy = state.phase === 'reading' || state.phase === 'sending';

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    stop.current = false;
    const base: UploadState = { ...IDLE, phase: 'reading', file: file.name, allOrNothing };
    setState(base);
    const parsed = parseRegimeCsv(await file.text());
    const said = (issue: CsvIssue): LineIssue => ({
      line: issue.line,
      field:
        issue.field === '(header)'
          ? t('regime.upload.header')
          : issue.field === '(line)'
            ? t('regime.upload.lineField')
            : issue.field,
      message: t(`regime.upload.${issue.code}`, issue.params),
      server: false,
    });
    if (parsed.headerIssues.length > 0) {
      setState({ ...base, phase: 'done', issues: parsed.headerIssues.map(said), nothingRecorded: true });
      return;
    }
    const total = parsed.entries.length;
    const local = parsed.issues.map(said);
    if (total === 0 && local.length === 0) {
      setState({ ...base, phase: 'done', issues: [bad(t('regime.upload.empty'))], nothingRecorded: true });
      return;
    }
    if (allOrNothing && local.length > 0) {
      // Nothing is sent: the server would record the other rows, and all or nothing means none of them.
      setState({ ...base, phase: 'done', total, issues: local, nothingRecorded: true });
      return;
    }
    if (allOrNothing && total > REGIME_MAX_ENTRIES) {
      setState({
        ...base,
        phase: 'done',
        total,
        issues: [
          bad(t('regime.upload.tooBig', { n: fmt.number(total), max: fmt.number(REGIME_MAX_ENTRIES) })),
        ],
        nothingRecorded: true,
      });
      return;
    }
    const size = allOrNothing ? total : CHUNK;
    let current: UploadState = { ...base, phase: 'sending', total, issues: [...local] };
    setState(current);
    for (let start = 0; start < total; start += size) {
      if (stop.current) {
        current = { ...current, phase: 'stopped', stoppedAt: parsed.entries[start]?.line ?? null };
        break;
      }
      const chunk = parsed.entries.slice(start, start + size);
      try {
        const report = await recordRegime(
          id,
          chunk.map((c) => c.entry),
          allOrNothing,
        );
        const refused = report.rejected.flatMap((r) =>
          r.issues.map((issue: EntryIssue) => ({
            line: chunk[r.line - 1]?.line ?? r.line,
            field: issue.field,
            message: issue.message,
            server: true,
          })),
        );
        current = {
          ...current,
          sent: current.sent + chunk.length,
          recorded: current.recorded + report.recorded,
          issues: [...current.issues, ...refused],
          nothingRecorded: report.rolledBack,
        };
      } catch (caught) {
        current = {
          ...current,
          phase: 'stopped',
          error: caught instanceof ApiError ? caught : new ApiError(0, { detail: String(caught) }),
          stoppedAt: chunk[0]?.line ?? null,
        };
        break;
      }
      setState(current);
    }
    if (current.phase === 'sending') current = { ...current, phase: 'done' };
    current = { ...current, issues: [...current.issues].sort((a, b) => a.line - b.line) };
    setState(current);
    if (current.recorded > 0) onDone();
  };

  const bad = (message: string): LineIssue => ({
    line: 1,
    field: t('regime.upload.file'),
    message,
    server: false,
  });

  return (
    <Section title={t('regime.upload.title')} className="custodia-regime-upload">
      <p className="margin-top-0">{t('regime.upload.intro')}</p>
      <p className="margin-bottom-1">{t('regime.upload.columns')}</p>
      <pre className="custodia-note custodia-csv-example">
        <code>
          {REGIME_COLUMNS.join(',')}
          {'\n'}M1-C01,2025-04-01,30,0,12,no,,3,0,0,0,no,"{t('regime.upload.exampleNote')}"
        </code>
      </pre>
      <ul className="custodia-plain-list custodia-upload-rules">
        <li>{t('regime.upload.ruleEmpty')}</li>
        <li>{t('regime.upload.ruleBoolean')}</li>
        <li>{t('regime.upload.ruleCorrection')}</li>
      </ul>
      <form className="usa-form usa-form--large" onSubmit={upload} noValidate>
        <div className={missing ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
          <label className="usa-label" htmlFor={`${formId}-file`}>
            {t('regime.upload.file')}
          </label>
          <div className="usa-hint" id={`${formId}-file-hint`}>
            {t('regime.upload.fileHint')}
          </div>
          {missing && (
            <span className="usa-error-message" role="alert">
              {t('regime.upload.fileMissing')}
            </span>
          )}
          <input
            ref={fileRef}
            className="usa-input custodia-file"
            id={`${formId}-file`}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${formId}-file-hint`}
            aria-invalid={missing || undefined}
            disabled={busy}
          />
        </div>
        <div className="usa-checkbox margin-top-2">
          <input
            className="usa-checkbox__input"
            id={`${formId}-all`}
            type="checkbox"
            checked={allOrNothing}
            onChange={(event) => setAllOrNothing(event.target.checked)}
            disabled={busy}
            aria-describedby={`${formId}-all-hint`}
          />
          <label className="usa-checkbox__label" htmlFor={`${formId}-all`}>
            {t('regime.upload.allOrNothing')}
          </label>
        </div>
        <p className="usa-hint margin-top-1" id={`${formId}-all-hint`}>
          {allOrNothing
            ? t('regime.upload.allOrNothingHint', { max: fmt.number(REGIME_MAX_ENTRIES) })
            : t('regime.upload.chunkedHint', { n: fmt.number(CHUNK) })}
        </p>
        <div className="custodia-row-actions margin-top-2">
          <button type="submit" className="usa-button" aria-disabled={busy || undefined}>
            {busy ? t('action.working') : t('regime.upload.submit')}
          </button>
          {busy && !state.allOrNothing && (
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                stop.current = true;
              }}
            >
              {t('regime.upload.stop')}
            </button>
          )}
        </div>
      </form>
      <UploadProgress state={state} errorText={errorText} />
    </Section>
  );
}

function UploadProgress({ state, errorText }: { state: UploadState; errorText: (e: ApiError) => string }) {
  const { t, fmt } = useI18n();
  const id = useId();
  if (state.phase === 'idle') return null;
  const sending = state.phase === 'sending' || state.phase === 'reading';
  const refusedLines = new Set(state.issues.map((i) => i.line)).size;
  const progressText =
    state.phase === 'reading'
      ? t('regime.upload.reading', { file: state.file })
      : state.allOrNothing
        ? t('regime.upload.sendingAll', { n: fmt.number(state.total) })
        : t('regime.upload.progress', { sent: fmt.number(state.sent), total: fmt.number(state.total) });
  return (
    <div className="custodia-upload-result" data-phase={state.phase}>
      {sending && (
        <div className="custodia-progress">
          <label htmlFor={`${id}-progress`}>{progressText}</label>
          {state.allOrNothing || state.phase === 'reading' ? (
            <progress id={`${id}-progress`} />
          ) : (
            <progress id={`${id}-progress`} max={state.total} value={state.sent} />
          )}
        </div>
      )}
      <div role="status" aria-live="polite">
        {!sending && (
          <div
            className={`usa-alert usa-alert--slim custodia-feedback ${
              state.issues.length === 0 && !state.error && state.phase === 'done'
                ? 'usa-alert--success'
                : state.recorded > 0
                  ? 'usa-alert--warning'
                  : 'usa-alert--error'
            }`}
          >
            <div className="usa-alert__body">
              <h3 className="usa-alert__heading">
                {state.recorded > 0
                  ? t(
                      state.recorded === 1
                        ? 'regime.upload.recordedHeadingOne'
                        : 'regime.upload.recordedHeading',
                      {
                        n: fmt.number(state.recorded),
                        file: state.file,
                      },
                    )
                  : t('regime.upload.nothingHeading', { file: state.file })}
              </h3>
              <p className="usa-alert__text">
                {t('regime.upload.summary', {
                  recorded: fmt.number(state.recorded),
                  refused: fmt.number(refusedLines),
                })}{' '}
                {state.nothingRecorded && state.issues.length > 0 && t('regime.upload.nothingRecorded')}
                {state.phase === 'stopped' &&
                  state.stoppedAt !== null &&
                  ` ${t('regime.upload.stoppedAt', { line: state.stoppedAt })}`}
              </p>
              {state.error && (
                <p className="usa-alert__text" lang={state.error.status === 0 ? undefined : 'en'}>
                  {errorText(state.error)}
                </p>
              )}
            </div>
          </div>
        )}
      </div>
      {!sending && state.issues.length > 0 && (
        <div className="usa-table-container--scrollable">
          <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-upload-issues">
            <caption>
              {t('regime.upload.issuesCaption', { n: fmt.number(state.issues.length) })}
              {state.issues.length > ISSUES_SHOWN && (
                <span className="custodia-caption-page">
                  {' '}
                  {t('regime.upload.issuesFirst', { n: fmt.number(ISSUES_SHOWN) })}
                </span>
              )}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="text-right">
                  {t('regime.upload.line')}
                </th>
                <th scope="col">{t('regime.upload.field')}</th>
                <th scope="col">{t('regime.upload.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {state.issues.slice(0, ISSUES_SHOWN).map((issue) => (
                <tr key={`${issue.line}|${issue.field}|${issue.message}`} data-line={issue.line}>
                  <th scope="row" className="text-right text-tabular">
                    {fmt.number(issue.line)}
                  </th>
                  <td className="custodia-mono">{issue.field}</td>
                  <td lang={issue.server ? 'en' : undefined}>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
