import { type FormEvent, useId, useState } from 'react';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { NumberField, readWholeNumber } from '../components/fields.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { HEADCOUNT_MAX, type HeadcountRecorded, recordHeadcount } from './api.ts';
import { SubmitButton } from './submit-button.tsx';
import './headcount-form.css';

/** Why a typed count is refused: not a whole number of 0 or more, or beyond the ceiling. */
function countProblem(text: string): 'invalid' | 'tooMany' | null {
  const read = readWholeNumber(text, 0, HEADCOUNT_MAX);
  if (read.ok) return null;
  if (read.reason === 'tooLarge') return 'tooMany';
  // `1e9` is a number to the browser but not a count of people; a number that large is said as too many.
  const n = Number(text.trim());
  return read.reason === 'notWhole' && Number.isFinite(n) && n > HEADCOUNT_MAX ? 'tooMany' : 'invalid';
}

/** The headcount: the number counted goes to the server, which compares it with the people held. */
export function HeadcountForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const [counted, setCounted] = useState('');
  const [invalid, setInvalid] = useState<'invalid' | 'tooMany' | null>(null);
  const [result, setResult] = useState<HeadcountRecorded | null>(null);
  const action = useAction(onDone);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = countProblem(counted);
    setInvalid(problem);
    if (problem) return;
    const n = Number(counted.trim());
    setResult(null);
    await action.run(
      'headcount',
      async () => {
        const recorded = await recordHeadcount(id, n);
        setResult(recorded);
        return recorded;
      },
      ({ t, fmt }, r) => {
        const diff = r.counted - r.expected;
        return diff === 0
          ? t('headcount.matches', { counted: fmt.number(r.counted) })
          : t('headcount.discrepancy', {
              counted: fmt.number(r.counted),
              expected: fmt.number(r.expected),
              diff: `${diff > 0 ? '+' : '−'}${fmt.number(Math.abs(diff))}`,
            });
      },
    );
  };

  return (
    <Section title={t('headcount.title')} intro={t('headcount.note')}>
      <form className="usa-form custodia-headcount" onSubmit={submit} noValidate>
        <NumberField
          id={`${formId}-counted`}
          label={t('headcount.counted')}
          hint={t('headcount.countedHint')}
          error={
            invalid === 'tooMany'
              ? t('headcount.tooMany', { max: fmt.number(HEADCOUNT_MAX) })
              : invalid
                ? t('headcount.invalid')
                : undefined
          }
          min={0}
          max={HEADCOUNT_MAX}
          value={counted}
          onChange={setCounted}
        />
        <SubmitButton busy={action.state.busy !== null}>{t('headcount.submit')}</SubmitButton>
      </form>
      <ActionFeedback state={action.state} refusedTitle={t('headcount.refused')} />
      {result?.incidentId && action.state.done && (
        <p className="custodia-headcount-incident" data-incident-id={result.incidentId}>
          <Link href={`/incidents/${encodeURIComponent(result.incidentId)}`} className="usa-link">
            {t('headcount.openIncident')}
          </Link>
        </p>
      )}
    </Section>
  );
}
