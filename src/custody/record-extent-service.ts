import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate } from '../core/dates.js';
import { notFound } from '../core/errors.js';
import * as facilities from '../facilities/store.js';
import type { Actor } from '../ledger/events.js';
import { type DatedKind, recordSpan, type Span } from './record-extent-store.js';

/** The first and last recorded day of something, `YYYY-MM-DD` in the facility's zone. */
export type DaySpan = Span<string>;

/** What a facility has on record, by kind, so a page can open on a period that has some. */
export interface RecordExtent {
  facility: string;
  timeZone: string;
  regime: DaySpan | null;
  incidents: DaySpan | null;
  headcounts: DaySpan | null;
  intakes: DaySpan | null;
  /** Isolation placements: the days the first and last started. */
  isolation: DaySpan | null;
  /**
   * What the compliance report judges: the regime log, intakes (Rule 68, consular notification),
   * incidents (deaths) and isolation placements.
   */
  compliance: DaySpan | null;
}

/** Both ends of a span as days in `zone`: an instant is read there, a calendar day is kept as it is. */
function days(span: Span<Date | string> | null, zone: string): DaySpan | null {
  if (!span) return null;
  const day = (value: Date | string) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localDate(new Date(value), zone);
  return { first: day(span.first), last: day(span.last) };
}

/** The span covering every given span; null when none is. */
export function union(...spans: (DaySpan | null)[]): DaySpan | null {
  const present = spans.filter((s): s is DaySpan => s !== null);
  if (present.length === 0) return null;
  // `YYYY-MM-DD` sorts as text in calendar order.
  const firsts = present.map((s) => s.first).sort();
  const lasts = present.map((s) => s.last).sort();
  return { first: firsts[0] ?? '', last: lasts[lasts.length - 1] ?? '' };
}

/**
 * A facility's record extent: the first and last day with regime entries, incidents, headcounts,
 * intakes and isolation placements, each in the facility's zone, and the span the compliance report can judge.
 */
export async function recordExtent(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
): Promise<RecordExtent> {
  authorize(actor, 'facilities:read');
  const db = ctx.handle.db;
  const facility = await facilities.findFacility(db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  const zone = facility.timeZone;
  const span = async (kind: DatedKind) => days(await recordSpan(db, kind, facility.id), zone);
  const regime = await span('regime');
  const incidents = await span('incidents');
  const headcounts = await span('headcounts');
  const intakes = await span('intakes');
  const isolation = await span('isolation');
  return {
    facility: facility.code,
    timeZone: zone,
    regime,
    incidents,
    headcounts,
    intakes,
    isolation,
    compliance: union(regime, intakes, incidents, isolation),
  };
}
