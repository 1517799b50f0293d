import type { AppContext } from '../../src/context.js';
import { addRoom } from '../../src/hearings/service.js';
import type { Actor } from '../../src/ledger/events.js';

/**
 * CECOT's video-link hearing rooms (docs/domain.md, Video-link hearings): from CECOT the video link is
 * the only way a person reaches a court, and about 15–20 hearings a day were reported over 6 virtual
 * rooms. Schedules are in San Salvador time (UTC−6); courts in the eastern United States sit 1–2 hours
 * ahead. Rooms 1–4 serve courts only in the morning and are shared with legal visits in the afternoon;
 * rooms 5 and 6 are shared all day. Synthetic: the codes and hours are the scenario's.
 */
export const CECOT_HEARING_ROOMS = [
  { code: 'SALA-1', name: 'Sala virtual 1', schedule: 'Mon-Fri 07:00-12:00 court; Mon-Fri 12:00-16:00' },
  { code: 'SALA-2', name: 'Sala virtual 2', schedule: 'Mon-Fri 07:00-12:00 court; Mon-Fri 12:00-16:00' },
  { code: 'SALA-3', name: 'Sala virtual 3', schedule: 'Mon-Fri 07:00-12:00 court; Mon-Fri 12:00-16:00' },
  { code: 'SALA-4', name: 'Sala virtual 4', schedule: 'Mon-Fri 07:00-12:00 court; Mon-Fri 12:00-16:00' },
  { code: 'SALA-5', name: 'Sala virtual 5', schedule: 'Mon-Fri 08:00-16:00' },
  { code: 'SALA-6', name: 'Sala virtual 6', schedule: 'Mon-Fri 08:00-16:00' },
] as const;

/** Adds CECOT's 6 hearing rooms with their weekly schedules. */
export async function addCecotHearingRooms(ctx: AppContext, actor: Actor, facilityId: string): Promise<void> {
  for (const room of CECOT_HEARING_ROOMS) await addRoom(ctx, actor, { facility: facilityId, ...room });
}
