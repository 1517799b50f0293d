import { useErrorText } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import type { LocatorOutcome } from './locator-form.tsx';
import { facilityTime } from './since.ts';

/**
 * The locator's answer, plainly: the status, since when on the facility's clock, the facility and its
 * address; or no match with the agency to contact; or why the search was refused. Shown inside a live
 * region so a screen reader announces it.
 */
export function LocatorResult({ outcome }: { outcome: LocatorOutcome | null }) {
  const { t, label, lang } = useI18n();
  const errorText = useErrorText();
  if (outcome === null) return null;
  if ('error' in outcome) {
    return (
      <div className="usa-alert usa-alert--error margin-y-3" role="alert">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">{t('locator.refused')}</h2>
          <p className="usa-alert__text">{errorText(outcome.error)}</p>
        </div>
      </div>
    );
  }
  const { answer } = outcome;
  if (!answer.match) {
    return (
      <Section title={t('locator.result')} className="custodia-locator-result">
        <div className="usa-alert usa-alert--warning usa-alert--no-icon">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">{t('locator.noMatch')}</h3>
            <p className="usa-alert__text">{answer.contact}</p>
            <p className="usa-alert__text">{t('locator.noMatchNote')}</p>
          </div>
        </div>
      </Section>
    );
  }
  return (
    <Section title={t('locator.result')} className="custodia-locator-result">
      <div className="usa-alert usa-alert--success usa-alert--no-icon">
        <div className="usa-alert__body">
          <h3 className="usa-alert__heading">{t('locator.found')}</h3>
          <dl className="custodia-locator-answer">
            <dt>{t('locator.status')}</dt>
            <dd>{label('locatorStatus', answer.status)}</dd>
            {answer.since && (
              <>
                <dt>{t('locator.since')}</dt>
                <dd>
                  {facilityTime(answer.since, lang)}
                  <span className="custodia-locator-note"> {t('locator.sinceNote')}</span>
                </dd>
              </>
            )}
            {answer.facility ? (
              <>
                <dt>{label('locatorFacilityRole', answer.status)}</dt>
                <dd>
                  {answer.facility.name} — {answer.facility.code}
                </dd>
                <dt>{t('locator.address')}</dt>
                <dd>{answer.facility.address ?? t('locator.noAddress')}</dd>
              </>
            ) : (
              <>
                <dt>{t('locator.facility')}</dt>
                <dd>{t('locator.notInCustody')}</dd>
              </>
            )}
          </dl>
        </div>
      </div>
    </Section>
  );
}
