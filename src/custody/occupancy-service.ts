import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate } from '../core/dates.js';
import { addDays } from '../core/days.js';
import { DomainError, notFound } from '../core/errors.js';
import { latestRelease } from '../eligibility/sentence.js';
import * as facilities from '../facilities/store.js';
import type { Actor } from '../ledger/events.js';
import { manifestsBoundFor } from '../transfers/manifest-store.js';
import { occupancyForecast, occupancySeries } from './occupancy.js';
import { intervalsAt } from './store.js';

/** Forecast horizon (issue 4: a 90-day forecast). */
export const FORECAST_DAYS = 90;

/**
 * A facility's occupancy: daily history between two dates, and the forecast for the next 90 days from
 * scheduled arrivals (manifests bound for it that are not closed) and the release dates of the final
 * sentences of the people in custody. The capacity figures come alongside, never conflated.
 */
export async function facilityOccupancy(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  from: string,
  to: string,
) {
  authorize(actor, 'facilities:read');
  if (from > to) throw new DomainError('invalid_input', 'period.reversed', { from, to });
  if (addDays(from, 3660) < to)
    throw new DomainError('invalid_input', 'custody.occupancy_period_too_long', {});
  const db = ctx.handle.db;
  const facility = await facilities.findFacility(db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  const zone = facility.timeZone;
  const local = facility.capacity.localOccupants;
  const intervals = await intervalsAt(db, facility.id);
  const today = localDate(ctx.clock.now(), zone);
  const history = occupancySeries({
    from,
    to,
    local,
    intervals: intervals.map((i) => ({
      start: localDate(i.startedAt, zone),
      end: i.endedAt ? localDate(i.endedAt, zone) : null,
    })),
  });
  const horizon = addDays(today, FORECAST_DAYS);
  const releases: string[] = [];
  for (const i of intervals.filter((x) => x.endedAt === null)) {
    const latest = latestRelease(i.record);
    if (latest?.release.kind === 'date' && latest.release.date > today && latest.release.date <= horizon) {
      releases.push(latest.release.date);
    }
  }
  const manifests = await manifestsBoundFor(db, facility.id);
  const arrivals = manifests.map((s) => ({
    date: localDate(s.scheduledArrival.instant, zone),
    people: s.entries.filter((e) => e.status === 'added' || e.status === 'boarded').length,
  }));
  const inCustody = intervals.filter((i) => i.endedAt === null).length;
  return {
    facility: facility.code,
    capacity: facility.capacity,
    history,
    forecast: occupancyForecast({
      today,
      days: FORECAST_DAYS,
      transferees: inCustody,
      local,
      arrivals,
      releases,
    }),
  };
}
