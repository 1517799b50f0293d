import { useCan } from '../access.tsx';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { type Calculation, type PersonReleaseDate, releaseDatePath } from '../releases/api.ts';
import { ExplanationForm, OverrideForm } from '../releases/court-order-forms.tsx';
import { useCalculationReasonText, useReleaseResultText } from '../releases/release-words.ts';
import { useApi } from '../use-api.ts';
import { Empty, SimpleTable } from './person-parts.tsx';

/**
 * The person's release date (docs/domain.md, Release dates): the date in force or why there is none, how
 * it was calculated sentence by sentence (start, term, credits, consecutive chain), an override with its
 * reason and order, a court order explaining detention past it, and the earlier calculations.
 */
export function PersonReleaseDateSection({ personId }: { personId: string }) {
  const { t } = useI18n();
  const [state, reload, refresh] = useApi<PersonReleaseDate>(releaseDatePath(personId));
  const can = useCan();
  // Held here rather than in the forms, so that the outcome stays when the page refreshes.
  const action = useAction(refresh);
  const current = state.status === 'ok' ? state.data.current : null;
  // Past the date on the reader's calendar; the server checks custody and refuses anyone not held.
  const past = current?.result.kind === 'date' && current.result.date < new Date().toISOString().slice(0, 10);
  const canOverride = can('release_date:override');
  const canExplain = can('detention_explanation:record');
  return (
    <Section title={t('releaseDate.title')}>
      {state.status === 'loading' && <LiveStatus text={t('app.loading')} />}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && !current && <Empty>{t('releaseDate.none')}</Empty>}
      {state.status === 'ok' && current && <ReleaseDateView current={current} view={state.data} />}
      {current && canOverride && <OverrideForm personId={personId} action={action} />}
      {current && past && canExplain && <ExplanationForm personId={personId} action={action} />}
      {(canOverride || canExplain) && (
        <ActionFeedback state={action.state} refusedTitle={t('releaseDate.refused')} />
      )}
    </Section>
  );
}

function ReleaseDateView({ current, view }: { current: Calculation; view: PersonReleaseDate }) {
  const { t, fmt } = useI18n();
  const resultText = useReleaseResultText();
  const reasonText = useCalculationReasonText();
  const explanation = view.explanations[0];
  return (
    <>
      <p className="custodia-release-date" data-result={current.result.kind}>
        <strong>
          {current.result.kind === 'date'
            ? t('releaseDate.inForce', { date: resultText(current.result) })
            : resultText(current.result)}
        </strong>
      </p>
      <p>
        {t('releaseDate.calculated', {
          at: fmt.instant(current.calculatedAt),
          by: current.calculatedBy,
          reason: reasonText(current.reason),
        })}
      </p>
      {current.override && (
        <p>
          {t('releaseDate.override', {
            role: current.override.role,
            reason: current.override.reason,
            computed: resultText(current.computed),
          })}{' '}
          {current.override.courtOrder &&
            t('releaseDate.courtOrder', {
              ...current.override.courtOrder,
              date: fmt.date(current.override.courtOrder.date),
            })}
        </p>
      )}
      {explanation && (
        <p>
          {t('releaseDate.explained', {
            ...explanation.courtOrder,
            date: fmt.date(explanation.courtOrder.date),
          })}
        </p>
      )}
      <h3>{t('releaseDate.breakdown')}</h3>
      <Breakdown calculation={current} />
      {view.earlier.length > 0 && (
        <>
          <h3>{t('releaseDate.earlier')}</h3>
          <SimpleTable
            caption={t('releaseDate.earlierCaption')}
            head={[
              t('releaseDate.when'),
              t('releaseDate.result'),
              t('releaseDate.why'),
              t('releaseDate.who'),
            ]}
            rows={view.earlier.map((c) => ({
              key: c.id,
              cells: [
                <time key="w" dateTime={c.calculatedAt}>
                  {fmt.instant(c.calculatedAt)}
                </time>,
                resultText(c.result),
                reasonText(c.reason),
                c.calculatedBy,
              ],
            }))}
          />
        </>
      )}
    </>
  );
}

/** One row per sentence; the sentence whose release is the person's is highlighted. */
function Breakdown({ calculation }: { calculation: Calculation }) {
  const { t, fmt } = useI18n();
  const resultText = useReleaseResultText();
  return (
    <SimpleTable
      caption={t('releaseDate.breakdownCaption')}
      head={[
        t('releaseDate.conviction'),
        t('releaseDate.start'),
        t('releaseDate.term'),
        t('releaseDate.credits'),
        t('releaseDate.after'),
        t('releaseDate.release'),
      ]}
      rows={calculation.breakdown.map((line) => ({
        key: line.convictionId,
        highlight: line.governing,
        cells: [
          <>
            {line.convictionId}
            {!line.final && <span className="custodia-statute">{t('releaseDate.notFinal')}</span>}
            {line.governing && <span className="custodia-statute">{t('releaseDate.governing')}</span>}
          </>,
          line.start ? fmt.date(line.start) : t('releaseDate.never'),
          line.days === null
            ? t('releaseDate.lifeTerm')
            : t('releaseDate.days', { n: fmt.number(line.days) }),
          t('releaseDate.days', { n: fmt.number(line.creditDays) }),
          line.consecutiveTo ?? '—',
          resultText(line.release),
        ],
      }))}
    />
  );
}
