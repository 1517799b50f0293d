import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import type { InvoiceDetail } from './api.ts';
import { actorName } from './billing-words.ts';
import { DataTable } from './data-table.tsx';
import { useMoney } from './money-format.ts';

/** The payments recorded against an invoice: when received, the reference, the amount, who recorded it. */
export function InvoicePayments({ doc, name }: { doc: InvoiceDetail; name: string }) {
  const { t, fmt } = useI18n();
  const money = useMoney();
  const caption = t('invoice.paymentsCaption', { name });
  return (
    <Section title={t('invoice.payments')}>
      {doc.payments.length === 0 ? (
        <p className="custodia-empty">{t('invoice.noPayments')}</p>
      ) : (
        <DataTable caption={caption} hideCaption className="custodia-invoice-payments">
          <thead>
            <tr>
              <th scope="col">{t('payment.receivedOn')}</th>
              <th scope="col">{t('payment.reference')}</th>
              <th scope="col" className="text-right">
                {t('invoice.amount', { currency: doc.currency.trim() })}
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
                <td className="text-right text-tabular">{money.amount(p.amountCents)}</td>
                <td>
                  {t('payment.recordedBy', {
                    time: fmt.zoned(p.recordedAt, doc.zone),
                    name: actorName(p.recordedBy),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Section>
  );
}
