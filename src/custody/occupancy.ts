import { addDays } from '../core/days.js';

/**
 * Occupancy over time and its forecast (docs/domain.md, Housing → Occupancy). Pure. A person
 * counts on a date when in custody at the end of that day (the custody-day rule billing uses too): from
 * the intake date, up to but not including the release date.
 */

export interface OccupancyPoint {
  date: string;
  transferees: number;
  local: number;
  total: number;
}

export interface ForecastPoint extends OccupancyPoint {
  arrivals: number;
  releases: number;
}

/** Daily occupancy from `from` to `to` (inclusive) for custody intervals given as local dates. */
export function occupancySeries(input: {
  from: string;
  to: string;
  local: number;
  intervals: readonly { start: string; end: string | null }[];
}): OccupancyPoint[] {
  const delta = new Map<string, number>();
  let before = 0;
  for (const i of input.intervals) {
    if (i.end !== null && i.end <= i.start) continue;
    if (i.start <= input.from) {
      if (i.end === null || i.end > input.from) before++;
    } else delta.set(i.start, (delta.get(i.start) ?? 0) + 1);
    if (i.end !== null && i.end > input.from) delta.set(i.end, (delta.get(i.end) ?? 0) - 1);
  }
  const points: OccupancyPoint[] = [];
  let current = before;
  for (let d = input.from; d <= input.to; d = addDays(d, 1)) {
    if (d !== input.from) current += delta.get(d) ?? 0;
    points.push({ date: d, transferees: current, local: input.local, total: current + input.local });
  }
  return points;
}

/**
 * The forecast for `days` days after `today`: today's transferees, plus scheduled arrivals on their
 * arrival date, minus expected releases on their release date.
 */
export function occupancyForecast(input: {
  today: string;
  days: number;
  transferees: number;
  local: number;
  arrivals: readonly { date: string; people: number }[];
  releases: readonly string[];
}): ForecastPoint[] {
  const arrivals = new Map<string, number>();
  for (const a of input.arrivals) arrivals.set(a.date, (arrivals.get(a.date) ?? 0) + a.people);
  const releases = new Map<string, number>();
  for (const r of input.releases) releases.set(r, (releases.get(r) ?? 0) + 1);
  const points: ForecastPoint[] = [];
  let current = input.transferees;
  for (let i = 1; i <= input.days; i++) {
    const date = addDays(input.today, i);
    const arriving = arrivals.get(date) ?? 0;
    const leaving = Math.min(releases.get(date) ?? 0, current + arriving);
    current += arriving - leaving;
    points.push({
      date,
      transferees: current,
      local: input.local,
      total: current + input.local,
      arrivals: arriving,
      releases: leaving,
    });
  }
  return points;
}
