import type { PersonDetail } from '../api.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Empty, SimpleTable } from './person-parts.tsx';

/**
 * The lawful pathway and what stands against it: the removal order, protections against removal, and
 * the treaty transfer's consent and dual criminality.
 */
export function PersonRemoval({ person }: { person: PersonDetail }) {
  const { t, label, fmt } = useI18n();
  return (
    <>
      <Section title={t('removal.title')}>
        {person.removalOrder ? (
          <dl className="custodia-summary">
            <dt>{t('removal.final')}</dt>
            <dd>{person.removalOrder.final ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('removal.date')}</dt>
            <dd>{fmt.date(person.removalOrder.date)}</dd>
            <dt>{t('removal.destination')}</dt>
            <dd>{fmt.country(person.removalOrder.destination)}</dd>
          </dl>
        ) : (
          <Empty>{t('removal.none')}</Empty>
        )}
      </Section>

      <Section title={t('protections.title')}>
        {person.protections.length === 0 ? (
          <Empty>{t('protections.none')}</Empty>
        ) : (
          <SimpleTable
            caption={t('protections.caption')}
            head={[t('common.type'), t('protections.country'), t('common.date')]}
            rows={person.protections.map((protection) => ({
              key: `${protection.type}:${protection.country}`,
              cells: [
                label('protectionType', protection.type),
                protection.country === 'ALL' ? t('protections.all') : fmt.country(protection.country),
                protection.date ? fmt.date(protection.date) : '—',
              ],
            }))}
          />
        )}
      </Section>

      <Section title={t('consent.title')}>
        <dl className="custodia-summary">
          <dt>{t('consent.consent')}</dt>
          <dd>
            {person.consent
              ? t('consent.verified', {
                  by: person.consent.verifiedBy,
                  date: fmt.date(person.consent.verifiedOn),
                })
              : t('consent.none')}
          </dd>
          <dt>{t('consent.dualCriminality')}</dt>
          <dd>
            {person.dualCriminality === null
              ? t('common.notRecorded')
              : person.dualCriminality
                ? t('consent.dualYes')
                : t('consent.dualNo')}
          </dd>
        </dl>
      </Section>
    </>
  );
}

/** Affiliations, said plainly to inform housing separation only, never eligibility. */
export function PersonAffiliations({ person }: { person: PersonDetail }) {
  const { t, label, fmt } = useI18n();
  return (
    <Section title={t('affiliations.title')}>
      <div className="usa-alert usa-alert--info usa-alert--slim">
        <div className="usa-alert__body">
          <p className="usa-alert__text">{t('affiliations.note')}</p>
        </div>
      </div>
      {person.affiliations.length === 0 ? (
        <Empty>{t('affiliations.none')}</Empty>
      ) : (
        <SimpleTable
          caption={t('affiliations.caption')}
          head={[
            t('affiliations.organization'),
            t('affiliations.basis'),
            t('common.source'),
            t('common.date'),
          ]}
          rows={person.affiliations.map((affiliation) => ({
            key: `${affiliation.organization}:${affiliation.basis}:${affiliation.date ?? ''}`,
            cells: [
              affiliation.organization,
              label('affiliationBasis', affiliation.basis),
              affiliation.source || '—',
              affiliation.date ? fmt.date(affiliation.date) : '—',
            ],
          }))}
        />
      )}
    </Section>
  );
}
