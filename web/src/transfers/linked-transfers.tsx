import type { TransferDetail } from '../api.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';

/**
 * Which way the transfer moves and what it is linked to (decision 0023): a return or repatriation names
 * the transfer that brought the person, its court order or country, and, once ended, who took the person;
 * a returned transfer links to the return that undoes it. Nothing is shown for a plain outbound transfer.
 */
export function LinkedTransfers({
  transfer,
}: {
  transfer: Pick<TransferDetail, 'direction' | 'country' | 'courtOrder' | 'handover' | 'linked'>;
}) {
  const { t, label, fmt } = useI18n();
  if (transfer.direction === 'outbound' && transfer.linked.length === 0 && !transfer.courtOrder) return null;
  return (
    <Section title={t('transfer.linked')}>
      <dl className="custodia-summary">
        <dt>{t('transfer.direction')}</dt>
        <dd data-direction={transfer.direction}>
          {label('direction', transfer.direction)}
          {transfer.country && ` · ${t('transfer.repatriationTo', { country: transfer.country })}`}
        </dd>
      </dl>
      {transfer.courtOrder && (
        <p>
          {t('transfer.courtOrder', { court: transfer.courtOrder.court, case: transfer.courtOrder.case })}
        </p>
      )}
      {transfer.handover && (
        <p data-handover>
          {t('transfer.handover', {
            agency: transfer.handover.agency,
            officer: transfer.handover.officer,
            time: fmt.localInstant(transfer.handover.at),
          })}
        </p>
      )}
      <ul className="usa-list">
        {transfer.linked.map((link) => {
          const href = `/transfers/${encodeURIComponent(link.transferId)}`;
          const status = label('transferStatus', link.status);
          return (
            <li key={link.transferId}>
              <Link href={href} className="usa-link">
                {link.relation === 'original'
                  ? t('transfer.linkedOriginal', { id: link.transferId, status })
                  : t('transfer.linkedReturn', {
                      direction: label('direction', link.direction),
                      id: link.transferId,
                      status,
                    })}
              </Link>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
