import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { EventEnvelope } from '../ledger/events.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { fullName, searchable } from '../people/model.js';
import { evolve, type TransferEvent, type TransferState, transferEventTypes } from './model.js';

type Q = Db | Tx;

async function projectTransfer(tx: Tx, e: EventEnvelope<TransferEvent>): Promise<void> {
  const event = e.payload;
  const current = await loadTransfer(tx, event.transferId);
  const next = evolve(current ?? null, event);
  const at = new Date(e.recordedAt);
  if (current) {
    await tx
      .updateTable('transfers')
      .set({ status: next.status, state: JSON.stringify(next), version: next.version, updated_at: at })
      .where('id', '=', next.transferId)
      .execute();
  } else {
    await tx
      .insertInto('transfers')
      .values({
        id: next.transferId,
        person_id: next.personId,
        agreement_id: next.agreementId,
        status: next.status,
        direction: next.direction,
        return_of: next.returnOf,
        state: JSON.stringify(next),
        version: next.version,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const {
    type: _type,
    transferId: _id,
    from,
    to,
    action,
    actorId,
    role,
    reasonCode,
    at: _at,
    ...details
  } = event;
  await tx
    .insertInto('transfer_history')
    .values({
      transfer_id: event.transferId,
      version: next.version,
      action,
      from_status: from,
      to_status: to,
      actor: actorId,
      role,
      reason_code: reasonCode ?? null,
      at,
      details: JSON.stringify(details),
    })
    .execute();
  if (event.reservation) {
    // The trigger on agreement_places refuses a reservation beyond the bed allotment.
    await sql`insert into agreement_places (agreement_id, reserved) values (${event.agreementId}, ${Math.max(event.reservation, 0)})
      on conflict (agreement_id) do update set reserved = agreement_places.reserved + ${event.reservation}`.execute(
      tx,
    );
  }
}

/** Transfer event types and their projection: every transfer event goes through the pure `evolve`. */
export const transferEvents: FeatureEvents = {
  feature: 'transfers',
  tables: [
    { table: 'transfers', orderBy: 'id' },
    { table: 'transfer_history', orderBy: 'transfer_id, version' },
    { table: 'agreement_places', orderBy: 'agreement_id' },
  ],
  events: transferEventTypes.map((type) => projection(type, projectTransfer)),
};

/** The fields returns added to a transfer's state (decision 0023); a state stored before them lacks them. */
type ReturnFields = 'direction' | 'returnOf' | 'courtOrder' | 'country' | 'handover';

/** A stored state, with the fields of returns filled in for a transfer stored before them. */
function stateOf(stored: unknown): TransferState {
  const s = stored as Omit<TransferState, ReturnFields> & Partial<Pick<TransferState, ReturnFields>>;
  return {
    ...s,
    direction: s.direction ?? 'outbound',
    returnOf: s.returnOf ?? null,
    courtOrder: s.courtOrder ?? null,
    country: s.country ?? null,
    handover: s.handover ?? null,
  };
}

/** One transfer's state. */
export async function loadTransfer(q: Q, transferId: string): Promise<TransferState | undefined> {
  const row = await q.selectFrom('transfers').select('state').where('id', '=', transferId).executeTakeFirst();
  return row ? stateOf(row.state) : undefined;
}

/** The returns and repatriations of the person a transfer brought (`return_of`), oldest first. */
export async function leavingOf(q: Q, transferId: string): Promise<TransferState[]> {
  const rows = await q
    .selectFrom('transfers')
    .select('state')
    .where('return_of', '=', transferId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => stateOf(r.state));
}

/** A person's return or repatriation still under way (not yet handed over), if any. */
export async function openLeavingOf(q: Q, personId: string): Promise<TransferState | undefined> {
  const row = await q
    .selectFrom('transfers')
    .select('state')
    .where('person_id', '=', personId)
    .where('direction', '<>', 'outbound')
    .where('status', '<>', 'received')
    .executeTakeFirst();
  return row ? stateOf(row.state) : undefined;
}

/** A person's transfers that are not finished. */
export async function openTransfersOf(q: Q, personId: string): Promise<TransferState[]> {
  const rows = await q
    .selectFrom('transfers')
    .select('state')
    .where('person_id', '=', personId)
    .where('status', 'not in', ['received', 'cancelled', 'rejected', 'returned'])
    .execute();
  return rows.map((r) => stateOf(r.state));
}

/** Places reserved under an agreement's bed allotment. */
export async function reservedPlaces(q: Q, agreementId: string): Promise<number> {
  const row = await q
    .selectFrom('agreement_places')
    .select('reserved')
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  return row?.reserved ?? 0;
}

/** A transfer's timeline, oldest first. */
export async function transferHistory(q: Q, transferId: string) {
  return q
    .selectFrom('transfer_history')
    .selectAll()
    .where('transfer_id', '=', transferId)
    .orderBy('version')
    .execute();
}

/** A row of the transfers board: the transfer with its person and where it is listed. */
export interface TransferListItem {
  transferId: string;
  personId: string;
  ref: string;
  name: string;
  nationalities: string[];
  agreementId: string;
  status: TransferState['status'];
  holds: number;
  /** The newest screening: of a transition, or a re-screening after the person's facts changed. */
  lastScreening: TransferState['lastScreening'];
  manifestId: string | null;
  updatedAt: string;
}

/** Transfers for the board, newest first, filtered by status, agreement, nationality and name or ref text. */
export async function listTransfers(
  q: Q,
  filter: {
    status?: string[];
    agreementId?: string;
    nationality?: string;
    q?: string;
    limit?: number;
    visible?: Expression<SqlBool>;
  },
): Promise<TransferListItem[]> {
  let query = q
    .selectFrom('transfers')
    .innerJoin('people', 'people.id', 'transfers.person_id')
    .where(filter.visible ?? sql<SqlBool>`true`)
    .select([
      'transfers.id',
      'transfers.state',
      'transfers.updated_at',
      'people.ref',
      'people.given_names',
      'people.paternal_surname',
      'people.maternal_surname',
      'people.nationalities',
      (eb) =>
        eb
          .selectFrom('manifest_entries')
          .innerJoin('manifests', 'manifests.id', 'manifest_entries.manifest_id')
          .select('manifest_entries.manifest_id')
          .whereRef('manifest_entries.transfer_id', '=', 'transfers.id')
          .where((w) =>
            w.or([
              w('manifest_entries.exception_kind', 'is', null),
              w('manifest_entries.exception_kind', '<>', 'returned_before_departure'),
            ]),
          )
          .orderBy('manifests.created_at', 'desc')
          .limit(1)
          .as('manifest_id'),
    ])
    .orderBy('transfers.updated_at', 'desc')
    .orderBy('transfers.id');
  if (filter.status && filter.status.length > 0) query = query.where('transfers.status', 'in', filter.status);
  if (filter.agreementId) query = query.where('transfers.agreement_id', '=', filter.agreementId);
  if (filter.nationality) {
    query = query.where(sql<boolean>`${filter.nationality} = any(people.nationalities)`);
  }
  if (filter.q?.trim()) {
    const text = `%${searchable(filter.q)}%`;
    query = query.where((w) => w.or([w('people.search_text', 'like', text), w('people.ref', 'ilike', text)]));
  }
  const rows = await query.limit(filter.limit ?? 500).execute();
  // A change of facts re-screens without a transition: the newest screening is the later of the two.
  const rescreened =
    rows.length === 0
      ? []
      : await q
          .selectFrom('screenings')
          .distinctOn('transfer_id')
          .select(['transfer_id', 'outcome', 'recorded_at', 'inputs_hash', 'policy_version'])
          .where(
            'transfer_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('transfer_id')
          .orderBy('recorded_at', 'desc')
          .execute();
  const latest = new Map(rescreened.map((x) => [x.transfer_id, x]));
  return rows.map((r) => {
    const state = r.state as TransferState;
    const again = latest.get(r.id);
    const lastScreening =
      again && (!state.lastScreening || again.recorded_at.toISOString() > state.lastScreening.screenedAt)
        ? {
            outcome: again.outcome,
            inputsHash: again.inputs_hash,
            policyVersion: again.policy_version,
            screenedAt: again.recorded_at.toISOString(),
          }
        : state.lastScreening;
    return {
      transferId: r.id,
      personId: state.personId,
      ref: r.ref,
      name: fullName({ given: r.given_names, paternal: r.paternal_surname, maternal: r.maternal_surname }),
      nationalities: r.nationalities,
      agreementId: state.agreementId,
      status: state.status,
      holds: state.holds.length,
      lastScreening,
      manifestId: r.manifest_id ?? null,
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

/** Counts of transfers by state, with the board's filters other than state. */
export async function transferCounts(
  q: Q,
  filter: { agreementId?: string; nationality?: string; q?: string; visible?: Expression<SqlBool> } = {},
): Promise<Record<string, number>> {
  let query = q
    .selectFrom('transfers')
    .select(['transfers.status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('transfers.status');
  if (filter.agreementId) query = query.where('transfers.agreement_id', '=', filter.agreementId);
  // Without a filter on people (the dashboard's figures) the transfers alone are counted: no join that the
  // planner could answer by reading the whole roster.
  const { visible, nationality } = filter;
  const text = filter.q?.trim() ? `%${searchable(filter.q)}%` : undefined;
  if (visible || nationality || text) {
    query = query.where('transfers.person_id', 'in', (eb) => {
      let people = eb
        .selectFrom('people')
        .select('people.id')
        .where(visible ?? sql<SqlBool>`true`);
      if (nationality) people = people.where(sql<boolean>`${nationality} = any(people.nationalities)`);
      if (text) {
        people = people.where((w) =>
          w.or([w('people.search_text', 'like', text), w('people.ref', 'ilike', text)]),
        );
      }
      return people;
    });
  }
  const rows = await query.execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
