import { type FormEvent, useCallback, useId, useState } from 'react';
import { ApiError } from '../api.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { TextField } from '../components/fields.tsx';
import { useErrorText } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { findPersonForHold } from './api.ts';
import { HoldForm } from './hold-form.tsx';

type Match = Awaited<ReturnType<typeof findPersonForHold>>['matches'][number];

/**
 * Records a hold for a person the reader cannot browse to (a court, whose reads reach only its own
 * courts' people): the person is found by exact ref or exact A-number, never by a partial match or a
 * list (decision 0032), then the hold form records it for one of the reader's courts.
 */
export function HoldLookup() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [ref, setRef] = useState('');
  const [aNumber, setANumber] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [chosen, setChosen] = useState<Match | null>(null);
  const runner = useAction(useCallback(() => {}, []));
  const find = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChosen(null);
    setMatches(null);
    const byRef = ref.trim();
    const byNumber = aNumber.trim();
    if ((byRef === '') === (byNumber === '')) {
      setProblem(t('holdLookup.oneOf'));
      return;
    }
    setProblem(null);
    try {
      const found = await findPersonForHold(byRef ? { ref: byRef } : { aNumber: byNumber });
      setMatches(found.matches);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) setMatches([]);
      else if (caught instanceof ApiError) setProblem(errorText(caught));
      else throw caught;
    }
  };
  return (
    <Section title={t('holdLookup.title')} intro={t('holdLookup.intro')}>
      <form onSubmit={find} noValidate aria-label={t('holdLookup.find')}>
        {problem && (
          <span className="usa-error-message" role="alert">
            {problem}
          </span>
        )}
        <div className="custodia-form-row">
          <TextField
            id={`${id}-ref`}
            label={t('holdLookup.ref')}
            value={ref}
            onChange={setRef}
            maxLength={100}
          />
          <TextField
            id={`${id}-a-number`}
            label={t('holdLookup.aNumber')}
            value={aNumber}
            onChange={setANumber}
            maxLength={40}
          />
        </div>
        <button type="submit" className="usa-button margin-top-2">
          {t('holdLookup.find')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {matches?.length === 0 && <p>{t('holdLookup.none')}</p>}
      </div>
      {matches && matches.length > 0 && !chosen && (
        <>
          <h3>{t('holdLookup.found')}</h3>
          <ul className="usa-list usa-list--unstyled">
            {matches.map((m) => (
              <li key={m.personId} className="margin-y-1">
                <button type="button" className="usa-button usa-button--outline" onClick={() => setChosen(m)}>
                  {t('holdLookup.choose', { name: m.name, ref: m.ref })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {chosen && (
        <>
          <h3>
            {t('holdLookup.chosen', { name: chosen.name, ref: chosen.ref, agreement: chosen.agreement })}
          </h3>
          <HoldForm personId={chosen.personId} runner={runner} />
          <ActionFeedback state={runner.state} />
        </>
      )}
    </Section>
  );
}
