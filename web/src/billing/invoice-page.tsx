import { useCan } from '../access.tsx';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { type InvoiceDetail, invoicePath } from './api.ts';
import { documentName } from './billing-words.ts';
import { FinanceActions } from './finance-actions.tsx';
import { InvoiceCorrections } from './invoice-corrections.tsx';
import { InvoiceLines } from './invoice-lines.tsx';
import { InvoicePayments } from './invoice-payments.tsx';
import { InvoiceFacts, InvoiceHeader } from './invoice-summary.tsx';
import './invoice-page.css';

/**
 * One invoice, supplementary invoice or credit note (docs/domain.md, Billing): its facts (the agreement, the fee
 * schedule version and clause it was computed under, the zone custody days are counted in), its lines with
 * how each amount was reached, the totals and what has been paid and credited, its payments, and the
 * documents that correct it or that it corrects; downloads as a PDF in the page's language and as CSV. Finance issues a
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

function InvoiceDetailView({ doc, onChanged }: { doc: InvoiceDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const name = documentName(t, doc.kind, doc.number);
  const isCredit = doc.kind === 'credit_note';
  const finance = useCan()('billing:write');
  const open = !isCredit && (doc.status === 'issued' || doc.status === 'partially_paid');
  return (
    <>
      <InvoiceHeader doc={doc} name={name} />
      <InvoiceFacts doc={doc} />
      {/* A new language starts the actions afresh: a message said in the other language is not kept. */}
      {finance && <FinanceActions key={lang} doc={doc} name={name} open={open} onChanged={onChanged} />}
      <InvoiceLines doc={doc} name={name} />
      {!isCredit && <InvoicePayments doc={doc} name={name} />}
      <InvoiceCorrections doc={doc} name={name} />
    </>
  );
}
