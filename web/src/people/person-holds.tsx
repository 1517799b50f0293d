import type { PersonDetail } from '../api.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Empty, SimpleTable } from './person-parts.tsx';

/** The id of the holds section, which the active-holds alert at the top of the page links to. */
const HOLDS_ID = 'holds';

/** The alert at the top of the page while a legal hold is active, linking to the holds. */
export function ActiveHoldsAlert({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const active = person.holds.filter((hold) => !hold.lifted).length;
  if (active === 0) return null;
  return (
    <div className="usa-alert usa-alert--error usa-alert--slim">
      <div className="usa-alert__body">
        <p className="usa-alert__text">
          <a href={`#${HOLDS_ID}`} className="usa-link">
            {active === 1 ? t('person.activeHoldsOne') : t('person.activeHoldsMany', { n: active })}
          </a>
        </p>
      </div>
    </div>
  );
}

/** The legal holds, active ones first and marked, then whether notice of the transfer was served. */
export function PersonHolds({ person }: { person: PersonDetail }) {
  const { t, label, fmt } = useI18n();
  return (
    <>
      <Section title={t('holds.title')} id={HOLDS_ID}>
        {person.holds.length === 0 ? (
          <Empty>{t('holds.none')}</Empty>
        ) : (
          <SimpleTable
            caption={t('holds.caption')}
            head={[
              t('common.type'),
              t('common.court'),
              t('common.case'),
              t('holds.issued'),
              t('common.status'),
            ]}
            rows={[...person.holds]
              .sort((a, b) => Number(a.lifted !== null) - Number(b.lifted !== null))
              .map((hold) => ({
                key: `${hold.type}:${hold.case}:${hold.issued}`,
                highlight: hold.lifted === null,
                cells: [
                  label('holdType', hold.type),
                  hold.court,
                  hold.case,
                  fmt.date(hold.issued),
                  hold.lifted ? (
                    t('holds.lifted', { date: fmt.date(hold.lifted) })
                  ) : (
                    <span key="s" className="usa-tag custodia-tag--alert">
                      {t('holds.active')}
                    </span>
                  ),
                ],
              }))}
          />
        )}
      </Section>

      <Section title={t('notice.title')}>
        {person.notice ? (
          <dl className="custodia-summary">
            <dt>{t('notice.servedOn')}</dt>
            <dd>{fmt.date(person.notice.servedOn)}</dd>
            <dt>{t('notice.counsel')}</dt>
            <dd>{person.notice.counselNotified ? t('common.yes') : t('common.no')}</dd>
          </dl>
        ) : (
          <Empty>{t('notice.none')}</Empty>
        )}
      </Section>
    </>
  );
}
