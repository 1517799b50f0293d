import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import {
  BOOKING_STATES,
  type Booking,
  bothZones,
  decideAmend,
  decideBooking,
  decideCancel,
  decideCourtZone,
  decideOutcome,
  decideRoom,
  flagsOf,
  HEARING_EVENTS,
  judgeAccessToCourts,
  repeatedNotProduced,
  stateAfter,
} from './model.js';
import { decideBlock, formatScheduleRow, parseSchedule } from './rooms.js';
import { instantAt } from './zones.js';

const NOW = new Date('2025-04-10T12:00:00Z');
const START = '2025-04-14T15:00:00.000Z';
const id = () => 'h-1';

function key(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.messageKey;
    throw error;
  }
  return 'accepted';
}

const input = {
  personId: 'p-1',
  agreementId: 'a-1',
  facilityId: 'f-1',
  courtId: 'c-1',
  roomId: 'r-1',
  hearingType: 'bail',
  start: START,
  minutes: 30,
};

function booking(over: Partial<Booking> = {}): Booking {
  const b = decideBooking(input, NOW, id);
  return { ...b, id: b.bookingId, status: 'booked', ...over };
}

describe('hearing bookings', () => {
  it('books a main slot with pre and post minutes, a video URL, counsel and an interpreter', () => {
    const b = decideBooking(
      {
        ...input,
        pre: 15,
        post: 10,
        videoUrl: ' https://meet.example/abc ',
        counsel: 'A. Díaz',
        interpreter: 'es',
      },
      NOW,
      id,
    );
    expect(b).toMatchObject({
      bookingId: 'h-1',
      start: START,
      end: '2025-04-14T15:30:00.000Z',
      preMinutes: 15,
      postMinutes: 10,
      videoUrl: 'https://meet.example/abc',
      interpreter: 'es',
      at: NOW.toISOString(),
    });
  });

  it('refuses a bad type, time, duration, link or language, each by its message', () => {
    expect(key(() => decideBooking({ ...input, hearingType: 'trial' }, NOW, id))).toBe(
      'hearing.type_unknown',
    );
    expect(key(() => decideBooking({ ...input, start: 'monday' }, NOW, id))).toBe('hearing.time_invalid');
    expect(key(() => decideBooking({ ...input, start: '2025-04-01T00:00:00Z' }, NOW, id))).toBe(
      'hearing.start_past',
    );
    expect(key(() => decideBooking({ ...input, minutes: 2 }, NOW, id))).toBe('hearing.minutes_invalid');
    expect(key(() => decideBooking({ ...input, pre: 121 }, NOW, id))).toBe('hearing.minutes_invalid');
    expect(key(() => decideBooking({ ...input, videoUrl: 'http://x.example' }, NOW, id))).toBe(
      'hearing.video_url_invalid',
    );
    expect(key(() => decideBooking({ ...input, interpreter: 'Spanish' }, NOW, id))).toBe(
      'hearing.interpreter_invalid',
    );
  });

  it('amends with the changed fields named, keeps what was not given, refuses an empty change', () => {
    const a = decideAmend(booking(), { videoUrl: 'https://meet.example/x', minutes: 45 }, NOW);
    expect(a.changed).toEqual(['end', 'videoUrl']);
    expect(a.hearingType).toBe('bail');
    expect(a.reason).toBeNull();
    expect(decideAmend(booking(), { minutes: 45, reason: ' The judge is sitting late. ' }, NOW).reason).toBe(
      'The judge is sitting late.',
    );
    expect(key(() => decideAmend(booking(), { minutes: 30 }, NOW))).toBe('hearing.nothing_changed');
    expect(key(() => decideAmend(booking(), { minutes: 45 }, new Date(START)))).toBe('hearing.started');
    expect(key(() => decideAmend(booking({ status: 'cancelled' }), { minutes: 45 }, NOW))).toBe(
      'hearing.wrong_state',
    );
  });

  it('records an outcome once, after the start; not produced needs a reason', () => {
    const after = new Date('2025-04-14T15:05:00Z');
    expect(key(() => decideOutcome(booking(), { outcome: 'held' }, NOW))).toBe('hearing.not_started');
    expect(decideOutcome(booking(), { outcome: 'adjourned', reason: 'counsel ill' }, after)).toMatchObject({
      outcome: 'adjourned',
      reasonCode: null,
      reason: 'counsel ill',
    });
    expect(key(() => decideOutcome(booking(), { outcome: 'not_produced' }, after))).toBe(
      'hearing.reason_required',
    );
    expect(
      decideOutcome(booking(), { outcome: 'not_produced', reasonCode: 'unwell' }, after).reasonCode,
    ).toBe('unwell');
    expect(key(() => decideOutcome(booking(), { outcome: 'dismissed' }, after))).toBe(
      'hearing.outcome_unknown',
    );
    expect(key(() => decideOutcome(booking({ status: 'held' }), { outcome: 'held' }, after))).toBe(
      'hearing.wrong_state',
    );
    expect(decideCancel(booking(), { reason: ' ' }, NOW).reason).toBeNull();
  });

  it('never leaves a final state, whatever the steps', () => {
    const steps = ['amend', 'cancel', 'held', 'not_produced'] as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...steps), { maxLength: 8 }), (seq) => {
        let b = booking();
        const after = new Date('2025-04-14T15:05:00Z');
        let minutes = 30;
        for (const step of seq) {
          const was = b.status;
          try {
            if (step === 'amend') {
              minutes += 5;
              decideAmend(b, { minutes }, NOW);
              continue;
            }
            const e =
              step === 'cancel'
                ? { type: HEARING_EVENTS.cancelled, payload: decideCancel(b, {}, NOW) }
                : {
                    type: HEARING_EVENTS.outcome,
                    payload: decideOutcome(b, { outcome: step, reasonCode: 'refused' }, after),
                  };
            b = { ...b, status: stateAfter(e.type, e.payload) ?? b.status };
            expect(was).toBe('booked');
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect(was).not.toBe('booked');
          }
        }
        expect(BOOKING_STATES).toContain(b.status);
      }),
    );
  });
});

