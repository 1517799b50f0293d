import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import { ActionFeedback, type ActionRunner, useAction } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { type I18n, useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn } from '../zoned-time.ts';
import {
  type BillingDocument,
  type DocumentKind,
  type DocumentLine,
  draftCreditNote,
  exportHref,
  type InvoiceDetail,
  type InvoiceStatus,
  invoicePage,
  invoicePath,
  isSchedulePart,
  issueInvoice,
  money,
  moneyIn,
  parseMoney,
  partExplanation,
  recordPayment,
} from './api.ts';
import './invoice-page.css';

/** A document's status as a tag: the name in words, the colour only repeating it. */
export function InvoiceStatusTag({ status }: { status: InvoiceStatus }) {
  const { t } = useI18n();
  return (
    <span className={`usa-tag custodia-invoice-state custodia-invoice-state--${status}`} data-status={status}>
      {t(`invoice.status.${status}`)}
    </span>
  );
}

/** A document's name: "Invoice No. 12", "Credit note No. 13". */
export function documentName(t: I18n['t'], kind: DocumentKind, number: number): string {
  return t('invoice.nameFor', { kind: t(`invoice.kind.${kind}`), number });
}

/** A count with its noun, singular or plural: "1 person", "105 custody days", "2 documentos". */
export function count(
  i18n: Pick<I18n, 't' | 'fmt'>,
  noun: 'people' | 'days' | 'documents' | 'plainDays',
  n: number,
): string {
  return i18n.t(`invoices.n.${noun}.${n === 1 ? 'one' : 'other'}`, { n: i18n.fmt.number(n) });
}

/** A billing month `YYYY-MM` in words: "April 2025", "abril de 2025". */
export function monthName(locale: string, month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** The signed-in user's name from a ledger actor such as `user:ana.lopez`. */
function actorName(actor: string): string {
  return actor.startsWith('user:') ? actor.slice(5) : actor;
}

/**
 * One invoice, supplementary invoice or credit note (DOMAIN.md, Billing): its facts (the agreement, the fee
 * schedule version and clause it was computed under, the zone custody days are counted in), its lines with
 * how each amount was reached, the totals and what has been paid and credited, its payments, and the
 * documents that correct it or that it corrects; downloads as a bilingual PDF and as CSV. Finance issues a
 * draft, records payments and drafts credit notes; the server decides and a refusal shows its explanation.
 */
export function InvoicePage({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, reload, refresh] = useApi<InvoiceDetail>(invoicePath(id));
  const doc = state.status === 'ok' ? state.data : null;
  usePageTitle(doc ? documentName(t, doc.kind, doc.number) : t('invoice.title'));

  return (
    <>
      <p className="margin-top-0">
        <Link href="/invoices" className="usa-link">
          ← {t('invoice.back')}
        </Link>
      </p>
      {!doc && <h1>{t('invoice.title')}</h1>}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('invoice.notFound')} />
      )}
      {doc && <InvoiceDetailView doc={doc} onChanged={refresh} />}
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

