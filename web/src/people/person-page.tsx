import type { PersonDetail } from '../api.ts';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { PersonHearings } from '../hearings/person-hearings.tsx';
import { useI18n } from '../language.tsx';
import { PersonLedger } from '../ledger/person-ledger.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { PersonLegalVisits } from '../visits/person-legal-visits.tsx';
import { personPath } from './api.ts';
import { fullName } from './names.ts';
import { PersonConvictions } from './person-convictions.tsx';
import { PersonCustodySection } from './person-custody.tsx';
import { ActiveHoldsAlert, PersonHolds } from './person-holds.tsx';
import { PersonIdentity } from './person-identity.tsx';
import { PersonReleaseDateSection } from './person-release-date.tsx';
import { PersonAffiliations, PersonRemoval } from './person-removal.tsx';
import { PersonActions, PersonTransfers } from './person-transfers.tsx';

/**
 * Everything recorded about one person, section by section; an empty section says so. The person's
 * transfers are listed, and the sending officer can nominate the person for a transfer.
 */
export function PersonPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, reload, refresh] = useApi<PersonDetail>(personPath(id));
  const name = state.status === 'ok' ? fullName(state.data.names) : '';
  usePageTitle(name || t('people.title'));

  return (
    <>
      <p className="margin-top-0">
        <Link href="/people" className="usa-link">
          ← {t('person.back')}
        </Link>
      </p>
      {state.status !== 'ok' && <h1>{t('people.title')}</h1>}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('notFound.personBody')} />
      )}
      {state.status === 'ok' && <PersonRecordView person={state.data} onChanged={refresh} />}
    </>
  );
}

/**
 * The record, top to bottom: who, what stands for and against a transfer, where they are held.
 * `onChanged` fetches it again in place, after a section recorded something in it.
 */
function PersonRecordView({ person, onChanged }: { person: PersonDetail; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <h1>
        {fullName(person.names)} <span className="custodia-code">{person.ref}</span>
      </h1>
      {person.withdrawnReason && (
        <div className="usa-alert usa-alert--warning usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('person.withdrawn', { reason: person.withdrawnReason })}</p>
          </div>
        </div>
      )}
      <ActiveHoldsAlert person={person} />
      <PersonActions person={person} />
      <PersonTransfers person={person} />
      <PersonCustodySection person={person} />
      <PersonReleaseDateSection personId={person.id} />
      <PersonLegalVisits personId={person.id} name={fullName(person.names)} />
      <PersonHearings personId={person.id} name={fullName(person.names)} onRecordChanged={onChanged} />
      <PersonIdentity person={person} />
      <PersonConvictions person={person} />
      <PersonRemoval person={person} />
      <PersonAffiliations person={person} />
      <PersonHolds person={person} />
      <PersonLedger personId={person.id} />
    </>
  );
}
