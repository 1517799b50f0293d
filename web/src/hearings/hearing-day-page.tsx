import { useId, useState } from 'react';
import { DateField } from '../components/fields.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import type { FacilityDetail } from '../custody/api.ts';
import { FacilityFrame } from '../custody/facility-frame.tsx';
import { StandardsLinks } from '../custody/standards-links.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { type FacilityDay, facilityDayPath } from './api.ts';
import { HearingTable } from './hearing-table.tsx';

/**
 * A facility's video-link hearings of a day, by room then time (docs/domain.md, Video-link hearings): the
 * list the officers bring people to the rooms by, on the facility's and the court's clock, with the flags
 * and a CSV of the same list.
 */
export function HearingDayPage({ id }: { id: string }) {
  return (
    <FacilityFrame id={id} title="hearings.title" titleFor="hearings.titleFor">
      {(facility) => <HearingDayView id={id} facility={facility} />}
    </FacilityFrame>
  );
}

function HearingDayView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const field = useId();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const path = facilityDayPath(id, valid ? date : new Date().toISOString().slice(0, 10));
  const [list, reload] = useApi<FacilityDay>(path);
  const hearings = list.status === 'ok' ? list.data.hearings : [];
  return (
    <>
      <h1>{t('hearings.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('hearings.intro')}</p>
      <StandardsLinks id={id} current="hearings" />
      <DateField id={`${field}-date`} label={t('hearings.date')} value={date} onChange={setDate} />
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
            caption={t('hearings.dayCaption', { facility: facility.code, date })}
            hearings={hearings}
          />
          <p>
            <a className="usa-link" href={`${path}&format=csv`} download>
              {t('hearings.csv')}
            </a>
          </p>
        </>
      )}
    </>
  );
}
