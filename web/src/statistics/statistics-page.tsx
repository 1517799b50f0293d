import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { type StatisticsAnswer, type StatisticsQuery, statisticsPath } from './api.ts';
import { PublicSignInLink } from './public-sign-in-link.tsx';
import { StatisticsForm } from './statistics-form.tsx';
import { DeathsSection, LengthSection, PopulationSection } from './statistics-sections.tsx';
import { ComplianceSection, TransfersSection } from './transfers-compliance.tsx';
import './statistics-page.css';

/** The previous calendar month, the period shown before the reader chooses one. */
function lastMonth(today: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** The query in the address (`?facility=…&from=…&to=…`), so a page of figures can be linked to. */
function queryOf(search: URLSearchParams): StatisticsQuery & { complete: boolean } {
  const facility = search.get('facility') ?? '';
  const period = lastMonth(new Date());
  const from = search.get('from') ?? period.from;
  const to = search.get('to') ?? period.to;
  return { facility, from, to, complete: facility !== '' && search.has('from') && search.has('to') };
}

/** The figures of one answer: which release they are, then each part with its charts and tables. */
function Figures({ answer, query }: { answer: StatisticsAnswer; query: StatisticsQuery }) {
  const { t, fmt } = useI18n();
  const f = answer.figures;
  return (
    <div className="custodia-stat-figures-all">
      <h2 className="custodia-stat-heading">
        {t('statistics.heading', {
          name: answer.subjectName,
          code: answer.subject,
          from: fmt.date(f.from),
          to: fmt.date(f.to),
        })}
      </h2>
      <p>
        {answer.release
          ? t('statistics.published', { entry: fmt.number(answer.release.ledgerEntry) })
          : t('statistics.notPublished')}{' '}
        <a
          className="usa-button usa-button--outline custodia-stat-csv"
          href={statisticsPath(query, 'csv')}
          download
        >
          {t('statistics.csv')}
        </a>
      </p>
      <p className="custodia-note-text">
        {t('statistics.hash')}: <code className="custodia-stat-hash">{answer.hash}</code>
      </p>
      <div className="usa-alert usa-alert--info usa-alert--slim">
        <div className="usa-alert__body">
          <p className="usa-alert__text">{t('statistics.suppressionNote')}</p>
        </div>
      </div>
      <PopulationSection figures={f} />
      <TransfersSection figures={f} />
      <DeathsSection figures={f} />
      <ComplianceSection figures={f} />
      <LengthSection figures={f} />
    </div>
  );
}

/**
 * The public statistics (docs/domain.md, Public statistics): open to anyone, signed in or not. The reader
 * chooses a facility and a period; the figures follow, suppressed as published, with a chart where a
 * picture says it faster and the same figures in a table, and the CSV to download.
 */
export function StatisticsPage({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const query = queryOf(search);
  const [state, reload] = useApi<StatisticsAnswer>(query.complete ? statisticsPath(query) : null);
  usePageTitle(t('statistics.title'));
  return (
    <div className="custodia-statistics">
      <h1>{t('statistics.title')}</h1>
      <p className="usa-intro">{t('statistics.intro')}</p>
      <StatisticsForm
        key={`${query.facility} ${query.from} ${query.to}`}
        initial={query}
        onSubmit={(q) => navigate(withQuery('/statistics', { facility: q.facility, from: q.from, to: q.to }))}
      />
      <div aria-live="polite">
        {query.complete && state.status === 'loading' && <LiveStatus text={t('statistics.loading')} />}
        {query.complete && state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
        {query.complete && state.status === 'ok' && <Figures answer={state.data} query={query} />}
      </div>
      <PublicSignInLink signedIn={signedIn} />
    </div>
  );
}
