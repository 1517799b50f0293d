import { type FormEvent, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import type { AgreementList } from '../api.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { type I18n, useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import {
  AGING_BUCKETS,
  type AgingReport,
  type BillingDocument,
  DOCUMENT_KINDS,
  type DocumentKind,
  type GenerationResult,
  generateInvoice,
  INVOICE_STATUSES,
  type InvoiceList,
  type InvoiceStatus,
  invoicePage,
  invoicesPath,
  money,
  moneyIn,
} from './api.ts';
import { count, documentName, InvoiceStatusTag, monthName } from './invoice-page.tsx';
import './invoices-page.css';

/** The agreement billed by default: the shipped scenario's. */
export const DEFAULT_AGREEMENT = 'cecot-2025';

function isKind(value: string | null): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly (string | null)[]).includes(value);
}

function isStatus(value: string | null): value is InvoiceStatus {
  return (INVOICE_STATUSES as readonly (string | null)[]).includes(value);
}

function isMonth(value: string | null): value is string {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The calendar month before today's, `YYYY-MM`: the month usually billed next. */
function lastMonth(): string {
  const now = new Date();
  const month = now.getMonth() === 0 ? 12 : now.getMonth();
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Invoices, supplementary invoices and credit notes, newest first (DOMAIN.md, Billing): each with its kind,
 * month, status, total, what was paid and credited, the balance and the due date, filtered by month, kind
 * and status in the address; the aging of what is owed; and, for finance, the form that generates a
 * month's invoice and says what it did.
 */
export function InvoicesPage() {
  const can = useCan();
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const { search } = useLocation();
  const requestedMonth = search.get('month');
  const month = isMonth(requestedMonth) ? requestedMonth : null;
  const requestedKind = search.get('kind');
  const kind = isKind(requestedKind) ? requestedKind : null;
  const requestedStatus = search.get('status');
  const status = isStatus(requestedStatus) ? requestedStatus : null;
  const agreement = search.get('agreement') || null;
  usePageTitle(t('invoices.title'));
  const [state, reload, refresh] = useApi<InvoiceList>(invoicesPath({ agreement, month, kind, status }));
  const [agreements] = useApi<AgreementList>('/api/v1/agreements');
  const agreementList = agreements.status === 'ok' ? agreements.data.items : [];
  const documents = state.status === 'ok' ? state.data.documents : [];
  const filtered = month !== null || kind !== null || status !== null || agreement !== null;
  const go = (changes: Record<string, string | null>) =>
    navigate(withQuery('/invoices', { agreement, month, kind, status, ...changes }), { replace: true });

  return (
    <>
      <h1>{t('invoices.title')}</h1>
      <p className="usa-intro custodia-intro">{t('invoices.intro')}</p>
      <p>
        <Link href="/finance" className="usa-link">
          {t('invoices.toFinance')}
        </Link>
      </p>

      {can('billing:write') && (
        <GenerateInvoice
          key={i18n.lang}
          agreements={agreementList}
          initial={agreement}
          onGenerated={refresh}
        />
      )}

      {state.status === 'ok' && <AgingSummary aging={state.data.aging} />}

      <section className="custodia-section" aria-labelledby={`${id}-documents`}>
        <h2 id={`${id}-documents`}>{t('invoices.documents')}</h2>
        <div className="custodia-filters__row custodia-invoice-filters">
          {agreementList.length > 1 && (
            <div className="usa-form-group">
              <label className="usa-label" htmlFor={`${id}-agreement`}>
                {t('invoices.agreement')}
              </label>
              <select
                className="usa-select"
                id={`${id}-agreement`}
                value={agreement ?? ''}
                onChange={(event) => go({ agreement: event.target.value || null })}
              >
                <option value="">{t('invoices.allAgreements')}</option>
                {agreementList.map((a) => (
                  <option key={a.id} value={a.code}>
                    {a.code}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="usa-form-group">
            <label className="usa-label" htmlFor={`${id}-month`}>
              {t('invoices.filterMonth')}
            </label>
            <input
              className="usa-input"
              id={`${id}-month`}
              type="month"
              placeholder="YYYY-MM"
              value={month ?? ''}
              onChange={(event) => {
                const value = event.target.value;
                if (value === '' || isMonth(value)) go({ month: value || null });
              }}
            />
          </div>
          <div className="usa-form-group">
            <label className="usa-label" htmlFor={`${id}-kind`}>
              {t('invoices.filterKind')}
            </label>
            <select
              className="usa-select"
              id={`${id}-kind`}
              value={kind ?? ''}
              onChange={(event) => go({ kind: event.target.value || null })}
            >
              <option value="">{t('invoices.allKinds')}</option>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`invoice.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="usa-form-group">
            <label className="usa-label" htmlFor={`${id}-status`}>
              {t('invoices.filterStatus')}
            </label>
            <select
              className="usa-select"
              id={`${id}-status`}
              value={status ?? ''}
              onChange={(event) => go({ status: event.target.value || null })}
            >
              <option value="">{t('invoices.allStatuses')}</option>
              {INVOICE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`invoice.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {filtered && (
            <div className="custodia-filters__buttons">
              <Link href="/invoices" className="usa-link">
                {t('invoices.clearFilters')}
              </Link>
            </div>
          )}
        </div>

        <LiveStatus
          text={
            state.status === 'loading'
              ? t('app.loading')
              : state.status === 'ok'
                ? t('invoices.count', { documents: count(i18n, 'documents', documents.length) })
                : ''
          }
        />
        {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
        {state.status === 'ok' && documents.length === 0 && (
          <p className="custodia-empty">{filtered ? t('invoices.noneFiltered') : t('invoices.none')}</p>
        )}
        {documents.length > 0 && <DocumentsTable documents={documents} />}
      </section>
    </>
  );
}

/** The documents as a table: a row each, numbers right-aligned in cents split into digits. */
function DocumentsTable({ documents }: { documents: BillingDocument[] }) {
  const { t, fmt } = useI18n();
  const byId = new Map(documents.map((d) => [d.id, d]));
  const currencies = [...new Set(documents.map((d) => d.currency.trim()))];
  const cur = currencies.length === 1 ? (currencies[0] ?? '') : '';
  const amountHeader = (
    key: 'invoices.total' | 'invoices.paid' | 'invoices.credited' | 'invoices.balance',
  ) => (cur ? `${t(key)} (${cur})` : t(key));
  return (
    <div className="usa-table-container--scrollable">
      <table className="usa-table usa-table--borderless custodia-table custodia-invoices">
        <caption className="usa-sr-only">{t('invoices.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('invoices.document')}</th>
            <th scope="col">{t('invoices.month')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col" className="text-right">
              {amountHeader('invoices.total')}
            </th>
            <th scope="col" className="text-right">
              {amountHeader('invoices.paid')}
            </th>
            <th scope="col" className="text-right">
              {amountHeader('invoices.credited')}
            </th>
            <th scope="col" className="text-right">
              {amountHeader('invoices.balance')}
            </th>
            <th scope="col">{t('invoices.due')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => {
            const corrected = d.referencesId ? byId.get(d.referencesId) : undefined;
            const credit = d.kind === 'credit_note';
            const shown = (cents: number) => (cur ? money(cents) : moneyIn(cents, d.currency));
            return (
              <tr key={d.id} data-number={d.number} data-kind={d.kind} data-balance-cents={d.balanceCents}>
                <th scope="row" className="custodia-invoice-wrap">
                  <Link href={invoicePage(d.number)} className="text-bold text-no-wrap">
                    {documentName(t, d.kind, d.number)}
                  </Link>
                  {corrected && (
                    <span className="custodia-statute">
                      {t('invoices.corrects', { name: documentName(t, corrected.kind, corrected.number) })}
                    </span>
                  )}
                </th>
                <td className="text-no-wrap">{monthName(fmt.locale, d.month)}</td>
                <td>
                  <InvoiceStatusTag status={d.status} />
                </td>
                <td className="text-right text-tabular">
                  {credit ? shown(-d.totalCents) : shown(d.totalCents)}
                </td>
                <td className="text-right text-tabular">{credit ? '—' : shown(d.paidCents)}</td>
                <td className="text-right text-tabular">{credit ? '—' : shown(d.creditedCents)}</td>
                <td className="text-right text-tabular text-bold">{credit ? '—' : shown(d.balanceCents)}</td>
                <td className="text-no-wrap">
                  {d.dueOn ? <time dateTime={d.dueOn}>{fmt.date(d.dueOn)}</time> : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The name of an aging bucket. */
export function bucketName(t: I18n['t'], bucket: (typeof AGING_BUCKETS)[number]): string {
  return t(`aging.${bucket}`);
}

/** What is owed, by how late it is, as of the report's date. */
export function AgingSummary({ aging, currency = 'USD' }: { aging: AgingReport; currency?: string }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const id = useId();
  return (
    <section className="custodia-section custodia-aging" aria-labelledby={`${id}-aging`}>
      <h2 id={`${id}-aging`}>{t('aging.title')}</h2>
      <p className="margin-top-0">
        {aging.outstandingCents === 0
          ? t('aging.nothing', { date: fmt.date(aging.asOf) })
          : t('aging.summary', {
              amount: moneyIn(aging.outstandingCents, currency),
              documents: count(i18n, 'documents', aging.documents.length),
              date: fmt.date(aging.asOf),
            })}
      </p>
      <dl className="custodia-counts custodia-aging__buckets" data-outstanding-cents={aging.outstandingCents}>
        {AGING_BUCKETS.map((bucket) => (
          <div key={bucket} data-bucket={bucket} data-cents={aging.buckets[bucket]}>
            <dt>{bucketName(t, bucket)}</dt>
            <dd>{moneyIn(aging.buckets[bucket], currency)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Finance's form: an agreement and a month; then what generating did, with links to the documents. */
function GenerateInvoice({
  agreements,
  initial,
  onGenerated,
}: {
  agreements: AgreementList['items'];
  initial: string | null;
  onGenerated: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(initial);
  const [month, setMonth] = useState(lastMonth);
  const [invalid, setInvalid] = useState(false);
  const [result, setResult] = useState<GenerationResult | null>(null);
  const runner = useAction(onGenerated);
  const agreement =
    chosen ??
    (agreements.some((a) => a.code === DEFAULT_AGREEMENT) ? DEFAULT_AGREEMENT : agreements[0]?.code) ??
    DEFAULT_AGREEMENT;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const bad = !isMonth(month);
    setInvalid(bad);
    if (bad) return;
    setResult(null);
    await runner.run(
      'generate',
      () =>
        generateInvoice(agreement, month).then((r) => {
          setResult(r);
          return r;
        }),
      (r) => generationText(i18n, r),
    );
  };

  return (
    <section className="custodia-section custodia-generate" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('invoices.generate')}</h2>
      <p className="custodia-note-text margin-top-0">{t('invoices.generateNote')}</p>
      <form className="usa-form custodia-action custodia-generate__form" onSubmit={submit} noValidate>
        <div className="custodia-form-row custodia-generate__row">
          <div className="usa-form-group">
            <label className="usa-label" htmlFor={`${id}-agreement`}>
              {t('invoices.agreement')}
            </label>
            <select
              className="usa-select"
              id={`${id}-agreement`}
              name="agreement"
              value={agreement}
              onChange={(event) => setChosen(event.target.value)}
            >
              {agreements.length === 0 && <option value={agreement}>{agreement}</option>}
              {agreements.map((a) => (
                <option key={a.id} value={a.code}>
                  {a.code}
                </option>
              ))}
            </select>
          </div>
          <div className={invalid ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
            <label className="usa-label" htmlFor={`${id}-month`}>
              {t('invoices.generateMonth')}
            </label>
            {invalid && (
              <span className="usa-error-message" role="alert">
                {t('invoices.monthInvalid')}
              </span>
            )}
            <input
              className="usa-input"
              id={`${id}-month`}
              name="month"
              type="month"
              placeholder="YYYY-MM"
              value={month}
              onChange={(event) => setMonth(event.target.value)}
              aria-describedby={`${id}-month-hint`}
              aria-invalid={invalid || undefined}
            />
            <div className="usa-hint margin-top-05" id={`${id}-month-hint`}>
              {t('invoices.monthHint')}
            </div>
          </div>
        </div>
        <button
          type="submit"
          className="usa-button margin-top-2"
          aria-disabled={runner.state.busy !== null || undefined}
        >
          {runner.state.busy ? t('action.working') : t('invoices.generateButton')}
        </button>
      </form>
      <div className="custodia-generate__result">
        <ActionFeedback state={runner.state} refusedTitle={t('invoices.generateRefused')} />
        {result && runner.state.done && (
          <ul className="custodia-generate__documents" data-action={result.action}>
            {result.documents.map((d) => (
              <li key={d.id} data-number={d.number} data-kind={d.kind}>
                <Link href={invoicePage(d.number)} className="usa-link text-bold">
                  {documentName(t, d.kind, d.number)}
                </Link>{' '}
                <InvoiceStatusTag status={d.status} /> {moneyIn(d.totalCents, d.currency)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** What generating a month did, in a sentence. */
function generationText(i18n: I18n, r: GenerationResult): string {
  const { t, fmt } = i18n;
  const month = monthName(fmt.locale, r.month);
  const invoice = r.documents.find((d) => d.kind === 'invoice');
  const name = invoice ? documentName(t, invoice.kind, invoice.number) : '';
  const bill = {
    people: count(i18n, 'people', r.bill.lines),
    days: count(i18n, 'days', r.bill.totalDays),
    amount: moneyIn(r.bill.totalCents, invoice?.currency ?? 'USD'),
  };
  switch (r.action) {
    case 'drafted':
      return t('invoices.drafted', { name, month, ...bill });
    case 'redrafted':
      return t('invoices.redrafted', { name, month, ...bill });
    case 'corrections':
      return t('invoices.corrections', { name, month, ...bill });
    case 'unchanged':
      return t('invoices.unchanged', { name, month, ...bill });
  }
}
