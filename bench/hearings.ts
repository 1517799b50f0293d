/**
 * The hearings benchmark (issue 16): availability for a request against a facility with 6 rooms and a
 * year of bookings (about 6,000), by `availability` (each room's bookings and the person's appointments
 * as a Timeline: sorted starts with a running maximum end, one binary search per question) against a
 * brute-force scan of every slot on the same 15-minute grid checking every booking, in the same run. Both
 * must give the same answers (fit, or the same 3 alternatives in the same order) for every request.
 * Targets: ≥ 20× the brute force, and under 5 ms per request.
 */

import {
  type AvailabilityFacts,
  availability,
  type Busy,
  HORIZON_DAYS,
  MAX_ALTERNATIVES,
  type SlotOption,
  type SlotRequest,
  STEP_MINUTES,
} from '../src/hearings/availability.js';
import { openWindowsBetween, parseSchedule } from '../src/hearings/rooms.js';
import { addDaysTo, instantAt, wallClock } from '../src/hearings/zones.js';
import {
  type Benchmark,
  type BenchOptions,
  type BenchReport,
  check,
  rates,
  seededRandom,
  timed,
} from './harness.js';

const ZONE = 'America/El_Salvador';
const MIN = 60_000;
const DAY = 86_400_000;
const SCHEDULE = parseSchedule('Mon-Fri 07:00-12:00 court; Mon-Fri 12:00-16:00');

/** The hearings benchmark, registered as `hearings` in `run.ts`. */
export const hearingsBenchmark: Benchmark = { run };

/** A year of bookings over 6 rooms, about 24 a weekday, for 400 people; and the requests to answer. */
function generate(quick: boolean) {
  const random = seededRandom(16);
  const rooms = Array.from({ length: 6 }, (_, i) => ({
    roomId: `room-${i + 1}`,
    code: `SALA-${i + 1}`,
    schedule: SCHEDULE,
    blocks: [] as Busy[],
    busy: [] as Busy[],
  }));
  const people: Busy[][] = Array.from({ length: 400 }, () => []);
  const days = quick ? 30 : 365;
  let n = 0;
  for (let d = 0; d < days; d++) {
    const date = addDaysTo('2025-01-06', d);
    for (const room of rooms) {
      const open = openWindowsBetween(SCHEDULE, date, date, ZONE);
      for (const w of open)
        for (let t = w.from; t + 60 * MIN <= w.to; t += 60 * MIN) {
          if (random() > 0.44) continue;
          const b = { id: `b${n++}`, from: t, to: t + 45 * MIN };
          room.busy.push(b);
          people[Math.floor(random() * people.length)]?.push(b);
        }
    }
  }
  const requests: Array<{ req: SlotRequest; person: number }> = [];
  for (let i = 0; i < (quick ? 20 : 200); i++) {
    const date = addDaysTo('2025-01-06', Math.floor(random() * days));
    const start = instantAt(date, '07:00', ZONE) + Math.floor(random() * 36) * 15 * MIN;
    requests.push({
      req: {
        roomId: random() < 0.7 ? `room-${1 + Math.floor(random() * 6)}` : null,
        start,
        minutes: 60,
        pre: 15,
        post: 0,
      },
      person: Math.floor(random() * people.length),
    });
  }
  return { rooms, people, requests, bookings: n };
}

