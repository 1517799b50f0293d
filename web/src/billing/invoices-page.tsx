import { useCan } from '../access.tsx';
import type { AgreementList } from '../api.ts';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { AgingSummary } from './aging-summary.tsx';
import { DOCUMENT_KINDS, INVOICE_STATUSES, type InvoiceList, invoicesPath } from './api.ts';
import { count, isMonth } from './billing-words.ts';
import { DocumentsTable } from './documents-table.tsx';
import { GenerateInvoice } from './generate-invoice.tsx';
import { InvoiceFilters, type InvoiceFilterValues } from './invoice-filters.tsx';
import './invoices-page.css';

/** `value` when it is one of `values`, else null: an address can hold anything. */
function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

/**
 * Invoices, supplementary invoices and credit notes, newest first (docs/domain.md, Billing): each with its kind,
 * month, status, total, what was paid and credited, the balance and the due date, filtered by month, kind
 * and status in the address; the aging of what is owed; and, for finance, the form that generates a
 * month's invoice and says what it did.
 */
export function InvoicesPage() {
  const can = useCan();
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const requestedMonth = search.get('month');
  const filter: InvoiceFilterValues = {
    agreement: search.get('agreement') || null,
    month: isMonth(requestedMonth) ? requestedMonth : null,
    kind: oneOf(DOCUMENT_KINDS, search.get('kind')),
    status: oneOf(INVOICE_STATUSES, search.get('status')),
  };
  usePageTitle(t('invoices.title'));
  const [state, reload, refresh] = useApi<InvoiceList>(invoicesPath(filter));
  const [agreements] = useApi<AgreementList>('/api/v1/agreements');
  const agreementList = agreements.status === 'ok' ? agreements.data.items : [];
  const documents = state.status === 'ok' ? state.data.documents : [];
  const filtered = Object.values(filter).some((value) => value !== null);
  const go = (changes: Record<string, string | null>) =>
    navigate(withQuery('/invoices', { ...filter, ...changes }), { replace: true });

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
          initial={filter.agreement}
          onGenerated={refresh}
        />
      )}

      {state.status === 'ok' && <AgingSummary aging={state.data.aging} />}

      <Section title={t('invoices.documents')}>
        <InvoiceFilters values={filter} agreements={agreementList} onChange={go} />
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
      </Section>
    </>
  );
}
