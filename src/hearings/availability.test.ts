import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AvailabilityFacts,
  availability,
  type Busy,
  MAX_ALTERNATIVES,
  type RoomFacts,
  type SlotRequest,
} from './availability.js';
import { openWindowsBetween, parseSchedule } from './rooms.js';
import { instantAt, wallClock } from './zones.js';

const SV = 'America/El_Salvador';
const MIN = 60_000;
const WEEKDAYS = parseSchedule('Mon-Fri 08:00-12:00 court; Mon-Fri 12:00-17:00');
/** Monday 14 April 2025, 09:00 in El Salvador (15:00Z). */
const MON_9 = instantAt('2025-04-14', '09:00', SV);
const NOW = Date.parse('2025-04-10T12:00:00Z');

function room(code: string, over: Partial<RoomFacts> = {}): RoomFacts {
  return { roomId: `room-${code}`, code, schedule: WEEKDAYS, blocks: [], busy: [], ...over };
}

function facts(over: Partial<AvailabilityFacts> = {}): AvailabilityFacts {
  return { zone: SV, rooms: [room('SALA-1'), room('SALA-2')], personBusy: [], ...over };
}

const req = (over: Partial<SlotRequest> = {}): SlotRequest => ({
  roomId: 'room-SALA-1',
  start: MON_9,
  minutes: 60,
  pre: 0,
  post: 0,
  ...over,
});

const local = (ms: number) => `${wallClock(ms, SV).date} ${wallClock(ms, SV).time}`;

describe('availability', () => {
  it('fits a free slot in open hours, spanning a court-only and a shared period', () => {
    const a = availability(
      req({ start: instantAt('2025-04-14', '11:30', SV), pre: 15, post: 15 }),
      facts(),
      NOW,
    );
    expect(a.fits).toBe(true);
    if (!a.fits) return;
    expect(a.option.room).toBe('SALA-1');
    expect(local(a.option.from)).toBe('2025-04-14 11:15');
    expect(local(a.option.to)).toBe('2025-04-14 12:45');
  });

  it('offers the same room at the nearest other times when the room is booked', () => {
    const busy: Busy[] = [{ id: 'b1', from: MON_9, to: MON_9 + 60 * MIN }];
    const a = availability(req(), facts({ rooms: [room('SALA-1', { busy }), room('SALA-2')] }), NOW);
    expect(a.fits).toBe(false);
    if (a.fits) return;
    expect(a.conflicts).toEqual(['room_booked']);
    expect(a.alternatives.map((o) => `${o.room} ${local(o.start)}`)).toEqual([
      'SALA-1 2025-04-14 08:00',
      'SALA-1 2025-04-14 10:00',
      'SALA-1 2025-04-14 10:15',
    ]);
  });

  it('turns to other rooms when the same room has fewer than 3 times that fit', () => {
    const busy: Busy[] = [
      { id: 'b1', from: instantAt('2025-04-07', '08:00', SV), to: instantAt('2025-04-26', '00:00', SV) },
    ];
    const a = availability(req(), facts({ rooms: [room('SALA-1', { busy }), room('SALA-2')] }), NOW);
    expect(a.fits).toBe(false);
    if (a.fits) return;
    expect(a.alternatives.map((o) => `${o.room} ${local(o.start)}`)).toEqual([
      'SALA-2 2025-04-14 09:00',
      'SALA-2 2025-04-14 08:45',
      'SALA-2 2025-04-14 09:15',
    ]);
  });

  it('refuses a person already busy, and offers times when they are free', () => {
    const personBusy: Busy[] = [{ id: 'm1', from: MON_9 - 30 * MIN, to: MON_9 + 90 * MIN }];
    const a = availability(req({ roomId: null }), facts({ personBusy }), NOW);
    expect(a.fits).toBe(false);
    if (a.fits) return;
    expect(a.conflicts).toEqual(['person_busy']);
    expect(a.alternatives.map((o) => `${o.room} ${local(o.start)}`)).toEqual([
      'SALA-1 2025-04-14 10:30',
      'SALA-2 2025-04-14 10:30',
      'SALA-1 2025-04-14 10:45',
    ]);
  });

  it('names a closed room, a block and a time in the past', () => {
    const sunday = instantAt('2025-04-13', '09:00', SV);
    const closed = availability(req({ start: sunday }), facts(), NOW);
    expect(!closed.fits && closed.conflicts).toEqual(['closed']);
    if (!closed.fits) expect(local(closed.alternatives[0]?.start ?? 0)).toBe('2025-04-14 08:00');
    const blocks: Busy[] = [{ id: 'k1', from: MON_9 - 60 * MIN, to: MON_9 + 30 * MIN }];
    const blocked = availability(req(), facts({ rooms: [room('SALA-1', { blocks })] }), NOW);
    expect(!blocked.fits && blocked.conflicts).toEqual(['blocked']);
    const past = availability(req(), facts(), MON_9 + MIN);
    expect(!past.fits && past.conflicts).toEqual(['past']);
    const unknown = availability(req({ roomId: 'nope' }), facts(), NOW);
    expect(!unknown.fits && unknown.conflicts).toEqual(['room_unknown']);
  });

  it('lets an amended booking keep its own slot', () => {
    const busy: Busy[] = [{ id: 'b1', from: MON_9, to: MON_9 + 60 * MIN }];
    const a = availability(
      req({ exclude: 'b1', minutes: 45 }),
      facts({ rooms: [room('SALA-1', { busy })], personBusy: busy }),
      NOW,
    );
    expect(a.fits).toBe(true);
  });
});

