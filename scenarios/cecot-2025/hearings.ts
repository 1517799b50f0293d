import type { AppContext } from '../../src/context.js';
import { addRoom, bookHearing, recordOutcome, setCourtZone } from '../../src/hearings/service.js';
import type { Actor } from '../../src/ledger/events.js';
import { courtZoneOf, SCENARIO_COURTS } from './parties.js';
import { addDays } from './random.js';

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

/** The court that hears the April transferees' cases by video link, and its zone (Washington, D.C.). */
export const HEARING_COURT = { code: 'U.S. District Court, D.D.C.', zone: 'America/New_York' } as const;

/**
 * The hearing days: the weekdays of the two weeks after the April flight (10 April 2025). Each day has 15
 * to 20 hearings, as reported, and each man of the flight at most one every other day, so a smaller cohort
 * has fewer (and the scenario loads quickly).
 */
export const HEARING_DAYS: readonly string[] = [
  '14',
  '15',
  '16',
  '17',
  '18',
  '21',
  '22',
  '23',
  '24',
  '25',
].map((d) => `2025-04-${d}`);

/** The court-only mornings of rooms 1–4: a main slot of 30 minutes after 15 with counsel, 6 a room. */
const ROOMS = ['SALA-1', 'SALA-2', 'SALA-3', 'SALA-4'] as const;
const PRE = 15;
const MAIN = 30;
/** San Salvador is UTC−6 all year: 07:15 there is 13:15 UTC. */
const FIRST_MAIN_UTC = '13:15';

/** How many hearings day `d` has (15–20). */
export const hearingsOnDay = (d: number): number => 15 + ((d * 5) % 6);

/** What became of one hearing: most are held; some adjourned; some men are not brought to the room. */
export type PlannedOutcome =
  | { outcome: 'held'; hold?: { type: 'court_order'; case: string } }
  | { outcome: 'adjourned'; reason: string }
  | { outcome: 'not_produced'; reasonCode: 'link_failed' | 'unwell' | 'room_unavailable'; reason: string };

/**
 * The outcome of the `n`th hearing of the story (in booking order) whose person is the `k`th man of the
 * flight and is heard for the `seen`th time. The first man is not produced at his first two hearings
 * (a second time in the period is an access-to-courts finding); the second man's third hearing ends
 * with a court order holding him; one hearing in six is adjourned, one in 25 not produced.
 */
export function plannedOutcome(n: number, k: number, seen: number): PlannedOutcome {
  if (k === 0 && seen === 1)
    return {
      outcome: 'not_produced',
      reasonCode: 'room_unavailable',
      reason: 'No guard to bring him from module 3.',
    };
  if (k === 0 && seen === 2)
    return {
      outcome: 'not_produced',
      reasonCode: 'link_failed',
      reason: 'The video link dropped before the call.',
    };
  if (k === 1 && seen === 3) return { outcome: 'held', hold: { type: 'court_order', case: '1:25-cv-01301' } };
  if (n % 6 === 2)
    return { outcome: 'adjourned', reason: 'The government asked for time to file its return.' };
  if (n % 25 === 11)
    return { outcome: 'not_produced', reasonCode: 'unwell', reason: 'In the infirmary on the day.' };
  return { outcome: 'held' };
}

/** The hearings the story recorded. */
export interface HearingTally {
  booked: number;
  held: number;
  adjourned: number;
  notProduced: number;
  holds: number;
}

const minutesLater = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/**
 * The steps of the April transferees' video-link hearings, for the cohort's timeline: the court's zone is
 * recorded first; each hearing day's list is booked by the court the working day before (about 15:00 in
 * Washington) and its outcomes recorded after the rooms close. A slot taken by a legal visit is moved to
 * the first alternative availability offers.
 */
export function hearingSteps(
  ctx: AppContext,
  actors: { admin: Actor; court: Actor },
  aprilMen: () => Promise<{ ref: string; id: string }[]>,
  tally: HearingTally,
): { at: string; order: number; run: () => Promise<void> }[] {
  const seen = new Map<string, number>();
  let n = 0;
  const steps = [
    {
      at: '2025-04-11T14:00:00.000Z',
      order: 6_000_000,
      run: async () => {
        await setCourtZone(ctx, actors.admin, HEARING_COURT.code, { zone: HEARING_COURT.zone });
        // Every other court of the scenario too: a hearing booked by any of them shows on its own clock.
        for (const court of SCENARIO_COURTS.filter((c) => c.code !== HEARING_COURT.code)) {
          await setCourtZone(ctx, actors.admin, court.code, { zone: courtZoneOf(court.code) });
        }
      },
    },
  ];
  for (const [d, day] of HEARING_DAYS.entries()) {
    const booked: { id: string; k: number; personId: string }[] = [];
    const order = 6_000_001 + d;
    steps.push({
      at: `${addDays(day, day.endsWith('-14') || day.endsWith('-21') || day.endsWith('-28') ? -3 : -1)}T19:00:00.000Z`,
      order,
      run: async () => {
        const men = await aprilMen();
        const count = Math.min(hearingsOnDay(d), Math.ceil(men.length / 2));
        for (let slot = 0; slot < count; slot++) {
          // Half the men one day, the other half the next.
          const k = ((d % 2) * Math.ceil(men.length / 2) + slot) % men.length;
          const man = men[k]!;
          const start = minutesLater(
            `${day}T${FIRST_MAIN_UTC}:00.000Z`,
            Math.floor(slot / ROOMS.length) * (PRE + MAIN),
          );
          const terms = {
            court: HEARING_COURT.code,
            hearingType: k % 3 === 0 ? ('immigration' as const) : ('habeas' as const),
            minutes: MAIN,
            pre: PRE,
            caseRef: `1:25-cv-${String(1200 + k).padStart(5, '0')}`,
            counsel: k % 2 === 0 ? 'Defensa Migrante' : null,
            interpreter: 'es',
            videoUrl: `https://video.dcd.example/hearing/${day}-${slot + 1}`,
          };
          let result = await bookHearing(ctx, actors.court, {
            person: man.id,
            room: ROOMS[slot % ROOMS.length],
            start,
            ...terms,
          });
          const first = result.booked ? undefined : result.alternatives[0];
          if (!result.booked && first)
            result = await bookHearing(ctx, actors.court, {
              person: man.id,
              room: first.room,
              start: first.start,
              ...terms,
            });
          if (!result.booked)
            throw new Error(`the scenario's hearing for ${man.ref} on ${day} found no slot`);
          booked.push({ id: result.booking.id, k, personId: man.id });
          tally.booked++;
        }
      },
    });
    steps.push({
      at: `${day}T23:00:00.000Z`,
      order,
      run: async () => {
        for (const b of booked) {
          const times = (seen.get(b.personId) ?? 0) + 1;
          seen.set(b.personId, times);
          const plan = plannedOutcome(n++, b.k, times);
          if (plan.outcome === 'held') {
            await recordOutcome(ctx, actors.court, b.id, {
              outcome: 'held',
              ...(plan.hold ? { hold: plan.hold } : {}),
            });
            tally.held++;
            if (plan.hold) tally.holds++;
          } else if (plan.outcome === 'adjourned') {
            await recordOutcome(ctx, actors.court, b.id, { outcome: 'adjourned', reason: plan.reason });
            tally.adjourned++;
          } else {
            await recordOutcome(ctx, actors.court, b.id, plan);
            tally.notProduced++;
          }
        }
      },
    });
  }
  return steps;
}
