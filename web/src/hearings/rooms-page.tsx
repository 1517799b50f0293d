import { formatScheduleRow } from '../../../src/hearings/rooms.ts';
import { useCan } from '../access.tsx';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { LoadError } from '../components/load-status.tsx';
import { CaptionedTable } from '../custody/captioned-table.tsx';
import { FacilityFrame } from '../custody/facility-frame.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { type Rooms, roomsPath } from './api.ts';
import { spanIn } from './local-time.ts';
import { RoomForms } from './room-forms.tsx';

/**
 * A facility's video-link hearing rooms: each room's weekly open hours (court-only or shared with legal
 * visits) and its blocks to come, and, for receiving custody, the editor of both.
 */
export function RoomsPage({ id }: { id: string }) {
  return (
    <FacilityFrame id={id} title="rooms.title" titleFor="rooms.titleFor">
      {(facility) => <RoomsView id={id} name={facility.name} />}
    </FacilityFrame>
  );
}

function RoomsView({ id, name }: { id: string; name: string }) {
  const { t } = useI18n();
  const can = useCan();
  const [state, reload, refresh] = useApi<Rooms>(roomsPath(id));
  const action = useAction(refresh);
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  if (state.status !== 'ok') return null;
  const { rooms, timeZone } = state.data;
  return (
    <>
      <h1>{t('rooms.titleFor', { facility: name })}</h1>
      <CaptionedTable
        label={t('rooms.caption', { zone: timeZone })}
        caption={t('rooms.caption', { zone: timeZone })}
        className="custodia-table"
      >
        <thead>
          <tr>
            <th scope="col">{t('rooms.room')}</th>
            <th scope="col">{t('rooms.schedule')}</th>
            <th scope="col">{t('rooms.blocks')}</th>
          </tr>
        </thead>
        <tbody>
          {rooms.map((r) => (
            <tr key={r.id}>
              <td>
                {r.code} · {r.name}
              </td>
              <td>{r.schedule.map(formatScheduleRow).join('; ') || t('rooms.closed')}</td>
              <td>
                {r.blocks.map((b) => `${spanIn(timeZone, b.from, b.to)}: ${b.reason}`).join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
      <ActionFeedback state={action.state} />
      {can('rooms:manage') && <RoomForms facility={id} rooms={rooms} zone={timeZone} action={action} />}
    </>
  );
}
