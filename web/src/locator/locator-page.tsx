import { useState } from 'react';
import { usePageTitle } from '../components/page-title.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { PublicSignInLink } from '../statistics/public-sign-in-link.tsx';
import { LocatorForm, type LocatorOutcome } from './locator-form.tsx';
import { LocatorResult } from './locator-result.tsx';
import './locator-page.css';

/**
 * The public locator (docs/domain.md, The public locator): open to anyone, signed in or not. Two ways to
 * ask, side by side; the answer below, announced when it arrives.
 */
export function LocatorPage({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<LocatorOutcome | null>(null);
  usePageTitle(t('locator.title'));
  return (
    <div className="custodia-locator">
      <h1>{t('locator.title')}</h1>
      <p className="usa-intro">{t('locator.intro')}</p>
      <div className="grid-row grid-gap-4">
        <div className="tablet:grid-col-6">
          <Section title={t('locator.byANumber')} intro={t('locator.byANumberIntro')}>
            <LocatorForm form="a_number" onOutcome={setOutcome} />
          </Section>
        </div>
        <div className="tablet:grid-col-6">
          <Section title={t('locator.byName')} intro={t('locator.byNameIntro')}>
            <LocatorForm form="name" onOutcome={setOutcome} />
          </Section>
        </div>
      </div>
      <div aria-live="polite">
        <LocatorResult outcome={outcome} />
      </div>
      <PublicSignInLink signedIn={signedIn} />
    </div>
  );
}
