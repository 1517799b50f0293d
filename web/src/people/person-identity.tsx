import type { PersonDetail } from '../api.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Empty, SimpleTable } from './person-parts.tsx';

/** Who the person is: the summary of the record, their identifiers, and how the identity was verified. */
export function PersonIdentity({ person }: { person: PersonDetail }) {
  const { t, label, fmt } = useI18n();
  return (
    <>
      <Section title={t('person.summary')}>
        <dl className="custodia-summary">
          <dt>{t('person.ref')}</dt>
          <dd className="custodia-mono">{person.ref}</dd>
          <dt>{t('person.givenNames')}</dt>
          <dd>{person.names.given}</dd>
          <dt>{t('person.paternal')}</dt>
          <dd>{person.names.paternal}</dd>
          <dt>{t('person.maternal')}</dt>
          <dd>{person.names.maternal || t('common.notRecorded')}</dd>
          <dt>{t('person.aliases')}</dt>
          <dd>{person.aliases.length > 0 ? person.aliases.join('; ') : t('person.noAliases')}</dd>
          <dt>{t('person.birthDate')}</dt>
          <dd>
            <time dateTime={person.birthDate}>{fmt.date(person.birthDate)}</time>
          </dd>
          <dt>{t('person.sex')}</dt>
          <dd>{label('sex', person.sex)}</dd>
          <dt>{t('person.nationalities')}</dt>
          <dd>{person.nationalities.map((code) => `${fmt.country(code)} (${code})`).join(', ')}</dd>
          <dt>{t('person.legalStatus')}</dt>
          <dd>{label('legalStatus', person.legalStatus)}</dd>
          <dt>{t('person.version')}</dt>
          <dd className="text-tabular">{person.version}</dd>
        </dl>
      </Section>

      <Section title={t('identifiers.title')}>
        {person.identifiers.length === 0 ? (
          <Empty>{t('identifiers.none')}</Empty>
        ) : (
          <SimpleTable
            caption={t('identifiers.title')}
            head={[t('common.type'), t('identifiers.value'), t('identifiers.country')]}
            rows={person.identifiers.map((identifier) => ({
              key: `${identifier.type}:${identifier.value}`,
              cells: [
                label('identifierType', identifier.type),
                <span key="v" className="custodia-mono">
                  {identifier.value}
                </span>,
                identifier.country ? fmt.country(identifier.country) : '—',
              ],
            }))}
          />
        )}
      </Section>

      <Section title={t('verification.title')}>
        {person.identityVerification ? (
          <dl className="custodia-summary">
            <dt>{t('verification.method')}</dt>
            <dd>{label('verificationMethod', person.identityVerification.method)}</dd>
            <dt>{t('common.date')}</dt>
            <dd>{fmt.date(person.identityVerification.date)}</dd>
            <dt>{t('verification.by')}</dt>
            <dd>{person.identityVerification.by || t('common.notRecorded')}</dd>
          </dl>
        ) : (
          <Empty>{t('verification.none')}</Empty>
        )}
      </Section>
    </>
  );
}
