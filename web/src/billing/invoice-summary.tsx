import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { exportHref, type InvoiceDetail, invoicePage } from './api.ts';
import { documentName, monthName } from './billing-words.ts';
import { InvoiceStatusTag } from './invoice-status-tag.tsx';
import { useMoney } from './money-format.ts';

/** The document's name and status, its downloads, its totals and what has been paid and credited. */
export function InvoiceHeader({ doc, name }: { doc: InvoiceDetail; name: string }) {
  const { t, fmt, lang } = useI18n();
  const money = useMoney();
  const cur = doc.currency.trim();
  const isCredit = doc.kind === 'credit_note';
  const figure = (label: string, data: string, cents: number, className?: string) => (
    <div className={className}>
      <dt>{label}</dt>
      <dd {...{ [`data-${data}-cents`]: cents }}>{money.amountIn(cents, cur)}</dd>
    </div>
  );
  return (
    <>
      <h1 className="custodia-invoice-title">
        {name} <InvoiceStatusTag status={doc.status} />
      </h1>
      <p className="custodia-invoice-subtitle">
        {t('invoice.subtitle', {
          month: monthName(fmt.locale, doc.month),
          agreement: doc.agreement?.title ?? doc.agreementId,
        })}
      </p>
      <div className="custodia-invoice-downloads">
        {(['pdf', 'csv'] as const).map((format) => (
          <a
            key={format}
            className="usa-button usa-button--outline"
            href={exportHref(doc.number, format, lang)}
            download
            data-format={format}
          >
            {format === 'pdf' ? t('invoice.downloadPdf') : t('invoice.downloadCsv')}
          </a>
        ))}
      </div>
      <dl className="custodia-counts custodia-invoice-figures">
        {figure(isCredit ? t('invoice.creditTotal') : t('invoice.total'), 'total', doc.totalCents)}
        {!isCredit && doc.status !== 'draft' && (
          <>
            {figure(t('invoice.paid'), 'paid', doc.paidCents)}
            {figure(t('invoice.credited'), 'credited', doc.creditedCents)}
            {figure(t('invoice.balance'), 'balance', doc.balanceCents, 'custodia-invoice-balance')}
          </>
        )}
      </dl>
      {doc.status === 'draft' && (
        <p className="custodia-note-text">
          {isCredit ? t('invoice.draftCreditNote') : t('invoice.draftNote')}
        </p>
      )}
    </>
  );
}

/**
 * The document's facts: kind, number, month, status, the agreement and its parties, the fee schedule
 * version and clause it was computed under, the zone custody days are counted in, when it was drafted,
 * issued and is due, and the document it corrects with why.
 */
export function InvoiceFacts({ doc }: { doc: InvoiceDetail }) {
  const { t, fmt } = useI18n();
  return (
    <dl className="custodia-summary custodia-invoice-facts">
      <dt>{t('invoice.kind')}</dt>
      <dd>{t(`invoice.kind.${doc.kind}`)}</dd>
      <dt>{t('invoice.number')}</dt>
      <dd className="text-tabular">{doc.number}</dd>
      <dt>{t('invoice.month')}</dt>
      <dd>
        {monthName(fmt.locale, doc.month)} <span className="custodia-mono">({doc.month})</span>
      </dd>
      <dt>{t('common.status')}</dt>
      <dd>{t(`invoice.status.${doc.status}`)}</dd>
      <dt>{t('invoice.agreement')}</dt>
      <dd>
        {doc.agreement ? (
          <>
            {doc.agreement.title} <span className="custodia-mono">({doc.agreement.code})</span>
            <span className="custodia-statute">
              {t('invoice.parties', {
                receiving: fmt.country(doc.agreement.receiving),
                sending: fmt.country(doc.agreement.sending),
              })}
            </span>
          </>
        ) : (
          doc.agreementId
        )}
      </dd>
      <dt>{t('invoice.schedule')}</dt>
      <dd>
        {doc.scheduleVersions.length === 0
          ? '—'
          : t('invoice.scheduleVersions', { versions: fmt.list(doc.scheduleVersions.map(String)) })}
        {doc.clause && (
          <span className="custodia-statute">
            {t('invoice.clause')}: {doc.clause}
          </span>
        )}
      </dd>
      <dt>{t('invoice.zone')}</dt>
      <dd>
        <span className="custodia-mono">{doc.zone}</span>
        <span className="custodia-statute">{t('invoice.zoneRule')}</span>
      </dd>
      <dt>{t('invoice.drafted')}</dt>
      <dd>{fmt.zoned(doc.draftedAt, doc.zone)}</dd>
      <dt>{t('invoice.issued')}</dt>
      <dd>{doc.issuedAt ? fmt.zoned(doc.issuedAt, doc.zone) : t('invoice.notIssued')}</dd>
      {doc.kind !== 'credit_note' && (
        <>
          <dt>{t('invoice.due')}</dt>
          <dd>{doc.dueOn ? <time dateTime={doc.dueOn}>{fmt.date(doc.dueOn)}</time> : '—'}</dd>
        </>
      )}
      {doc.references && (
        <>
          <dt>{t('invoice.corrects')}</dt>
          <dd>
            <Link href={invoicePage(doc.references.number)} className="usa-link">
              {documentName(t, doc.references.kind, doc.references.number)}
            </Link>
          </dd>
        </>
      )}
      {doc.reason && (
        <>
          <dt>{t('invoice.reason')}</dt>
          <dd>
            <Reason reason={doc.reason} />
          </dd>
        </>
      )}
    </dl>
  );
}

const CHANGED = /^custody record for (\d{4}-\d{2}) changed after invoice (\d+) was issued$/;

/** A correction's reason: the server's own sentence in the reader's language, else as typed. */
function Reason({ reason }: { reason: string }) {
  const { t, fmt } = useI18n();
  const changed = CHANGED.exec(reason);
  if (!changed) return <>{reason}</>;
  return (
    <>
      {t('invoice.reasonChanged', {
        month: monthName(fmt.locale, changed[1] ?? ''),
        number: changed[2] ?? '',
      })}
    </>
  );
}
