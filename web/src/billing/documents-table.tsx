import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { type BillingDocument, invoicePage } from './api.ts';
import { documentName, monthName } from './billing-words.ts';
import { DataTable, FigureCells, FigureHeads } from './data-table.tsx';
import { InvoiceStatusTag } from './invoice-status-tag.tsx';
import { useMoney } from './money-format.ts';

const AMOUNTS = ['invoices.total', 'invoices.paid', 'invoices.credited', 'invoices.balance'] as const;

/**
 * The documents as a table, a row each: the amounts in one currency are shown bare under a heading that
 * names it, in several currencies each with its own; a credit note's total is negative and it owes nothing.
 */
export function DocumentsTable({ documents }: { documents: BillingDocument[] }) {
  const { t, fmt } = useI18n();
  const money = useMoney();
  const byId = new Map(documents.map((d) => [d.id, d]));
  const currencies = [...new Set(documents.map((d) => d.currency.trim()))];
  const cur = currencies.length === 1 ? (currencies[0] ?? '') : '';
  const caption = t('invoices.caption');
  return (
    <DataTable caption={caption} hideCaption className="custodia-invoices">
      <thead>
        <tr>
          <th scope="col">{t('invoices.document')}</th>
          <th scope="col">{t('invoices.month')}</th>
          <th scope="col">{t('common.status')}</th>
          <FigureHeads labels={AMOUNTS.map((key) => (cur ? `${t(key)} (${cur})` : t(key)))} />
          <th scope="col">{t('invoices.due')}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => {
          const corrected = d.referencesId ? byId.get(d.referencesId) : undefined;
          const credit = d.kind === 'credit_note';
          const shown = (cents: number) => (cur ? money.amount(cents) : money.amountIn(cents, d.currency));
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
              <FigureCells
                texts={[
                  shown(credit ? -d.totalCents : d.totalCents),
                  credit ? '—' : shown(d.paidCents),
                  credit ? '—' : shown(d.creditedCents),
                ]}
              />
              <td className="text-right text-tabular text-bold">{credit ? '—' : shown(d.balanceCents)}</td>
              <td className="text-no-wrap">
                {d.dueOn ? <time dateTime={d.dueOn}>{fmt.date(d.dueOn)}</time> : '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
