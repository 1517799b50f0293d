import type { TransferDetail } from '../api.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';

/**
 * The person a transfer moves: reference, name, nationalities, legal status, notice and identity
 * verification, with links to their page and their eligibility screening.
 */
export function TransferPerson({ person }: { person: TransferDetail['person'] }) {
  const { t, label, fmt } = useI18n();
  if (!person) return <p className="custodia-empty">{t('transfer.noPerson')}</p>;
  return (
    <>
      <dl className="custodia-summary">
        <dt>{t('person.ref')}</dt>
        <dd className="custodia-mono">{person.ref}</dd>
        <dt>{t('people.name')}</dt>
        <dd>
          <Link href={`/people/${encodeURIComponent(person.id)}`} className="usa-link">
            {person.name}
          </Link>
        </dd>
        <dt>{t('person.nationalities')}</dt>
        <dd>{person.nationalities.map((code) => `${fmt.country(code)} (${code})`).join(', ')}</dd>
        <dt>{t('person.legalStatus')}</dt>
        <dd>{label('legalStatus', person.legalStatus)}</dd>
        <dt>{t('notice.title')}</dt>
        <dd>
          {person.notice
            ? t('transfer.noticeServed', {
                date: fmt.date(person.notice.servedOn),
                counsel: person.notice.counselNotified ? t('common.yes') : t('common.no'),
              })
            : t('notice.none')}
        </dd>
        <dt>{t('verification.title')}</dt>
        <dd>
          {person.identityVerification
            ? `${label('verificationMethod', person.identityVerification.method)}, ${fmt.date(person.identityVerification.date)}`
            : t('verification.none')}
        </dd>
      </dl>
      <ul className="usa-button-group margin-top-2">
        <li className="usa-button-group__item">
          <Link href={`/people/${encodeURIComponent(person.id)}`} className="usa-button usa-button--outline">
            {t('transfer.personPage')}
          </Link>
        </li>
        <li className="usa-button-group__item">
          <Link
            href={`/people/${encodeURIComponent(person.id)}/screening`}
            className="usa-button usa-button--outline"
          >
            {t('transfer.screeningPage')}
          </Link>
        </li>
      </ul>
    </>
  );
}