/** The brute force: every slot of every room in the horizon, each booking checked one by one. */
function bruteForce(req: SlotRequest, facts: AvailabilityFacts, now: number) {
  const clash = (list: readonly Busy[], from: number, to: number) =>
    list.some((b) => b.from < to && from < b.to);
  const stretch = (start: number) => ({
    start,
    end: start + req.minutes * MIN,
    from: start - req.pre * MIN,
    to: start + (req.minutes + req.post) * MIN,
  });
  const day0 = wallClock(req.start, facts.zone).date;
  const windows = new Map(
    facts.rooms.map((r) => [
      r.roomId,
      openWindowsBetween(
        r.schedule,
        addDaysTo(day0, -HORIZON_DAYS - 1),
        addDaysTo(day0, HORIZON_DAYS + 1),
        facts.zone,
      ),
    ]),
  );
  const fits = (r: (typeof facts.rooms)[number], start: number) => {
    const s = stretch(start);
    return (
      start >= now &&
      (windows.get(r.roomId) ?? []).some((w) => w.from <= s.from && s.to <= w.to) &&
      !clash(r.blocks, s.from, s.to) &&
      !clash(r.busy, s.from, s.to) &&
      !clash(facts.personBusy, s.from, s.to)
    );
  };
  const named = facts.rooms.find((r) => r.roomId === req.roomId);
  for (const r of named ? [named] : facts.rooms)
    if (fits(r, req.start)) return { fits: true, room: r.code, start: req.start };
  const options = (rooms: typeof facts.rooms) => {
    const found: Array<SlotOption & { d: number; rank: number }> = [];
    const lo = Math.floor((req.start - (HORIZON_DAYS + 1) * DAY) / (STEP_MINUTES * MIN)) * STEP_MINUTES * MIN;
    rooms.forEach((r, rank) => {
      for (let t = lo; t <= req.start + (HORIZON_DAYS + 1) * DAY; t += STEP_MINUTES * MIN) {
        const day = wallClock(t, facts.zone).date;
        if (day < addDaysTo(day0, -HORIZON_DAYS) || day > addDaysTo(day0, HORIZON_DAYS)) continue;
        const s = stretch(t);
        // A slot stays within one day's open stretch, as the candidate generation does.
        if (
          !openWindowsBetween(r.schedule, day, day, facts.zone).some((w) => w.from <= s.from && s.to <= w.to)
        )
          continue;
        if (fits(r, t))
          found.push({ roomId: r.roomId, room: r.code, ...s, d: Math.abs(t - req.start), rank });
      }
    });
    return found.sort((a, b) => a.d - b.d || a.start - b.start || a.rank - b.rank);
  };
  const alternatives = named ? options([named]).slice(0, MAX_ALTERNATIVES) : [];
  alternatives.push(
    ...options(facts.rooms.filter((r) => r !== named)).slice(0, MAX_ALTERNATIVES - alternatives.length),
  );
  return { fits: false, alternatives: alternatives.map((a) => `${a.room} ${a.start}`) };
}

function ours(req: SlotRequest, facts: AvailabilityFacts, now: number) {
  const a = availability(req, facts, now);
  if (a.fits) return { fits: true, room: a.option.room, start: a.option.start };
  return { fits: false, alternatives: a.alternatives.map((o) => `${o.room} ${o.start}`) };
}

async function run({ quick, log }: BenchOptions): Promise<BenchReport> {
  const data = generate(quick);
  log(`${data.bookings} bookings over 6 rooms, ${data.requests.length} requests`);
  const now = Date.parse('2025-01-01T00:00:00Z');
  const factsOf = (person: number): AvailabilityFacts => ({
    zone: ZONE,
    rooms: data.rooms,
    personBusy: data.people[person] ?? [],
  });
  const oursAnswers = await timed(() => data.requests.map((r) => ours(r.req, factsOf(r.person), now)));
  const bruteAnswers = await timed(() => data.requests.map((r) => bruteForce(r.req, factsOf(r.person), now)));
  const same = oursAnswers.result.every(
    (a, i) => JSON.stringify(a) === JSON.stringify(bruteAnswers.result[i]),
  );
  check(same, 'availability and the brute force disagree on some request');
  const count = data.requests.length;
  const perRequest = oursAnswers.ms / count;
  return {
    title: `Hearings: availability for ${count} requests against ${data.bookings} bookings in 6 rooms`,
    setup: [
      `rooms open Mon–Fri 07:00–16:00 (San Salvador); bookings of 45 min on the hour; 400 people`,
      `requests of 60 min with 15 before, 70% naming a room; ${oursAnswers.result.filter((a) => a.fits).length} fit`,
    ],
    comparisons: [
      {
        name: 'availability vs brute force (≥ 20×)',
        candidate: {
          label: 'availability',
          unit: 'requests/s',
          ...rates(count, oursAnswers),
          note: `${perRequest.toFixed(2)} ms a request`,
        },
        baseline: {
          label: 'brute force',
          unit: 'requests/s',
          ...rates(count, bruteAnswers),
          note: `${(bruteAnswers.ms / count).toFixed(2)} ms a request`,
        },
        target: 20,
      },
    ],
    extra: [],
    checks: [
      `the same answer (fit, or the same alternatives in the same order) for all ${count} requests`,
      `${perRequest.toFixed(2)} ms a request: ${perRequest < 5 ? 'under' : 'NOT under'} 5 ms`,
    ],
  };
}
