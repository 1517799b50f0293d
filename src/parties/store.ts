import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { codeKey, type Party, type PartyKind, partyEvent, type Representation } from './model.js';

type Q = Db | Tx;

/** Projections for parties and representations. */
export const partyEvents: FeatureEvents = {
  feature: 'parties',
  tables: [
    { table: 'parties', orderBy: 'id' },
    { table: 'representations', orderBy: 'id' },
    { table: 'person_seals', orderBy: 'person_id' },
  ],
  events: [
    projection(partyEvent.registered, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('parties')
        .values({
          id: p.partyId,
          kind: p.kind,
          code: p.code,
          code_key: codeKey(p.code),
          name: p.name,
          person_id: p.personId,
          created_at: new Date(p.at),
        })
        .execute();
    }),
    projection(partyEvent.representationRecorded, async (tx, e) => {
      const p = e.payload;
      const at = new Date(p.at);
      await tx
        .insertInto('representations')
        .values({
          id: p.representationId,
          person_id: p.personId,
          agreement_id: p.agreementId,
          office_id: p.officeId,
          from_date: p.from,
          to_date: p.to,
          source: p.source,
          // Recorded by sending legal or a court: in force at once. A notice of appearance waits.
          confirmed_at: p.source === 'recorded' ? at : null,
          recorded_at: at,
          recorded_by: e.actor,
        })
        .execute();
    }),
    projection(partyEvent.representationConfirmed, async (tx, e) => {
      await tx
        .updateTable('representations')
        .set({ confirmed_at: new Date(e.payload.at) })
        .where('id', '=', e.payload.representationId)
        .execute();
    }),
    projection(partyEvent.personSealed, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('person_seals')
        .values({
          person_id: p.personId,
          court: p.court,
          order_ref: p.order,
          sealed_on: p.on,
          sealed_at: new Date(p.at),
          sealed_by: p.by,
        })
        .execute();
    }),
    projection(partyEvent.representationEnded, async (tx, e) => {
      await tx
        .updateTable('representations')
        .set({ to_date: e.payload.to })
        .where('id', '=', e.payload.representationId)
        .execute();
    }),
  ],
};

const partyColumns = ['id', 'kind', 'code', 'name', 'person_id'] as const;

function toParty(row: {
  id: string;
  kind: string;
  code: string;
  name: string;
  person_id: string | null;
}): Party {
  return { id: row.id, kind: row.kind as PartyKind, code: row.code, name: row.name, personId: row.person_id };
}

/** Every party, by kind then code. */
export async function listParties(q: Q, kind?: PartyKind): Promise<Party[]> {
  let query = q.selectFrom('parties').select(partyColumns);
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.orderBy('kind').orderBy('code_key').execute();
  return rows.map(toParty);
}

/** The party with this code (compared without case or accents) or id, if any. */
export async function findParty(q: Q, codeOrId: string): Promise<Party | undefined> {
  const row = await q
    .selectFrom('parties')
    .select(partyColumns)
    .where((eb) =>
      /^[0-9a-f-]{36}$/i.test(codeOrId)
        ? eb.or([eb('id', '=', codeOrId), eb('code_key', '=', codeKey(codeOrId))])
        : eb('code_key', '=', codeKey(codeOrId)),
    )
    .executeTakeFirst();
  return row ? toParty(row) : undefined;
}

function toRepresentation(row: {
  id: string;
  person_id: string;
  agreement_id: string;
  office_id: string;
  from_date: string;
  to_date: string | null;
  source: string;
  confirmed_at: Date | null;
}): Representation {
  return {
    id: row.id,
    personId: row.person_id,
    agreementId: row.agreement_id,
    officeId: row.office_id,
    from: row.from_date,
    to: row.to_date,
    source: row.source === 'appearance' ? 'appearance' : 'recorded',
    confirmedAt: row.confirmed_at ? row.confirmed_at.toISOString() : null,
  };
}

const representationColumns = [
  'id',
  'person_id',
  'agreement_id',
  'office_id',
  'from_date',
  'to_date',
  'source',
  'confirmed_at',
] as const;

/** The representations of a person, or of an office, oldest first. */
export async function listRepresentations(
  q: Q,
  filter: { personId?: string; officeId?: string },
): Promise<Representation[]> {
  let query = q.selectFrom('representations').select(representationColumns);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.officeId) query = query.where('office_id', '=', filter.officeId);
  const rows = await query.orderBy('from_date').orderBy('id').execute();
  return rows.map(toRepresentation);
}

/** One representation by id, if it exists. */
export async function findRepresentation(q: Q, id: string): Promise<Representation | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await q
    .selectFrom('representations')
    .select(representationColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRepresentation(row) : undefined;
}
