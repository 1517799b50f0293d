import { useId, useState } from 'react';
import { DateField, SelectField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { PARTIES_PATH, type PartyList } from '../parties/api.ts';
import { useApi } from '../use-api.ts';
import { type CourtDay, courtDayPath } from './api.ts';
import { DayList } from './day-list.tsx';
import './court-day-page.css';

/**
 * A court's video-link hearings of a day, in the court's zone (docs/domain.md, Video-link hearings): the
 * list the court calls its cases by, with the person, the case, both clocks and the flags, as CSV or
 * printed. The court is chosen among the registered courts; the server answers only for the user's own.
 */
export function CourtDayPage() {
  const { t } = useI18n();
  const [parties] = useApi<PartyList>(`${PARTIES_PATH}?kind=court`);
  const courts = parties.status === 'ok' ? parties.data.items.filter((p) => p.kind === 'court') : [];
  return (
    <>
      <h1>{t('hearings.courtDayTitle')}</h1>
      <p className="usa-intro custodia-intro">{t('hearings.courtDayIntro')}</p>
      {parties.status === 'error' && <p className="custodia-empty">{t('hearings.courtsUnavailable')}</p>}
      {courts.length > 0 && <CourtDayView courts={courts.map((c) => ({ value: c.code, label: c.name }))} />}
    </>
  );
}

function CourtDayView({ courts }: { courts: { value: string; label: string }[] }) {
  const { t } = useI18n();
  const field = useId();
  const [court, setCourt] = useState(courts[0]?.value ?? '');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const path = courtDayPath(court, valid ? date : new Date().toISOString().slice(0, 10));
  const [list, reload] = useApi<CourtDay>(path);
  return (
    <>
      <div className="custodia-court-day-fields">
        <SelectField
          id={`${field}-court`}
          label={t('hearings.court')}
          choices={courts}
          value={court}
          onChange={setCourt}
        />
        <DateField id={`${field}-date`} label={t('hearings.courtDate')} value={date} onChange={setDate} />
      </div>
      <DayList
        list={list}
        reload={reload}
        path={path}
        caption={
          list.status === 'ok'
            ? t('hearings.courtDayCaption', { court: list.data.court, date, zone: list.data.timeZone })
            : ''
        }
        withPerson
        withCourt={false}
      />
    </>
  );
}