describe('flags, zones, rooms', () => {
  const person = { status: 'in_custody' as const, facilityId: 'f-1' };
  it('flags a missing video URL within 24 hours of the start, and a person released, returned or moved', () => {
    const b = { status: 'booked' as const, start: START, videoUrl: null, facilityId: 'f-1' };
    expect(flagsOf(b, person, NOW)).toEqual([]);
    expect(flagsOf(b, person, new Date('2025-04-13T15:00:00Z'))).toEqual(['no_video_url']);
    expect(
      flagsOf({ ...b, videoUrl: 'https://x.example' }, { status: 'released', facilityId: null }, NOW),
    ).toEqual(['person_released']);
    expect(flagsOf(b, { status: 'returned', facilityId: null }, NOW)).toEqual(['person_returned']);
    expect(flagsOf(b, { status: 'in_custody', facilityId: 'f-2' }, NOW)).toEqual(['person_moved']);
    expect(flagsOf({ ...b, status: 'cancelled' }, { status: 'released', facilityId: null }, NOW)).toEqual([]);
  });

  it('shows a hearing on the day US clocks change in New York time and El Salvador time', () => {
    const start = new Date(instantAt('2025-03-09', '09:00', 'America/El_Salvador')).toISOString();
    const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
    expect(bothZones(start, end, 'America/New_York', 'America/El_Salvador')).toEqual({
      courtTime: { zone: 'America/New_York', local: '2025-03-09T11:00' },
      facilityTime: { zone: 'America/El_Salvador', local: '2025-03-09T09:00' },
      courtEnd: { zone: 'America/New_York', local: '2025-03-09T11:30' },
      facilityEnd: { zone: 'America/El_Salvador', local: '2025-03-09T09:30' },
    });
  });

  it('reads room schedules, codes, blocks and court zones', () => {
    const rows = parseSchedule('Mon-Fri 08:00-12:00 court; sat 09:00-12:00');
    expect(rows.map(formatScheduleRow)).toEqual(['Mon-Fri 08:00-12:00 court', 'Sat 09:00-12:00']);
    expect(key(() => parseSchedule('Mon-Fri 8-5'))).toBe('room.schedule_invalid');
    expect(key(() => parseSchedule('Fri-Mon 08:00-17:00'))).toBe('room.schedule_invalid');
    expect(key(() => parseSchedule('Mon 10:00-09:00'))).toBe('room.schedule_invalid');
    expect(key(() => parseSchedule('Mon-Fri 08:00-12:00; Wed 11:00-13:00'))).toBe('room.schedule_invalid');
    expect(key(() => decideRoom({ facilityId: 'f', code: 'sala 1', name: '' }, NOW, id))).toBe(
      'room.code_invalid',
    );
    expect(decideRoom({ facilityId: 'f', code: 'SALA-1', name: '' }, NOW, id).name).toBe('SALA-1');
    expect(key(() => decideBlock({ from: START, to: START, reason: 'x' }, id))).toBe('room.block_invalid');
    expect(key(() => decideBlock({ from: START, to: '2025-04-15T00:00:00Z', reason: ' ' }, id))).toBe(
      'room.block_reason_missing',
    );
    expect(key(() => decideCourtZone('c', { zone: 'EST5' }, NOW))).toBe('hearing.zone_unknown');
    expect(decideCourtZone('c', { zone: 'America/New_York' }, NOW).zone).toBe('America/New_York');
  });

  it('finds people not produced repeatedly', () => {
    const o = (personId: string, outcome: 'held' | 'not_produced', start: string) => ({
      personId,
      outcome,
      start,
    });
    expect(
      repeatedNotProduced([
        o('a', 'not_produced', '2'),
        o('a', 'not_produced', '1'),
        o('b', 'not_produced', '1'),
        o('b', 'held', '2'),
      ]),
    ).toEqual([{ personId: 'a', count: 2, starts: ['1', '2'] }]);
  });

  it('judges access to courts: a second not produced in the period is a finding, a first is not', () => {
    const h = (
      person: string,
      date: string,
      outcome: 'held' | 'not_produced',
      reasonCode: string | null = null,
    ) => ({
      person,
      date,
      outcome,
      reasonCode,
    });
    const judged = judgeAccessToCourts({
      from: '2025-04-01',
      to: '2025-04-30',
      hearings: [
        h('A', '2025-04-20', 'not_produced', 'refused'),
        h('A', '2025-04-10', 'not_produced', 'link_failed'),
        h('B', '2025-04-11', 'not_produced', 'unwell'),
        h('B', '2025-04-12', 'held'),
        h('A', '2025-05-02', 'not_produced', 'unwell'),
      ],
    });
    expect(judged.evaluated).toBe(4);
    expect(judged.findings).toEqual([
      {
        severity: 'high',
        date: '2025-04-20',
        person: 'A',
        detail: 'not produced before the court again on 2025-04-20 (refused); also 2025-04-10 (link_failed)',
      },
    ]);
  });
});
