import { useId } from 'react';
import type { AgreementList } from '../api.ts';
import { SelectField } from '../components/fields.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { type BillingReport, type InvoiceList, invoicesPath, reportPath } from './api.ts';
import { agreementChoices, DEFAULT_AGREEMENT } from './billing-words.ts';
import { FinanceReport } from './finance-report.tsx';

import './finance-page.css';

function parseYear(value: string | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** The year of the latest month billed, or null when nothing was. */
function latestYear(list: InvoiceList): number | null {
  const months = list.documents.map((d) => d.month).sort();
  const last = months.at(-1);
  return last ? Number(last.slice(0, 4)) : null;
}

/**
 * The finance dashboard for an agreement and a year (docs/domain.md, Billing → Reports): monthly revenue (fees
 * accrued by the custody record, invoiced and paid), the outstanding balances by age, the sending state's
 * cost avoided against domestic per-diem anchors, the fees' share of the receiving prison system's cost
 * ("sustainability"), and the yearly use-of-funds report owed, which finance records as submitted. Each
 * chart is one image named and described in words, with its figures in a table.
 */
export function FinancePage() {
  const { t } = useI18n();
  const id = useId();
  const { search } = useLocation();
  usePageTitle(t('finance.title'));
  const [agreements] = useApi<AgreementList>('/api/v1/agreements');
  const agreementList = agreements.status === 'ok' ? agreements.data.items : [];
  const agreement = search.get('agreement') || DEFAULT_AGREEMENT;
  const [invoices, reloadInvoices, refreshInvoices] = useApi<InvoiceList>(invoicesPath({ agreement }));
  const requestedYear = parseYear(search.get('year'));
  const thisYear = new Date().getFullYear();
  const year =
    requestedYear ??
    (invoices.status === 'loading'
      ? null
      : (invoices.status === 'ok' && latestYear(invoices.data)) || thisYear);
  const [report, reloadReport, refreshReport] = useApi<BillingReport>(
    year === null ? null : reportPath(agreement, year),
  );
  const chosen = agreementList.find((a) => a.code === agreement);
  const firstYear = Number((chosen?.effectiveFrom ?? '').slice(0, 4)) || Math.min(year ?? thisYear, thisYear);
  const lastYear = Math.max(thisYear, year ?? thisYear);
  const years: number[] = [];
  for (let y = lastYear; y >= Math.min(firstYear, lastYear); y--) years.push(y);
  const go = (changes: Record<string, string | null>) =>
    navigate(
      withQuery('/finance', { agreement: search.get('agreement'), year: search.get('year'), ...changes }),
      { replace: true },
    );
  const refresh = () => {
    refreshInvoices();
    refreshReport();
  };

  return (
    <>
      <h1>{t('finance.title')}</h1>
      <p className="usa-intro custodia-intro">{t('finance.intro')}</p>
      <p>
        <Link href="/invoices" className="usa-link">
          {t('finance.toInvoices')}
        </Link>
      </p>
      <div className="custodia-filters__row custodia-finance-controls">
        <SelectField
          id={`${id}-agreement`}
          label={t('finance.agreement')}
          value={agreement}
          onChange={(value) => go({ agreement: value, year: null })}
          choices={[
            ...(chosen ? [] : [{ value: agreement, label: agreement }]),
            ...agreementChoices(agreementList),
          ]}
        />
        <SelectField
          id={`${id}-year`}
          label={t('finance.year')}
          value={year === null ? '' : String(year)}
          onChange={(value) => go({ year: value })}
          placeholder={year === null ? '…' : undefined}
          choices={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>
      {chosen && <p className="custodia-note-text">{chosen.title}</p>}

      <LiveStatus
        text={invoices.status === 'loading' || report.status === 'loading' ? t('app.loading') : ''}
      />
      {invoices.status === 'error' && <LoadError error={invoices.error} onRetry={reloadInvoices} />}
      {report.status === 'error' && <LoadError error={report.error} onRetry={reloadReport} />}
      {report.status === 'ok' && (
        <FinanceReport
          report={report.data}
          aging={invoices.status === 'ok' ? invoices.data.aging : null}
          onChanged={refresh}
        />
      )}
    </>
  );
}
