import { resolveAgreementId } from '../agreements/store.js';
import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { isIsoDate, localDate, requirePeriod } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { event } from '../core/events.js';
import { facilityCompliance } from '../custody/compliance-service.js';
import { deathsInCustody } from '../custody/incident-store.js';
import type { Db } from '../db/database.js';
import { findFacility } from '../facilities/store.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { type PublishedFigures, publish, tally } from './model.js';
import {
  figuresHash,
  type Published,
  type ReleaseParameters,
  releaseStream,
  statisticsEvent,
} from './release.js';
import { intervalFacts, newestRelease, scopeFacilities, transferStepFacts } from './store.js';

/** The query as it arrives (HTTP query string or CLI options): every field a string, or absent. */
export interface RawStatisticsQuery {
  facility?: string | undefined;
  agreement?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  date?: string | undefined;
}

/** The statistics of one set of parameters: the figures, whether they are a published release, and which. */
export interface StatisticsAnswer {
  scope: ReleaseParameters['scope'];
  subject: string;
  subjectName: string;
  published: boolean;
  /** SHA-256 of the canonical JSON of `{ scope, subject, figures }`. */
  hash: string;
  release: { id: string; ledgerEntry: number; publishedAt: string; revises: string | null } | null;
  figures: PublishedFigures;
}

const MAX_DAYS = 366;

const NOT_QUITE_UUID = (v: string) =>
  /^[0-9a-f-]{36}$/.test(v) && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v);

function requireDate(field: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    throw new DomainError(
      'invalid_input',
      'statistics.date_missing',
      { field },
      { issues: [{ field: field, message: 'missing' }] },
    );
  }
  if (!isIsoDate(value)) {
    throw new DomainError(
      'invalid_input',
      'statistics.date_malformed',
      { field, value },
      { issues: [{ field: field, message: 'not a date' }] },
    );
  }
  return value;
}

interface Resolved extends ReleaseParameters {
  subjectName: string;
  facilityIds: string[];
  agreementId: string | null;
  zone: string;
}

/** Checks the parameters, naming the one that is wrong, and finds the facility or agreement. */
async function resolve(db: Db, raw: RawStatisticsQuery): Promise<Resolved> {
  const facility = raw.facility?.trim() || undefined;
  const agreement = raw.agreement?.trim() || undefined;
  if (facility === undefined && agreement === undefined) {
    throw new DomainError(
      'invalid_input',
      'statistics.scope_missing',
      {},
      { issues: [{ field: 'facility', message: 'missing' }] },
    );
  }
  if (facility !== undefined && agreement !== undefined) {
    throw new DomainError(
      'invalid_input',
      'statistics.scope_both',
      {},
      { issues: [{ field: 'agreement', message: 'both given' }] },
    );
  }
  const from = requireDate('from', raw.from);
  const to = requireDate('to', raw.to);
  requirePeriod(from, to, MAX_DAYS);
  const date = raw.date === undefined || raw.date === '' ? to : requireDate('date', raw.date);
  if (date < from || date > to) {
    throw new DomainError(
      'invalid_input',
      'statistics.date_outside',
      { field: 'date', value: date, from, to },
      { issues: [{ field: 'date', message: 'outside the period' }] },
    );
  }
  // The stores read 36 characters of hex and dashes as an id: anything shaped so that is not a UUID would
  // reach the database as one and fail there, so it is an unknown code here.
  if (facility !== undefined && NOT_QUITE_UUID(facility)) throw unknown('facility', facility);
  if (agreement !== undefined && NOT_QUITE_UUID(agreement)) throw unknown('agreement', agreement);
  if (facility !== undefined) {
    const found = await findFacility(db, facility);
    if (!found) throw unknown('facility', facility);
    return {
      scope: 'facility',
      subject: found.code,
      subjectName: found.name,
      from,
      to,
      date,
      facilityIds: [found.id],
      agreementId: null,
      zone: found.timeZone,
    };
  }
  const agreementId = agreement === undefined ? undefined : await resolveAgreementId(db, agreement);
  if (agreementId === undefined) throw unknown('agreement', agreement ?? '');
  const row = await db
    .selectFrom('agreements')
    .select(['code', 'title'])
    .where('id', '=', agreementId)
    .executeTakeFirstOrThrow();
  const facilities = await scopeFacilities(db, { agreementId });
  return {
    scope: 'agreement',
    subject: row.code,
    subjectName: row.title,
    from,
    to,
    date,
    facilityIds: facilities.map((f) => f.id),
    agreementId,
    // Transfers are dated in the zone of the agreement's first facility (one zone for the whole table).
    zone: facilities[0]?.timeZone ?? 'UTC',
  };
}