function InvoiceDetailView({ doc, onChanged }: { doc: InvoiceDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t, fmt, lang } = i18n;
  const name = documentName(t, doc.kind, doc.number);
  const month = monthName(fmt.locale, doc.month);
  const cur = doc.currency.trim();
  const isCredit = doc.kind === 'credit_note';
  const finance = useCan()('billing:write');
  const open = !isCredit && (doc.status === 'issued' || doc.status === 'partially_paid');
  const people = doc.lines.filter((l) => l.kind === 'person').length;

  return (
    <>
      <h1 className="custodia-invoice-title">
        {name} <InvoiceStatusTag status={doc.status} />
      </h1>
      <p className="custodia-invoice-subtitle">
        {t('invoice.subtitle', { month, agreement: doc.agreement?.title ?? doc.agreementId })}
      </p>

      <div className="custodia-invoice-downloads">
        <a
          className="usa-button usa-button--outline"
          href={exportHref(doc.number, 'pdf')}
          download
          data-format="pdf"
        >
          {t('invoice.downloadPdf')}
        </a>
        <a
          className="usa-button usa-button--outline"
          href={exportHref(doc.number, 'csv')}
          download
          data-format="csv"
        >
          {t('invoice.downloadCsv')}
        </a>
      </div>

      <dl className="custodia-counts custodia-invoice-figures">
        <div>
          <dt>{isCredit ? t('invoice.creditTotal') : t('invoice.total')}</dt>
          <dd data-total-cents={doc.totalCents}>{moneyIn(doc.totalCents, cur)}</dd>
        </div>
        {!isCredit && doc.status !== 'draft' && (
          <>
            <div>
              <dt>{t('invoice.paid')}</dt>
              <dd data-paid-cents={doc.paidCents}>{moneyIn(doc.paidCents, cur)}</dd>
            </div>
            <div>
              <dt>{t('invoice.credited')}</dt>
              <dd data-credited-cents={doc.creditedCents}>{moneyIn(doc.creditedCents, cur)}</dd>
            </div>
            <div className="custodia-invoice-balance">
              <dt>{t('invoice.balance')}</dt>
              <dd data-balance-cents={doc.balanceCents}>{moneyIn(doc.balanceCents, cur)}</dd>
            </div>
          </>
        )}
      </dl>
      {doc.status === 'draft' && (
        <p className="custodia-note-text">
          {isCredit ? t('invoice.draftCreditNote') : t('invoice.draftNote')}
        </p>
      )}

      <dl className="custodia-summary custodia-invoice-facts">
        <dt>{t('invoice.kind')}</dt>
        <dd>{t(`invoice.kind.${doc.kind}`)}</dd>
        <dt>{t('invoice.number')}</dt>
        <dd className="text-tabular">{doc.number}</dd>
        <dt>{t('invoice.month')}</dt>
        <dd>
          {month} <span className="custodia-mono">({doc.month})</span>
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
        {!isCredit && (
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

      {/* A new language starts the actions afresh: a message said in the other language is not kept. */}
      {finance && <FinanceActions key={lang} doc={doc} name={name} open={open} onChanged={onChanged} />}

      <Section title={t('invoice.lines')}>
        {doc.lines.length === 0 ? (
          <p className="custodia-empty">{t('invoice.noLines')}</p>
        ) : (
          <div className="usa-table-container--scrollable">
            <table className="usa-table usa-table--borderless custodia-table custodia-invoice-lines">
              <caption>
                {isCredit
                  ? t('invoice.linesCaptionCredit', { name })
                  : t('invoice.linesCaption', {
                      name,
                      people: count(i18n, 'people', people),
                      days: count(i18n, 'days', doc.totalDays),
                    })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="text-right">
                    #
                  </th>
                  <th scope="col">{t('invoice.ref')}</th>
                  <th scope="col" className="text-right">
                    {t('invoice.days')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('invoice.amount', { currency: cur })}
                  </th>
                  <th scope="col">{t('invoice.explanation')}</th>
                </tr>
              </thead>
              <tbody>
                {doc.lines.map((line) => (
                  <tr
                    key={line.lineNo}
                    data-ref={line.ref}
                    data-days={line.days}
                    data-amount-cents={line.amountCents}
                  >
                    <td className="text-right text-tabular">{line.lineNo}</td>
                    <th scope="row" className="text-no-wrap">
                      {line.kind === 'person' ? (
                        <span className="custodia-mono">{line.ref}</span>
                      ) : (
                        t(`invoice.lineKind.${line.kind}`)
                      )}
                    </th>
                    <td className="text-right text-tabular">{fmt.number(line.days)}</td>
                    <td className="text-right text-tabular text-no-wrap">{money(line.amountCents)}</td>
                    <td className="custodia-invoice-wrap">
                      <LineExplanation line={line} currency={cur} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td className="custodia-sum" />
                  <th scope="row" className="custodia-sum">
                    {t('invoice.totalRow')}
                  </th>
                  <td className="custodia-sum text-right text-tabular">{fmt.number(doc.totalDays)}</td>
                  <td className="custodia-sum text-right text-tabular text-no-wrap">
                    {money(doc.totalCents)}
                  </td>
                  <td className="custodia-sum" />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {doc.lines.some((l) => l.parts.some(isSchedulePart)) && (
          <p className="custodia-note-text">{t('invoice.formula')}</p>
        )}
      </Section>

      {!isCredit && (
        <Section title={t('invoice.payments')}>
          {doc.payments.length === 0 ? (
            <p className="custodia-empty">{t('invoice.noPayments')}</p>
          ) : (
            <div className="usa-table-container--scrollable">
              <table className="usa-table usa-table--borderless custodia-table custodia-invoice-payments">
                <caption className="usa-sr-only">{t('invoice.paymentsCaption', { name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('payment.receivedOn')}</th>
                    <th scope="col">{t('payment.reference')}</th>
                    <th scope="col" className="text-right">
                      {t('invoice.amount', { currency: cur })}
                    </th>
                    <th scope="col">{t('payment.recorded')}</th>
                  </tr>
                </thead>
                <tbody>
                  {doc.payments.map((p) => (
                    <tr key={p.id} data-amount-cents={p.amountCents}>
                      <th scope="row">
                        <time dateTime={p.receivedOn}>{fmt.date(p.receivedOn)}</time>
                      </th>
                      <td className="custodia-mono">{p.reference}</td>
                      <td className="text-right text-tabular">{money(p.amountCents)}</td>
                      <td>
                        {t('payment.recordedBy', {
                          time: fmt.zoned(p.recordedAt, doc.zone),
                          name: actorName(p.recordedBy),
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}

      <Section title={t('invoice.corrections')}>
        {doc.references && (
          <p>
            {t('invoice.correctsText')}{' '}
            <Link href={invoicePage(doc.references.number)} className="usa-link">
              {documentName(t, doc.references.kind, doc.references.number)}
            </Link>
          </p>
        )}
        {doc.corrections.length === 0 ? (
          <p className="custodia-empty">{t('invoice.noCorrections')}</p>
        ) : (
          <div className="usa-table-container--scrollable">
            <table className="usa-table usa-table--borderless custodia-table custodia-invoice-corrections">
              <caption>{t('invoice.correctionsCaption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('invoice.document')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col" className="text-right">
                    {t('invoice.amount', { currency: cur })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {doc.corrections.map((c) => (
                  <tr key={c.id} data-number={c.number}>
                    <th scope="row">
                      <Link href={invoicePage(c.number)} className="usa-link text-bold">
                        {documentName(t, c.kind, c.number)}
                      </Link>
                    </th>
                    <td>
                      <InvoiceStatusTag status={c.status} />
                    </td>
                    <td className="text-right text-tabular">
                      {c.kind === 'credit_note' ? money(-c.totalCents) : money(c.totalCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
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

const CORRECTION = /^now (\d+) days, (\d+) cents; issued (\d+) days, (\d+) cents$/;

/** How a line's amount was reached, in the reader's language; the formula itself as written. */
function LineExplanation({ line, currency }: { line: DocumentLine; currency: string }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const range = (from: string, to: string) =>
    from === to ? fmt.date(from) : t('invoice.range', { from: fmt.date(from), to: fmt.date(to) });
  return (
    <ul className="custodia-invoice-parts">
      {line.parts.map((part, i) => {
        const key = `${line.lineNo}-${i}`;
        if (isSchedulePart(part)) {
          return (
            <li key={key}>
              {part.scheduleVersion === null
                ? t('invoice.partNoSchedule', {
                    days: count(i18n, 'plainDays', part.days),
                    range: range(part.from, part.to),
                  })
                : t('invoice.partSchedule', {
                    version: part.scheduleVersion,
                    days: count(i18n, 'plainDays', part.days),
                    range: range(part.from, part.to),
                  })}
              {part.scheduleVersion !== null && (
                <code className="custodia-invoice-formula">{part.explanation}</code>
              )}
            </li>
          );
        }
        const text = partExplanation(part);
        if (text === null) return null;
        const correction = CORRECTION.exec(text);
        if (correction) {
          const [, nowDays, nowCents, wasDays, wasCents] = correction.map(Number) as number[];
          return (
            <li key={key}>
              {t('invoice.partCorrection', {
                nowDays: count(i18n, 'plainDays', nowDays ?? 0),
                now: moneyIn(nowCents ?? 0, currency),
                wasDays: count(i18n, 'plainDays', wasDays ?? 0),
                was: moneyIn(wasCents ?? 0, currency),
              })}
            </li>
          );
        }
        const lump = /^lump sum for (.+)$/.exec(text);
        if (lump) return <li key={key}>{t('invoice.partLumpSum', { period: lump[1] ?? '' })}</li>;
        return <li key={key}>{text}</li>;
      })}
    </ul>
  );
}

/** Finance's actions on this document: issue a draft, record a payment, draft a credit note. */
function FinanceActions({
  doc,
  name,
  open,
  onChanged,
}: {
  doc: InvoiceDetail;
  name: string;
  open: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction(onChanged);
  // A refusal often means the document changed under the reader (another payment, an issue): the figures
  // are fetched again so that the forms work from what is owed now.
  const runner: ActionRunner = {
    ...action,
    run: async (key, call, success) => {
      const ok = await action.run(key, call, success);
      if (!ok) onChanged();
      return ok;
    },
  };
  const [credit, setCredit] = useState<BillingDocument | null>(null);
  const canCredit = open && doc.balanceCents > 0;
  if (doc.status !== 'draft' && !open && !runner.state.done && !runner.state.error) return null;
  return (
    <Section title={t('invoice.actions')} className="custodia-invoice-actions">
      <ActionFeedback state={runner.state} />
      {credit && runner.state.done && (
        <p className="margin-top-0">
          <Link href={invoicePage(credit.number)} className="usa-link text-bold">
            {t('credit.open', { name: documentName(t, credit.kind, credit.number) })}
          </Link>
        </p>
      )}
      {doc.status === 'draft' && <IssueForm doc={doc} name={name} runner={runner} />}
      {open && (
        <div className="custodia-invoice-forms">
          <PaymentForm doc={doc} runner={runner} />
          {canCredit && <CreditForm doc={doc} runner={runner} onCreated={setCredit} />}
        </div>
      )}
    </Section>
  );
}

function IssueForm({ doc, name, runner }: { doc: InvoiceDetail; name: string; runner: ActionRunner }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [dueOn, setDueOn] = useState('');
  const today = wallClockIn(doc.zone).slice(0, 10);
  const isCredit = doc.kind === 'credit_note';
  const invalid = dueOn !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || dueOn < today);
  const [shown, setShown] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShown(true);
    if (invalid) return;
    await runner.run(
      'issue',
      () => issueInvoice(doc.number, isCredit || !dueOn ? undefined : dueOn),
      (issued) =>
        issued.dueOn
          ? t('invoice.issuedDue', { name, due: fmt.date(issued.dueOn) })
          : t('invoice.issuedNow', { name }),
    );
  };
  return (
    <form className="usa-form custodia-action custodia-invoice-form" onSubmit={submit} noValidate>
      <h3 className="margin-top-0">{t('invoice.issueTitle', { name })}</h3>
      <p className="custodia-note-text margin-top-0">
        {isCredit ? t('invoice.issueCreditNote') : t('invoice.issueNote')}
      </p>
      {!isCredit && (
        <div className={shown && invalid ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
          <label className="usa-label" htmlFor={`${id}-due`}>
            {t('invoice.dueOn')}
          </label>
          <div className="usa-hint" id={`${id}-due-hint`}>
            {t('invoice.dueOnHint')}
          </div>
          {shown && invalid && (
            <span className="usa-error-message" role="alert">
              {t('invoice.dueOnInvalid', { today: fmt.date(today) })}
            </span>
          )}
          <input
            className="usa-input custodia-invoice-date"
            id={`${id}-due`}
            type="date"
            min={today}
            value={dueOn}
            onChange={(event) => setDueOn(event.target.value)}
            aria-describedby={`${id}-due-hint`}
            aria-invalid={(shown && invalid) || undefined}
          />
        </div>
      )}
      <button
        type="submit"
        className="usa-button margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {runner.state.busy === 'issue' ? t('action.working') : t('invoice.issue')}
      </button>
    </form>
  );
}

function PaymentForm({ doc, runner }: { doc: InvoiceDetail; runner: ActionRunner }) {
  const { t } = useI18n();
  const id = useId();
  const cur = doc.currency.trim();
  const today = wallClockIn(doc.zone).slice(0, 10);
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cents = parseMoney(amount);
    const found: Record<string, string> = {};
    if (cents === null) found.amount = t('payment.amountInvalid');
    else if (cents > doc.balanceCents)
      found.amount = t('payment.amountOver', { balance: moneyIn(doc.balanceCents, cur) });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) found.receivedOn = t('payment.receivedOnInvalid');
    else if (receivedOn > today) found.receivedOn = t('payment.receivedOnFuture');
    if (!reference.trim()) found.reference = t('payment.referenceMissing');
    setErrors(found);
    if (Object.keys(found).length > 0 || cents === null) return;
    const ok = await runner.run(
      'payment',
      () => recordPayment(doc.number, { amountCents: cents, receivedOn, reference: reference.trim() }),
      (updated) =>
        t('payment.recordedNow', {
          amount: moneyIn(cents, cur),
          balance: moneyIn(updated.balanceCents, cur),
          status: t(`invoice.status.${updated.status}`),
        }),
    );
    if (ok) {
      setAmount('');
      setReference('');
    }
  };
  return (
    <form className="usa-form custodia-action custodia-invoice-form" onSubmit={submit} noValidate>
      <h3 className="margin-top-0">{t('payment.title')}</h3>
      <p className="custodia-note-text margin-top-0">
        {t('payment.note', { balance: moneyIn(doc.balanceCents, cur) })}
      </p>
      <div className="custodia-form-row">
        <Field
          id={`${id}-amount`}
          label={t('payment.amount', { currency: cur })}
          hint={t('payment.amountHint')}
          error={errors.amount}
        >
          <input
            className="usa-input"
            id={`${id}-amount`}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            aria-describedby={`${id}-amount-hint`}
            aria-invalid={errors.amount ? true : undefined}
          />
        </Field>
        <Field id={`${id}-received`} label={t('payment.receivedOn')} error={errors.receivedOn}>
          <input
            className="usa-input"
            id={`${id}-received`}
            name="receivedOn"
            type="date"
            max={today}
            value={receivedOn}
            onChange={(event) => setReceivedOn(event.target.value)}
            aria-invalid={errors.receivedOn ? true : undefined}
          />
        </Field>
      </div>
      <Field
        id={`${id}-reference`}
        label={t('payment.reference')}
        hint={t('payment.referenceHint')}
        error={errors.reference}
      >
        <input
          className="usa-input custodia-invoice-wide"
          id={`${id}-reference`}
          name="reference"
          maxLength={200}
          autoComplete="off"
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          aria-describedby={`${id}-reference-hint`}
          aria-invalid={errors.reference ? true : undefined}
        />
      </Field>
      <button
        type="submit"
        className="usa-button margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {runner.state.busy === 'payment' ? t('action.working') : t('payment.submit')}
      </button>
    </form>
  );
}

function CreditForm({
  doc,
  runner,
  onCreated,
}: {
  doc: InvoiceDetail;
  runner: ActionRunner;
  onCreated: (credit: BillingDocument) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const cur = doc.currency.trim();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cents = parseMoney(amount);
    const found: Record<string, string> = {};
    if (cents === null) found.amount = t('payment.amountInvalid');
    else if (cents > doc.balanceCents)
      found.amount = t('credit.amountOver', { balance: moneyIn(doc.balanceCents, cur) });
    if (!reason.trim()) found.reason = t('credit.reasonMissing');
    setErrors(found);
    if (Object.keys(found).length > 0 || cents === null) return;
    const ok = await runner.run(
      'credit',
      () =>
        draftCreditNote(doc.number, { amountCents: cents, reason: reason.trim() }).then((created) => {
          onCreated(created);
          return created;
        }),
      (created) =>
        t('credit.drafted', {
          name: documentName(t, created.kind, created.number),
          amount: moneyIn(created.totalCents, cur),
        }),
    );
    if (ok) {
      setAmount('');
      setReason('');
    }
  };
  return (
    <form className="usa-form custodia-action custodia-invoice-form" onSubmit={submit} noValidate>
      <h3 className="margin-top-0">{t('credit.title')}</h3>
      <p className="custodia-note-text margin-top-0">{t('credit.note')}</p>
      <Field
        id={`${id}-amount`}
        label={t('credit.amount', { currency: cur })}
        hint={t('payment.amountHint')}
        error={errors.amount}
      >
        <input
          className="usa-input custodia-invoice-amount"
          id={`${id}-amount`}
          name="creditAmount"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          aria-describedby={`${id}-amount-hint`}
          aria-invalid={errors.amount ? true : undefined}
        />
      </Field>
      <Field id={`${id}-reason`} label={t('credit.reason')} error={errors.reason}>
        <textarea
          className="usa-textarea custodia-textarea"
          id={`${id}-reason`}
          name="reason"
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={errors.reason ? true : undefined}
        />
      </Field>
      <button
        type="submit"
        className="usa-button usa-button--outline margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {runner.state.busy === 'credit' ? t('action.working') : t('credit.submit')}
      </button>
    </form>
  );
}

/** A labelled form field with its error message above the control, as USWDS lays them out. */
function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
      <label className="usa-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="usa-error-message" role="alert">
          {error}
        </span>
      )}
      {children}
    </div>
  );
}
