import type { AppContext, RescreenReason } from '../context.js';
import { localDate } from '../core/dates.js';
import { event } from '../core/events.js';
import type { Tx } from '../db/database.js';
import { screen } from '../eligibility/engine.js';
import { screeningEvent, screeningRecordedOf } from '../eligibility/events.js';
import { policyAt } from '../eligibility/service.js';
import type { NewEvent } from '../ledger/events.js';
import { recordOf } from '../people/model.js';
import { findPerson } from '../people/store.js';
import { loadManifest, manifestOfTransfer } from './manifest-store.js';
import { PRE_DEPARTURE_STATUSES, type TransferStatus } from './model.js';

/** The transfer states a change of facts re-screens: every open one that has not departed. */
const RESCREENED: readonly TransferStatus[] = [...PRE_DEPARTURE_STATUSES, 'on_hold'];

/**
 * docs/domain.md, Eligibility: "A change of facts re-screens every open transfer of that person." For each
 * open, pre-departure transfer of these people, a screening of the record as now stored, as of the
 * transfer's planned date (its manifest's scheduled departure, else today), linked to the transfer.
 * Call it once the changed record is projected, in the same transaction (`Decision.followUp`).
 */
export async function rescreenOpenTransfers(
  ctx: Pick<AppContext, 'newId'>,
  tx: Tx,
  personIds: readonly string[],
  reason: RescreenReason,
  now: Date,
): Promise<NewEvent[]> {
  if (personIds.length === 0) return [];
  const transfers = await tx
    .selectFrom('transfers')
    .select(['id', 'person_id'])
    .where('person_id', 'in', [...new Set(personIds)])
    .where('status', 'in', [...RESCREENED])
    .orderBy('id')
    .execute();
  const events: NewEvent[] = [];
  for (const t of transfers) {
    const person = await findPerson(tx, t.person_id);
    if (!person || person.withdrawnReason) continue;
    const manifestId = await manifestOfTransfer(tx, t.id);
    const manifest = manifestId ? await loadManifest(tx, manifestId) : undefined;
    const asOf = manifest
      ? localDate(manifest.scheduledDeparture.instant, manifest.scheduledDeparture.zone)
      : now.toISOString().slice(0, 10);
    const { policy, version } = await policyAt(tx, person.agreementId, asOf);
    const s = screen(recordOf(person), policy, asOf);
    const payload = screeningRecordedOf(ctx.newId(), person, s, version, { transferId: t.id, reason });
    events.push(event(screeningEvent.recorded, `person:${person.id}`, payload));
  }
  return events;
}
