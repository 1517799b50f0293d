import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { type DocumentLine, type InvoiceDetail, isSchedulePart, partExplanation } from './api.ts';
import { count } from './billing-words.ts';
import { DataTable } from './data-table.tsx';
import { useMoney } from './money-format.ts';

/** The document's lines, each with how its amount was reached, and the total. */
export function InvoiceLines({ doc, name }: { doc: InvoiceDetail; name: string }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const money = useMoney();
  const cur = doc.currency.trim();
  const people = doc.lines.filter((l) => l.kind === 'person').length;
  const caption =
    doc.kind === 'credit_note'
      ? t('invoice.linesCaptionCredit', { name })
      : t('invoice.linesCaption', {
          name,
          people: count(i18n, 'people', people),
          days: count(i18n, 'days', doc.totalDays),
        });
  return (
    <Section title={t('invoice.lines')}>
      {doc.lines.length === 0 ? (
        <p className="custodia-empty">{t('invoice.noLines')}</p>
      ) : (
        <DataTable caption={caption} className="custodia-invoice-lines">
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
                <td className="text-right text-tabular">{fmt.number(line.lineNo)}</td>
                <th scope="row" className="text-no-wrap">
                  {line.sealed ? (
                    t('invoice.sealedLine')
                  ) : line.kind === 'person' ? (
                    <span className="custodia-mono">{line.ref}</span>
                  ) : (
                    t(`invoice.lineKind.${line.kind}`)
                  )}
                </th>
                <td className="text-right text-tabular">{fmt.number(line.days)}</td>
                <td className="text-right text-tabular text-no-wrap">{money.amount(line.amountCents)}</td>
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
                {money.amount(doc.totalCents)}
              </td>
              <td className="custodia-sum" />
            </tr>
          </tfoot>
        </DataTable>
      )}
      {doc.lines.some((l) => l.parts.some(isSchedulePart)) && (
        <p className="custodia-note-text">{t('invoice.formula')}</p>
      )}
    </Section>
  );
}

const CORRECTION = /^now (\d+) days, (\d+) cents; issued (\d+) days, (\d+) cents$/;

/** How a line's amount was reached, in the reader's language; the formula itself as written. */
function LineExplanation({ line, currency }: { line: DocumentLine; currency: string }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const money = useMoney();
  const range = (from: string, to: string) =>
    from === to ? fmt.date(from) : t('invoice.range', { from: fmt.date(from), to: fmt.date(to) });
  return (
    <ul className="custodia-invoice-parts">
      {line.parts.map((part, i) => {
        const key = `${line.lineNo}-${i}`;
        if (isSchedulePart(part)) {
          const days = count(i18n, 'plainDays', part.days);
          return (
            <li key={key}>
              {part.scheduleVersion === null
                ? t('invoice.partNoSchedule', { days, range: range(part.from, part.to) })
                : t('invoice.partSchedule', {
                    version: part.scheduleVersion,
                    days,
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
          const [nowDays = 0, nowCents = 0, wasDays = 0, wasCents = 0] = correction.slice(1).map(Number);
          return (
            <li key={key}>
              {t('invoice.partCorrection', {
                nowDays: count(i18n, 'plainDays', nowDays),
                now: money.amountIn(nowCents, currency),
                wasDays: count(i18n, 'plainDays', wasDays),
                was: money.amountIn(wasCents, currency),
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
