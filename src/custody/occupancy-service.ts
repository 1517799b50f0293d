import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate } from '../core/dates.js';
import { DomainError, notFound } from '../core/errors.js';
import { addDays, latestRelease } from '../eligibility/sentence.js';
import * as facilities from '../facilities/store.js';
import type { Actor } from '../ledger/events.js';
import type { PersonRecord } from '../people/model.js';
import type { ManifestState } from '../transfers/manifest.js';
import { occupancyForecast, occupancySeries } from './occupancy.js';

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
  if (from > to) throw new DomainError('invalid_input', `from ${from} is after to ${to}; swap them.`);
  if (addDays(from, 3660) < to)
    throw new DomainError('invalid_input', 'Ask for at most ten years at a time.');
  const db = ctx.handle.db;
  const facility = await facilities.findFacility(db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  const zone = facility.timeZone;
  const local = facility.capacity.localOccupants;
  const intervals = await db
    .selectFrom('custody_intervals as ci')
    .innerJoin('people as p', 'p.id', 'ci.person_id')
    .select(['ci.started_at', 'ci.ended_at', 'p.record'])
    .where('ci.facility_id', '=', facility.id)
    .execute();
  const today = localDate(ctx.clock.now(), zone);
  const history = occupancySeries({
    from,
    to,
    local,
    intervals: intervals.map((i) => ({
      start: localDate(i.started_at, zone),
      end: i.ended_at ? localDate(i.ended_at, zone) : null,
    })),
  });
  const horizon = addDays(today, FORECAST_DAYS);
  const releases: string[] = [];
  for (const i of intervals.filter((x) => x.ended_at === null)) {
    const latest = latestRelease(i.record as PersonRecord);
    if (latest?.release.kind === 'date' && latest.release.date > today && latest.release.date <= horizon) {
      releases.push(latest.release.date);
    }
  }
  const manifests = await db
    .selectFrom('manifests')
    .select('state')
    .where('facility_id', '=', facility.id)
    .where('status', 'in', ['open', 'departed'])
    .execute();
  const arrivals = manifests.map((m) => {
    const s = m.state as ManifestState;
    return {
      date: localDate(s.scheduledArrival.instant, zone),
      people: s.entries.filter((e) => e.status === 'added' || e.status === 'boarded').length,
    };
  });
  const inCustody = intervals.filter((i) => i.ended_at === null).length;
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
