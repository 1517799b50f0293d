import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { EventEnvelope } from '../ledger/events.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { fullName } from '../people/model.js';
import {
  alarm,
  evolveManifest,
  type ManifestAlarmView,
  type ManifestEvent,
  type ManifestEventType,
  type ManifestState,
  manifestEventTypes,
  reconcile,
} from './manifest.js';

type Q = Db | Tx;

/** Every manifest ledger event type. */
export const MANIFEST_EVENT_TYPES: readonly ManifestEventType[] = manifestEventTypes.map((t) => t.type);

async function projectManifest(tx: Tx, e: EventEnvelope<ManifestEvent>): Promise<void> {
  const event = e.payload;
  const current = (await loadManifest(tx, event.manifestId)) ?? null;
  const next = evolveManifest(current, event);
  const at = new Date(e.recordedAt);
  if (current) {
    await tx
      .updateTable('manifests')
      .set({ status: next.status, state: JSON.stringify(next), version: next.version, updated_at: at })
      .where('id', '=', next.manifestId)
      .execute();
  } else {
    await tx
      .insertInto('manifests')
      .values({
        id: next.manifestId,
        facility_id: next.facilityId,
        direction: next.direction,
        status: next.status,
        scheduled_departure: new Date(next.scheduledDeparture.instant),
        state: JSON.stringify(next),
        version: next.version,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  if (!('transferId' in event)) return;
  const entry = next.entries.find((x) => x.transferId === event.transferId);
  if (!entry) {
    await tx
      .deleteFrom('manifest_entries')
      .where('manifest_id', '=', event.manifestId)
      .where('transfer_id', '=', event.transferId)
      .execute();
  } else if (event.type === 'manifest.transfer_added') {
    await tx
      .insertInto('manifest_entries')
      .values({
        manifest_id: event.manifestId,
        transfer_id: entry.transferId,
        person_id: entry.personId,
        status: entry.status,
        exception_kind: null,
      })
      .execute();
  } else {
    await tx
      .updateTable('manifest_entries')
      .set({ status: entry.status, exception_kind: entry.exception?.kind ?? null })
      .where('manifest_id', '=', event.manifestId)
      .where('transfer_id', '=', event.transferId)
      .execute();
  }
}

/** Manifest event types and their projection: every event goes through the pure `evolveManifest`. */
export const manifestEvents: FeatureEvents = {
  feature: 'transfers/manifest',
  tables: [
    { table: 'manifests', orderBy: 'id' },
    { table: 'manifest_entries', orderBy: 'manifest_id, transfer_id' },
  ],
  events: manifestEventTypes.map((type) => projection(type, projectManifest)),
};

/** One manifest's state. */
export async function loadManifest(q: Q, manifestId: string): Promise<ManifestState | undefined> {
  const row = await q.selectFrom('manifests').select('state').where('id', '=', manifestId).executeTakeFirst();
  return row ? manifestOf(row.state) : undefined;
}

/**
 * The transfer ids other unclosed manifests hold (docs/domain.md: nobody is in two places), except `manifestId`.
 * An entry returned before departure no longer holds its transfer.
 */
export async function transfersOnOtherManifests(q: Q, manifestId: string, transferId: string) {
  const rows = await q
    .selectFrom('manifest_entries')
    .innerJoin('manifests', 'manifests.id', 'manifest_entries.manifest_id')
    .select('manifest_entries.transfer_id')
    .where('manifest_entries.transfer_id', '=', transferId)
    .where('manifest_entries.manifest_id', '<>', manifestId)
    .where('manifests.status', '<>', 'closed')
    .where((w) =>
      w.or([
        w('manifest_entries.exception_kind', 'is', null),
        w('manifest_entries.exception_kind', '<>', 'returned_before_departure'),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.transfer_id));
}

/**
 * Another unclosed manifest (not `manifestId`) on which the person is still moving: added or boarded, not
 * yet received, handed over or accounted for by an exception. Nobody is on two movements at once.
 */
export async function personOnOtherManifest(q: Q, manifestId: string, personId: string) {
  const row = await q
    .selectFrom('manifest_entries')
    .innerJoin('manifests', 'manifests.id', 'manifest_entries.manifest_id')
    .select('manifest_entries.manifest_id')
    .where('manifest_entries.person_id', '=', personId)
    .where('manifest_entries.manifest_id', '<>', manifestId)
    .where('manifests.status', '<>', 'closed')
    .where('manifest_entries.status', 'in', ['added', 'boarded'])
    .executeTakeFirst();
  return row?.manifest_id;
}

/** The manifest a transfer is currently listed on (not returned before departure), if any. */
export async function manifestOfTransfer(q: Q, transferId: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('manifest_entries')
    .innerJoin('manifests', 'manifests.id', 'manifest_entries.manifest_id')
    .select('manifest_entries.manifest_id')
    .where('manifest_entries.transfer_id', '=', transferId)
    .where((w) =>
      w.or([
        w('manifest_entries.exception_kind', 'is', null),
        w('manifest_entries.exception_kind', '<>', 'returned_before_departure'),
      ]),
    )
    .orderBy('manifests.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.manifest_id;
}

/** A manifest summary for lists: the state without its entries, plus counts and reconciliation. */
export type ManifestSummary = Omit<ManifestState, 'entries'> & {
  people: number;
  reconciliation: ReturnType<typeof reconcile>;
};

/** A stored manifest, with the fields of returns (decision 0023) filled in for one stored before them. */
function manifestOf(stored: unknown): ManifestState {
  const s = stored as Omit<ManifestState, 'direction' | 'country'> &
    Partial<Pick<ManifestState, 'direction' | 'country'>>;
  return {
    ...s,
    direction: s.direction ?? 'outbound',
    country: s.country ?? null,
    entries: s.entries.map((e) => ({ ...e, handover: e.handover ?? null })),
  };
}

function summarise(state: ManifestState): ManifestSummary {
  const { entries, ...rest } = state;
  return { ...rest, people: entries.length, reconciliation: reconcile(state) };
}

/** Manifests, newest scheduled departure first, optionally by status. */
export async function listManifests(
  q: Q,
  filter: { status?: ManifestState['status']; direction?: ManifestState['direction']; limit?: number } = {},
): Promise<ManifestSummary[]> {
  let query = q.selectFrom('manifests').select('state').orderBy('scheduled_departure', 'desc').orderBy('id');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.direction) query = query.where('direction', '=', filter.direction);
  const rows = await query.limit(filter.limit ?? 200).execute();
  return rows.map((r) => summarise(manifestOf(r.state)));
}

/** The dashboard alarms: arrived manifests not reconciled at `now`, oldest first. */
export async function manifestAlarms(
  q: Q,
  now: Date,
  visible?: Expression<SqlBool>,
): Promise<ManifestAlarmView[]> {
  const rows = await q.selectFrom('manifests').select('state').where('status', '=', 'arrived').execute();
  const alarms: ManifestAlarmView[] = [];
  for (const row of rows) {
    const state = manifestOf(row.state);
    const a = alarm(state, now);
    if (!a) continue;
    const unaccounted = state.entries.filter((e) => a.unaccounted.includes(e.transferId));
    const people =
      unaccounted.length === 0
        ? []
        : await q
            .selectFrom('people')
            .select(['id', 'ref', 'given_names', 'paternal_surname', 'maternal_surname'])
            .where(
              'id',
              'in',
              unaccounted.map((e) => e.personId),
            )
            .where(visible ?? sql<SqlBool>`true`)
            .execute();
    const byId = new Map(people.map((p) => [p.id, p]));
    // A reader's scope (`visible`) names only the people it reaches; the alarm itself still shows.
    const entries = visible ? unaccounted.filter((e) => byId.has(e.personId)) : unaccounted;
    alarms.push({
      ...a,
      carrier: state.carrier,
      flightNumber: state.flightNumber,
      people: entries.map((e) => {
        const p = byId.get(e.personId);
        return {
          transferId: e.transferId,
          personId: e.personId,
          ref: p?.ref ?? e.personId,
          name: p
            ? fullName({ given: p.given_names, paternal: p.paternal_surname, maternal: p.maternal_surname })
            : '',
        };
      }),
    });
  }
  return alarms.sort((x, y) => x.since.localeCompare(y.since));
}

/** The manifests bound for a facility that have not arrived yet (open or departed). */
export async function manifestsBoundFor(q: Q, facilityId: string): Promise<ManifestState[]> {
  const rows = await q
    .selectFrom('manifests')
    .select('state')
    .where('facility_id', '=', facilityId)
    .where('direction', '=', 'outbound')
    .where('status', 'in', ['open', 'departed'])
    .execute();
  return rows.map((r) => manifestOf(r.state));
}
