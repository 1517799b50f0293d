import { useCallback } from 'react';
import { useCan } from '../access.tsx';
import type { PersonDetail, TransferBoard } from '../api.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { TransferStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { Link, navigate } from '../router.tsx';
import { nominate, transfersPath } from '../transfers/api.ts';
import { useApi } from '../use-api.ts';
import { Empty } from './person-parts.tsx';

/** Screening, and for the sending officer the nomination that opens a transfer (then shown on its page). */
export function PersonActions({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const action = useAction(useCallback(() => {}, []));
  const canNominate = can('transfer:nominate') && !person.withdrawnReason;
  return (
    <>
      <ul className="usa-button-group margin-top-2">
        <li className="usa-button-group__item">
          <Link href={`/people/${encodeURIComponent(person.id)}/screening`} className="usa-button">
            {t('person.screen')}
          </Link>
        </li>
        {canNominate && (
          <li className="usa-button-group__item">
            <button
              type="button"
              className="usa-button usa-button--outline"
              aria-disabled={action.state.busy !== null || undefined}
              onClick={() =>
                action.run(
                  'nominate',
                  () =>
                    nominate(person.id, person.agreementId).then((transfer) => {
                      navigate(`/transfers/${encodeURIComponent(transfer.transferId)}`);
                      return transfer;
                    }),
                  ({ t }) => t('person.nominated'),
                )
              }
            >
              {action.state.busy ? t('action.working') : t('person.nominate')}
            </button>
          </li>
        )}
      </ul>
      <ActionFeedback state={action.state} refusedTitle={t('person.nominateRefused')} />
    </>
  );
}

/** The person's transfers, newest first, found on the board by their reference. */
export function PersonTransfers({ person }: { person: PersonDetail }) {
  const { t, fmt } = useI18n();
  const [state, reload] = useApi<TransferBoard>(transfersPath({ q: person.ref, limit: 50 }));
  const mine = state.status === 'ok' ? state.data.transfers.filter((x) => x.personId === person.id) : [];
  return (
    <Section title={t('person.transfers')}>
      {state.status === 'loading' && <LiveStatus text={t('app.loading')} />}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && mine.length === 0 && <Empty>{t('person.noTransfers')}</Empty>}
      {mine.length > 0 && (
        <ul className="custodia-plain-list custodia-person-transfers">
          {mine.map((transfer) => (
            <li key={transfer.transferId}>
              <TransferStatusTag status={transfer.status} />{' '}
              <Link href={`/transfers/${encodeURIComponent(transfer.transferId)}`} className="usa-link">
                {t('person.openTransfer', { time: fmt.localInstant(transfer.updatedAt) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
