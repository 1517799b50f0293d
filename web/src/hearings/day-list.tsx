import type { ReactNode } from 'react';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import type { Loadable } from '../use-api.ts';
import type { Hearing } from './api.ts';
import { HearingTable } from './hearing-table.tsx';
import './day-list.css';

/**
 * The body of a day list of hearings (the facility's or the court's): its status, its table and a CSV of
 * the same list, and a print button (the printout is the list alone); `children` adds what a list offers besides.
 */
export function DayList({
  list,
  reload,
  path,
  caption,
  withPerson = false,
  withCase = withPerson,
  withCourt = true,
  children,
}: {
  list: Loadable<{ hearings: readonly Hearing[] }>;
  reload: () => void;
  /** The list's API path, whose `&format=csv` is the CSV. */
  path: string;
  caption: string;
  withPerson?: boolean;
  withCase?: boolean;
  withCourt?: boolean;
  children?: ReactNode;
}) {
  const { t, fmt } = useI18n();
  const hearings = list.status === 'ok' ? list.data.hearings : [];
  return (
    <>
      <LiveStatus
        text={
          list.status === 'loading'
            ? t('app.loading')
            : list.status === 'ok'
              ? t('hearings.status', { n: fmt.number(hearings.length) })
              : ''
        }
      />
      {list.status === 'error' && <LoadError error={list.error} onRetry={reload} />}
      {list.status === 'ok' && hearings.length === 0 && (
        <p className="custodia-empty">{t('hearings.noneOnDay')}</p>
      )}
      {hearings.length > 0 && (
        <>
          <HearingTable
            caption={caption}
            hearings={hearings}
            withPerson={withPerson}
            withCase={withCase}
            withCourt={withCourt}
          />
          <p className="custodia-day-list-actions">
            <a className="usa-link" href={`${path}&format=csv`} download>
              {t('hearings.csv')}
            </a>
            <button type="button" className="usa-button usa-button--outline" onClick={() => window.print()}>
              {t('hearings.print')}
            </button>
            {children}
          </p>
        </>
      )}
    </>
  );
}
