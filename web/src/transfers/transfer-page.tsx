import type { TransferDetail, User } from '../api.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Section } from '../components/section.tsx';
import { TransferStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { transferPath } from './api.ts';
import { CustodyView } from './custody-view.tsx';
import { DetailFrame } from './detail-frame.tsx';
import { HoldsTable } from './holds-table.tsx';
import { LinkedTransfers } from './linked-transfers.tsx';
import { Screenings } from './screenings.tsx';
import { Timeline } from './timeline.tsx';
import { TransferActions } from './transfer-actions.tsx';
import { TransferPerson } from './transfer-person.tsx';
import './transfer-page.css';
import { ManifestLink } from './manifest-link.tsx';

/**
 * One transfer: its person, state, the steps the reader's role may take now (from the API's
 * `allowedActions`), the legal holds, the manifest, the custody interval and Rule 68 notification once
 * received, the timeline from the ledger, and the screenings recorded for it (each step's, and those made
 * when the person's facts changed), every rule as it was decided.
 * Every refusal shows the server's explanation as it gave it.
 */
export function TransferPage({ id, user }: { id: string; user: User }) {
  const { t } = useI18n();
  const [state, reload, refresh] = useApi<TransferDetail>(transferPath(id));
  const name = state.status === 'ok' ? (state.data.person?.name ?? '') : '';
  usePageTitle(name ? t('transfer.titleFor', { name }) : t('transfer.title'));

  return (
    <DetailFrame
      state={state}
      reload={reload}
      backHref="/transfers"
      backText={t('transfer.back')}
      title={t('transfer.title')}
      notFoundText={t('notFound.transferBody')}
    >
      {(transfer) => <TransferView transfer={transfer} user={user} onChanged={refresh} />}
    </DetailFrame>
  );
}

function TransferView({
  transfer,
  user,
  onChanged,
}: {
  transfer: TransferDetail;
  user: User;
  onChanged: () => void;
}) {
  const { t, label, fmt } = useI18n();
  const person = transfer.person;
  const holdsInForce = person?.holds.filter((h) => h.inForce) ?? [];
  const runner = useAction(onChanged);

  return (
    <>
      <h1>
        {person ? t('transfer.titleFor', { name: person.name }) : t('transfer.title')}
        {person && (
          <>
            {' '}
            <span className="custodia-code">{person.ref}</span>
          </>
        )}
      </h1>
      <p className="custodia-transfer-state">
        <span className="text-bold">{t('transfer.state')}:</span>{' '}
        <TransferStatusTag status={transfer.status} />{' '}
        <span className="text-base">
          {t('transfer.since', { time: fmt.localInstant(transfer.updatedAt) })}
        </span>
      </p>
      {transfer.status === 'on_hold' && (
        <div className="usa-alert usa-alert--error usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              <a href="#transfer-holds" className="usa-link">
                {t('transfer.onHold', {
                  n: transfer.holds.length,
                  from: transfer.heldFrom ? label('transferStatus', transfer.heldFrom) : '—',
                })}
              </a>
            </p>
          </div>
        </div>
      )}

      <LinkedTransfers transfer={transfer} />

      <Section title={t('transfer.actions')}>
        <ActionFeedback state={runner.state} />
        <TransferActions transfer={transfer} user={user} runner={runner} />
      </Section>

      <Section title={t('transfer.person')}>
        <TransferPerson person={person} />
      </Section>

      <Section title={t('holds.title')} id="transfer-holds">
        {!person || person.holds.length === 0 ? (
          <p className="custodia-empty">{t('holds.none')}</p>
        ) : (
          <HoldsTable holds={person.holds} />
        )}
        {holdsInForce.length > 0 && transfer.status !== 'on_hold' && (
          <p className="custodia-note-text">{t('transfer.holdsNote')}</p>
        )}
      </Section>

      <Section title={t('transfer.manifest')}>
        {transfer.manifestId ? (
          <p>
            <ManifestLink manifestId={transfer.manifestId}>{t('transfer.openManifest')}</ManifestLink>
          </p>
        ) : (
          <p className="custodia-empty">{t('transfer.noManifest')}</p>
        )}
      </Section>

      {transfer.custody.length > 0 && (
        <Section title={t('custody.title')}>
          {transfer.custody.map((interval) => (
            <CustodyView key={interval.id} interval={interval} />
          ))}
        </Section>
      )}

      <Section title={t('timeline.title')}>
        <Timeline history={transfer.history} />
      </Section>

      <Section title={t('transfer.screenings')}>
        <Screenings transfer={transfer} />
      </Section>
    </>
  );
}
