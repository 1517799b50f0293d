import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { type InvoiceDetail, invoicePage } from './api.ts';
import { documentName } from './billing-words.ts';
import { DataTable } from './data-table.tsx';
import { InvoiceStatusTag } from './invoice-status-tag.tsx';
import { useMoney } from './money-format.ts';

/** The document this one corrects, and the supplementary invoices and credit notes that correct it. */
export function InvoiceCorrections({ doc, name }: { doc: InvoiceDetail; name: string }) {
  const { t } = useI18n();
  const money = useMoney();
  const caption = t('invoice.correctionsCaption', { name });
  return (
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
        <DataTable caption={caption} className="custodia-invoice-corrections">
          <thead>
            <tr>
              <th scope="col">{t('invoice.document')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col" className="text-right">
                {t('invoice.amount', { currency: doc.currency.trim() })}
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
                  {money.amount(c.kind === 'credit_note' ? -c.totalCents : c.totalCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}
