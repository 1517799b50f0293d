import type { AppContext } from '../context.js';
import type { FixedClock } from '../core/clock.js';
import { parsePeople } from '../people/import-format.js';
import type { PersonRecordInput } from '../people/model.js';
import { importPeople } from '../people/service.js';
import {
  addToManifest,
  arriveManifest,
  boardPerson,
  createManifest,
  departManifest,
  receivePerson,
} from '../transfers/manifest-service.js';
import { act } from '../transfers/service.js';
import { anActor } from './context.js';
import { aManifest } from './factories.js';

async function* text(s: string) {
  yield s;
}

/**
 * Takes `people` through the real transfer flow into custody at a facility: imported, nominated,
 * screened, approved, accepted, put on one manifest (departing at the clock's time), boarded, flown four
 * hours and received, in the order given. Returns their transfer ids by ref.
 */
export async function receivePeople(
  ctx: AppContext & { clock: FixedClock },
  ids: { agreementId: string; facilityId: string },
  people: readonly PersonRecordInput[],
): Promise<Map<string, string>> {
  const officer = anActor('sending_officer');
  const legal = anActor('sending_legal');
  const receiving = anActor('receiving_officer');
  const file = people.map((p) => JSON.stringify(p)).join('\n');
  await importPeople(ctx, officer, ids.agreementId, parsePeople(text(file), 'ndjson'));
  const rows = await ctx.handle.db
    .selectFrom('people')
    .select(['id', 'ref'])
    .where(
      'ref',
      'in',
      people.map((p) => p.ref),
    )
    .execute();
  const idOf = new Map(rows.map((r) => [r.ref, r.id]));
  const { manifestId } = await createManifest(ctx, officer, aManifest(ids.facilityId));
  const transfers = new Map<string, string>();
  for (const p of people) {
    const personId = idOf.get(p.ref)!;
    const { transferId } = await act(ctx, officer, {
      action: 'nominate',
      personId,
      agreementId: ids.agreementId,
    });
    await act(ctx, legal, { action: 'screen', transferId });
    await act(ctx, legal, { action: 'approve', transferId });
    await act(ctx, receiving, { action: 'accept', transferId });
    await addToManifest(ctx, officer, manifestId, transferId);
    await boardPerson(ctx, officer, manifestId, transferId);
    transfers.set(p.ref, transferId);
  }
  await departManifest(ctx, officer, manifestId);
  ctx.clock.advance(4 * 3_600_000);
  await arriveManifest(ctx, receiving, manifestId);
  for (const p of people) {
    await receivePerson(ctx, receiving, manifestId, transfers.get(p.ref)!, {
      method: 'biometric',
      matched: true,
    });
  }
  return transfers;
}