/** A random request: person, room (or any), a day of the week of 14 April, a time, durations. */
const requestArb = fc.record({
  person: fc.integer({ min: 0, max: 3 }),
  room: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  day: fc.integer({ min: 0, max: 6 }),
  quarter: fc.integer({ min: 24, max: 76 }),
  minutes: fc.constantFrom(15, 30, 45, 60, 90, 120),
  pre: fc.constantFrom(0, 15, 30),
  post: fc.constantFrom(0, 15),
});

describe('availability properties', () => {
  it('never lets two bookings overlap in a room or for a person, and every offered alternative fits', () => {
    const codes = ['SALA-1', 'SALA-2', 'SALA-3'];
    fc.assert(
      fc.property(fc.array(requestArb, { minLength: 1, maxLength: 40 }), (requests) => {
        const rooms = codes.map((c) => ({ ...room(c), busy: [] as Busy[] }));
        const people: Busy[][] = [[], [], [], []];
        const booked: Array<Busy & { room: string; person: number }> = [];
        requests.forEach((r, i) => {
          const start = instantAt('2025-04-14', '00:00', SV) + r.day * 86_400_000 + r.quarter * 15 * MIN;
          const request: SlotRequest = {
            roomId: r.room === null ? null : `room-${codes[r.room]}`,
            start,
            minutes: r.minutes,
            pre: r.pre,
            post: r.post,
          };
          const f = { zone: SV, rooms, personBusy: people[r.person] ?? [] };
          const a = availability(request, f, NOW);
          let chosen = a.fits ? a.option : undefined;
          if (!a.fits) {
            expect(a.alternatives.length).toBeLessThanOrEqual(MAX_ALTERNATIVES);
            for (const alt of a.alternatives) {
              const again = availability({ ...request, roomId: alt.roomId, start: alt.start }, f, NOW);
              expect(again.fits).toBe(true);
            }
            chosen = a.alternatives[0];
          }
          if (!chosen) return;
          const busy = { id: `b${i}`, from: chosen.from, to: chosen.to };
          rooms.find((x) => x.roomId === chosen.roomId)?.busy.push(busy);
          people[r.person]?.push(busy);
          booked.push({ ...busy, room: chosen.roomId, person: r.person });
        });
        for (const [i, a] of booked.entries())
          for (const b of booked.slice(i + 1)) {
            const overlap = a.from < b.to && b.from < a.to;
            if (overlap) expect(a.room === b.room || a.person === b.person).toBe(false);
          }
        for (const b of booked) {
          const date = wallClock(b.from, SV).date;
          const open = openWindowsBetween(WEEKDAYS, date, date, SV);
          expect(open.some((w) => w.from <= b.from && b.to <= w.to)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