function unknown(field: 'facility' | 'agreement', value: string): DomainError {
  return new DomainError(
    'invalid_input',
    'statistics.unknown_subject',
    { field, value },
    { issues: [{ field: field, message: 'unknown' }] },
  );
}

/** Computes the figures now, as they would be published. */
async function liveFigures(ctx: AppContext, db: Db, r: Resolved): Promise<PublishedFigures> {
  const intervals = await intervalFacts(db, r.facilityIds);
  const steps = await transferStepFacts(db, r.facilityIds, r.zone, r.agreementId);
  const deaths: string[] = [];
  const compliance = new Map<string, { evaluated: number; met: number }>();
  for (const facilityId of r.facilityIds) {
    const facility = await findFacility(db, facilityId);
    const zone = facility?.timeZone ?? 'UTC';
    for (const d of await deathsInCustody(db, facilityId)) deaths.push(localDate(d.occurredAt, zone));
    // The compliance monitor's own counts (custody/compliance.ts): evaluated days, and those without a finding.
    const report = await facilityCompliance(ctx, db, facilityId, r.from, r.to);
    for (const rule of report.rules) {
      const c = compliance.get(rule.id) ?? { evaluated: 0, met: 0 };
      c.evaluated += rule.evaluated;
      c.met += Math.max(rule.evaluated - rule.findings, 0);
      compliance.set(rule.id, c);
    }
  }
  const raw = tally({
    from: r.from,
    to: r.to,
    date: r.date,
    intervals,
    steps,
    deaths,
    compliance: [...compliance].map(([standard, c]) => ({ standard, ...c })),
  });
  return publish(raw);
}

function parametersOf(r: Resolved): ReleaseParameters {
  return { scope: r.scope, subject: r.subject, from: r.from, to: r.to, date: r.date };
}

/**
 * The public statistics (docs/domain.md, Public statistics): the newest published release for these
 * parameters, with its hash and ledger entry; or, when none was published, the figures computed now with
 * `published: false`. No sign-in: every figure is already suppressed. Read from the read replica when there
 * is one (a release may reach it a moment after it was published, docs/scaling.md).
 */
export async function statistics(ctx: AppContext, raw: RawStatisticsQuery): Promise<StatisticsAnswer> {
  return statisticsFrom(ctx, ctx.reads.db, raw);
}

/** The statistics read from `db`: the replica for the public reads, the primary after a publication. */
async function statisticsFrom(ctx: AppContext, db: Db, raw: RawStatisticsQuery): Promise<StatisticsAnswer> {
  const r = await resolve(db, raw);
  const params = parametersOf(r);
  const release = await newestRelease(db, params);
  const head = { scope: r.scope, subject: r.subject, subjectName: r.subjectName };
  if (release) {
    return {
      ...head,
      published: true,
      hash: release.hash,
      release: {
        id: release.id,
        ledgerEntry: release.ledgerEntry,
        publishedAt: release.publishedAt.toISOString(),
        revises: release.revises,
      },
      figures: release.figures,
    };
  }
  const figures = await liveFigures(ctx, db, r);
  return {
    ...head,
    published: false,
    hash: figuresHash(r.scope, r.subject, figures),
    release: null,
    figures,
  };
}

/**
 * Publishes the statistics for these parameters (admins and monitors): computes them now and records a
 * `statistics.published` event holding their hash, unless the newest release already holds the same
 * figures (then nothing is recorded and that release is answered). Different figures are a revision: a new
 * event naming the release it revises, on the same ledger stream.
 */
export async function publishStatistics(
  ctx: AppContext,
  actor: Actor,
  raw: RawStatisticsQuery,
): Promise<StatisticsAnswer & { recorded: boolean }> {
  authorize(actor, 'statistics:publish');
  // A publication is a write: its figures and the answer that confirms it come from the primary.
  const primary = ctx.handle.db;
  const r = await resolve(primary, raw);
  const params = parametersOf(r);
  const figures = await liveFigures(ctx, primary, r);
  const hash = figuresHash(r.scope, r.subject, figures);
  const { result } = await transact(ctx, actor, async (tx) => {
    const previous = await newestRelease(tx, params);
    if (previous?.hash === hash) return { events: [], result: { recorded: false } };
    const payload: Published = {
      ...params,
      releaseId: ctx.newId(),
      hash,
      figures,
      revises: previous?.id ?? null,
    };
    return {
      events: [
        event(statisticsEvent.published, releaseStream(params), payload, previous ? {} : { newStream: true }),
      ],
      result: { recorded: true },
    };
  });
  const answer = await statisticsFrom(ctx, primary, raw);
  return { ...answer, recorded: result.recorded };
}
