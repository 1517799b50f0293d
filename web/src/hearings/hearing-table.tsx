import { CaptionedTable } from '../custody/captioned-table.tsx';
import { useI18n } from '../language.tsx';
import type { Hearing } from './api.ts';
import './hearing-table.css';

/**
 * Hearings as a table: the time on the court's clock and on the facility's, the court, the room, the
 * type, the state and the flags (no video link 24 hours before; the person released, returned or moved).
 */
export function HearingTable({
  caption,
  hearings,
  withPerson = false,
  withCase = withPerson,
  withCourt = true,
}: {
  caption: string;
  hearings: readonly Hearing[];
  /** Adds the person (the day lists: whom to bring to the room) and, unless `withCase` is false, the case. */
  withPerson?: boolean;
  /** The case, which the court calls its hearings by (the facility's list leaves it out). */
  withCase?: boolean;
  /** The court of each hearing; the court's own list names it once, in its caption. */
  withCourt?: boolean;
}) {
  const { t } = useI18n();
  const clock = (local: string, zone: string) => `${local.replace('T', ' ')} (${zone})`;
  return (
    <CaptionedTable label={caption} caption={caption} className="custodia-table">
      <thead>
        <tr>
          <th scope="col">{t('hearings.courtTime')}</th>
          <th scope="col">{t('hearings.facilityTime')}</th>
          {withPerson && <th scope="col">{t('hearings.person')}</th>}
          {withCase && <th scope="col">{t('hearings.case')}</th>}
          {withCourt && <th scope="col">{t('hearings.court')}</th>}
          <th scope="col">{t('hearings.roomColumn')}</th>
          <th scope="col">{t('hearings.type')}</th>
          <th scope="col">{t('hearings.state')}</th>
          <th scope="col">{t('hearings.flags')}</th>
        </tr>
      </thead>
      <tbody>
        {hearings.map((h) => (
          <tr key={h.id} data-hearing-id={h.id} data-status={h.status}>
            <td>
              <time dateTime={h.start}>{clock(h.courtTime.local, h.courtTime.zone)}</time>
            </td>
            <td>
              <time dateTime={h.start}>{clock(h.facilityTime.local, h.facilityTime.zone)}</time>
            </td>
            {withPerson && (
              <td>
                {h.name} ({h.personRef})
              </td>
            )}
            {withCase && <td>{h.caseRef ?? '—'}</td>}
            {withCourt && <td>{h.court}</td>}
            <td className="custodia-hearing-room">{h.room}</td>
            <td>{t(`hearings.type.${h.hearingType}`)}</td>
            <td>{t(`hearings.state.${h.status}`)}</td>
            <td>{h.flags.map((f) => t(`hearings.flag.${f}`)).join('; ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
