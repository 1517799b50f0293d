import { useId } from 'react';
import type { AgreementList } from '../api.ts';
import { SelectField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { DOCUMENT_KINDS, type DocumentKind, INVOICE_STATUSES, type InvoiceStatus } from './api.ts';
import { MonthField } from './billing-fields.tsx';
import { agreementChoices, isMonth } from './billing-words.ts';

/** The documents list's filters as the address holds them; null when not filtered. */
export interface InvoiceFilterValues {
  agreement: string | null;
  month: string | null;
  kind: DocumentKind | null;
  status: InvoiceStatus | null;
}

/**
 * The filters of the documents list: the agreement (when there are several), the month, the kind and
 * the status; each change replaces the address. A month is applied once it is whole.
 */
export function InvoiceFilters({
  values,
  agreements,
  onChange,
}: {
  values: InvoiceFilterValues;
  agreements: AgreementList['items'];
  onChange: (changes: Partial<Record<keyof InvoiceFilterValues, string | null>>) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const filtered = Object.values(values).some((value) => value !== null);
  return (
    <div className="custodia-filters__row custodia-invoice-filters">
      {agreements.length > 1 && (
        <SelectField
          id={`${id}-agreement`}
          label={t('invoices.agreement')}
          value={values.agreement ?? ''}
          onChange={(value) => onChange({ agreement: value || null })}
          placeholder={t('invoices.allAgreements')}
          choices={agreementChoices(agreements)}
        />
      )}
      <MonthField
        id={`${id}-month`}
        label={t('invoices.filterMonth')}
        value={values.month ?? ''}
        onChange={(value) => {
          if (value === '' || isMonth(value)) onChange({ month: value || null });
        }}
      />
      <SelectField
        id={`${id}-kind`}
        label={t('invoices.filterKind')}
        value={values.kind ?? ''}
        onChange={(value) => onChange({ kind: value || null })}
        placeholder={t('invoices.allKinds')}
        choices={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`invoice.kind.${k}`) }))}
      />
      <SelectField
        id={`${id}-status`}
        label={t('invoices.filterStatus')}
        value={values.status ?? ''}
        onChange={(value) => onChange({ status: value || null })}
        placeholder={t('invoices.allStatuses')}
        choices={INVOICE_STATUSES.map((s) => ({ value: s, label: t(`invoice.status.${s}`) }))}
      />
      {filtered && (
        <div className="custodia-filters__buttons">
          <Link href="/invoices" className="usa-link">
            {t('invoices.clearFilters')}
          </Link>
        </div>
      )}
    </div>
  );
}
