import { useId, useState } from 'react';
import { DateField } from '../components/fields.tsx';
import type { FacilityDetail } from '../custody/api.ts';
import { FacilityFrame } from '../custody/facility-frame.tsx';
import { StandardsLinks } from '../custody/standards-links.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { type FacilityDay, facilityDayPath } from './api.ts';
import { DayList } from './day-list.tsx';

/**
 * A facility's video-link hearings of a day, by room then time (docs/domain.md, Video-link hearings): the
 * list the officers bring people to the rooms by, so it names each person, on the facility's and the court's
 * clock, with the flags and a CSV of the same list.
 */
export function HearingDayPage({ id }: { id: string }) {
  return (
    <FacilityFrame id={id} title="hearings.title" titleFor="hearings.titleFor">
      {(facility) => <HearingDayView id={id} facility={facility} />}
    </FacilityFrame>
  );
}

function HearingDayView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t } = useI18n();
  const field = useId();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const path = facilityDayPath(id, valid ? date : new Date().toISOString().slice(0, 10));
  const [list, reload] = useApi<FacilityDay>(path);
  return (
    <>
      <h1>{t('hearings.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('hearings.intro')}</p>
      <div className="custodia-day-list-screen-only">
        <StandardsLinks id={id} current="hearings" />
        <p>
          <Link className="usa-link" href={`/facilities/${encodeURIComponent(id)}/rooms`}>
            {t('rooms.link')}
          </Link>
        </p>
        <DateField id={`${field}-date`} label={t('hearings.date')} value={date} onChange={setDate} />
      </div>
      <DayList
        list={list}
        reload={reload}
        path={path}
        caption={t('hearings.dayCaption', { facility: facility.code, date })}
        withPerson
        withCase={false}
      />
    </>
  );
}
