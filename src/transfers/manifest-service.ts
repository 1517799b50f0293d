import { findAgreement } from '../agreements/store.js';
import { type PolicyActor, policyActorOf, scopeOf } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate } from '../core/dates.js';
import { DomainError, notFound } from '../core/errors.js';
import { CUSTODY_EVENTS, decideRelease, RELEASE_EVENT, startCustody } from '../custody/model.js';
import { openInterval, requireNoOpenInterval } from '../custody/store.js';
import type { Db, Tx } from '../db/database.js';
import { findFacility } from '../facilities/store.js';
import type { Actor, NewEvent } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { peopleFilter } from '../parties/scope.js';
import { fullName } from '../people/model.js';
import { findPerson } from '../people/store.js';
import { refusal } from './decision-support.js';
import {
  alarm,
  type CreateManifestCommand,
  decideAddTransfer,
  decideArrive,
  decideBoard,
  decideClose,
  decideCreateManifest,
  decideDepart,
  decideException,
  decideHandOver,
  decideReceive,
  decideRemoveTransfer,
  type IdentityCheck,
  type ManifestContext,
  type ManifestEvent,
  type ManifestExceptionKind,
  type ManifestState,
  reconcile,
  type ZonedTime,
} from './manifest.js';
import { loadManifest, personOnOtherManifest, transfersOnOtherManifests } from './manifest-store.js';
import { decideTransition, evolve, type Handover, holdsParams, type TransferState } from './model.js';
import { activeHoldsOf, decideInTx, type TransferDecision } from './service.js';
import { isLeaving } from './states.js';
import * as store from './store.js';

/**
 * The transport manifest's use cases (docs/domain.md, Transport manifests). Each runs in one
 * transaction and records the manifest event together with what it means for the transfers:
 * - adding an accepted transfer schedules it (a fresh, eligible screening as of the scheduled departure);
 * - boarding a person checks, at that moment, what departure will check: the hold and a fresh screening;
 * - departure moves every boarded transfer to in_transit, each with a screening made at that moment (the
 *   last line of defence against a TRO issued that morning), or refuses naming everyone who cannot go;
 * - intake receives the transfer, starts the custody interval and the Rule 68 notification obligation.
 * A manifest out of the facility (a return or a repatriation, decision 0023) is the mirror image: adding
 * schedules an ordered transfer of a person in custody there; departure puts them in transit and closes
 * their custody interval at the actual departure (the cell is vacated, billing stops); at the destination
 * each person is handed over to a named agency or authority instead of intake.
 */

function manifestEntry(event: ManifestEvent, newStream = false): NewEvent {
  return {
    type: event.type,
    streamId: `manifest:${event.manifestId}`,
    payload: event,
    ...(newStream ? { newStream: true } : {}),
  };
}

function decisionCtx(actor: Actor, now: Date): ManifestContext {
  return { now, actor: policyActorOf(actor) };
}

async function requireManifest(tx: Db | Tx, manifestId: string): Promise<ManifestState> {
  const state = await loadManifest(tx, manifestId);
  if (!state) throw notFound('manifest', manifestId);
  return state;
}

/**
 * One decision on a manifest: in one transaction, load it, decide (the events to record), record them;
 * then return the manifest as recorded.
 */
async function onManifest(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
  decide: (manifest: ManifestState, tx: Tx, now: Date) => Promise<NewEvent[]>,
): Promise<ManifestState> {
  await transact(ctx, actor, async (tx, now) => ({
    events: await decide(await requireManifest(tx, manifestId), tx, now),
    result: null,
  }));
  return requireManifest(ctx.handle.db, manifestId);
}

async function requireTransfer(tx: Tx, transferId: string): Promise<TransferState> {
  const state = await store.loadTransfer(tx, transferId);
  if (!state) throw notFound('transfer', transferId);
  return state;
}

/** A person's ref and name, for messages that a person at a plane door can act on. */
async function who(tx: Tx, personId: string): Promise<string> {
  const p = await findPerson(tx, personId);
  if (!p) return personId;
  const name = fullName(p.names);
  return `${p.ref} (${name})`;
}

/**
 * The departure decision for one transfer, made now as of `asOf`: an active hold refuses first, by name;
 * otherwise the state machine's `depart` rule with a fresh screening decides.
 */
async function decideDeparture(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  transfer: TransferState,
  now: Date,
  asOf: string,
  moment: 'board' | 'depart',
): Promise<TransferDecision> {
  const person = await findPerson(tx, transfer.personId);
  if (!person) throw notFound('person', transfer.personId);
  // Nobody is both in custody and in transit: a person already held cannot board an outbound movement.
  const held = await openInterval(tx, transfer.personId);
  if (held) {
    const facility = await findFacility(tx, held.facility_id);
    throw refusal(
      'manifest.person_in_custody',
      { person: await who(tx, transfer.personId), facility: facility?.name ?? held.facility_id },
      { rule: 'one-place', transferId: transfer.transferId, intervalId: held.id },
    );
  }
  const holds = activeHoldsOf(person, asOf);
  if (holds.length > 0) {
    throw refusal(
      'manifest.hold_in_force',
      {
        person: await who(tx, transfer.personId),
        moment,
        status: transfer.status,
        ...holdsParams(holds),
      },
      {
        rule: 'no-active-hold',
        transferId: transfer.transferId,
        personId: transfer.personId,
        transferStatus: transfer.status,
        holds,
      },
    );
  }
  return departStep(ctx, tx, actor, transfer, now, asOf);
}

/** The transfer's `depart` step, decided now as of `asOf`. */
function departStep(ctx: AppContext, tx: Tx, actor: Actor, transfer: TransferState, now: Date, asOf: string) {
  return decideInTx(
    ctx,
    tx,
    actor,
    transfer,
    { action: 'depart', transferId: transfer.transferId },
    now,
    asOf,
  );
}

/** Refuses a person already on another manifest's movement (added or boarded, not yet accounted for). */
async function requireNotElsewhere(tx: Tx, manifestId: string, personId: string): Promise<void> {
  const other = await personOnOtherManifest(tx, manifestId, personId);
  if (other) {
    throw refusal(
      'manifest.person_elsewhere',
      { person: await who(tx, personId), manifestId: other },
      { rule: 'manifest-one-place', personId, manifestId: other },
    );
  }
}

/** Refuses to carry out of a facility someone not in custody there. */
async function requireHeldAt(tx: Tx, personId: string, facilityId: string) {
  const open = await openInterval(tx, personId);
  if (!open || open.facility_id !== facilityId) {
    throw refusal(
      'transfer.leaving_not_in_custody',
      { person: await who(tx, personId) },
      { rule: 'leaving-from-custody', personId, facilityId },
    );
  }
  return open;
}

/** Creates a manifest: bound for a receiving facility, or, for a return or repatriation, leaving it. */
export async function createManifest(
  ctx: AppContext,
  actor: Actor,
  command: CreateManifestCommand,
): Promise<ManifestState> {
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const facility = await findFacility(tx, command.facilityId);
    if (!facility) throw notFound('facility', command.facilityId);
    const event = decideCreateManifest(
      { ...command, facilityId: facility.id },
      { ...decisionCtx(actor, now), newId: ctx.newId },
    );
    return { events: [manifestEntry(event, true)], result: event.manifestId };
  });
  return requireManifest(ctx.handle.db, result);
}

/**
 * Adds a transfer to an open manifest. An accepted transfer is scheduled onto it in the same
 * transaction, with a fresh screening as of the scheduled departure date that must be eligible.
 */
export async function addToManifest(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
  transferId: string,
): Promise<ManifestState> {
  return onManifest(ctx, actor, manifestId, async (manifest, tx, now) => {
    let transfer = await requireTransfer(tx, transferId);
    const agreement = await findAgreement(tx, transfer.agreementId);
    if (!agreement?.facilityIds.includes(manifest.facilityId)) {
      throw refusal(
        'manifest.facility_not_covered',
        { transferId, agreement: agreement?.code ?? transfer.agreementId },
        { rule: 'manifest-facility', transferId, facilityId: manifest.facilityId },
      );
    }
    await requireNotElsewhere(tx, manifest.manifestId, transfer.personId);
    if (isLeaving(manifest.direction)) await requireHeldAt(tx, transfer.personId, manifest.facilityId);
    const events: NewEvent[] = [];
    // Only a transfer going the manifest's way is scheduled onto it; any other is refused below, by name.
    const sameWay = transfer.direction === manifest.direction;
    if (sameWay && (transfer.status === 'accepted' || transfer.status === 'ordered')) {
      const asOf = localDate(manifest.scheduledDeparture.instant, manifest.scheduledDeparture.zone);
      const scheduled = await decideInTx(
        ctx,
        tx,
        actor,
        transfer,
        { action: 'schedule', transferId, manifestId },
        now,
        asOf,
      );
      events.push(...scheduled.entries);
      transfer = evolve(transfer, scheduled.event);
    }
    const elsewhere = await transfersOnOtherManifests(tx, manifestId, transferId);
    events.push(manifestEntry(decideAddTransfer(manifest, transfer, decisionCtx(actor, now), elsewhere)));
    return events;
  });
}

/** Removes an entry that has not boarded; the transfer stays scheduled for another manifest. */
export async function removeFromManifest(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
  transferId: string,
): Promise<ManifestState> {
  return onManifest(ctx, actor, manifestId, async (manifest, _tx, now) => {
    return [manifestEntry(decideRemoveTransfer(manifest, transferId, decisionCtx(actor, now)))];
  });
}

/**
 * Confirms one person's boarding. The person boards only if departure would let them go now: no active
 * hold, the transfer still scheduled, and a fresh screening (as of today in the departure's zone) eligible.
 */
export async function boardPerson(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
  transferId: string,
): Promise<ManifestState> {
  return onManifest(ctx, actor, manifestId, async (manifest, tx, now) => {
    const event = decideBoard(manifest, transferId, decisionCtx(actor, now));
    const transfer = await requireTransfer(tx, transferId);
    // Out of the facility, the person boards if still held there; no screening or hold stops a return. A
    // repatriation a legal hold stopped (on_hold) does not board: the departure it would take is refused.
    if (isLeaving(manifest.direction)) {
      await requireHeldAt(tx, transfer.personId, manifest.facilityId);
      if (transfer.status !== 'scheduled') {
        decideTransition(transfer, { action: 'depart', transferId }, { now, actor: policyActorOf(actor) });
      }
      return [manifestEntry(event)];
    }
    await decideDeparture(
      ctx,
      tx,
      actor,
      transfer,
      now,
      localDate(now, manifest.scheduledDeparture.zone),
      'board',
    );
    return [manifestEntry(event)];
  });
}

/**
 * Records departure: every boarded transfer goes in_transit with a screening made at this moment. If any
 * cannot (a hold since boarding, an ineligible screening), nothing departs and every one is named.
 */
export async function departManifest(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
  actual?: ZonedTime,
): Promise<ManifestState> {
  return onManifest(ctx, actor, manifestId, async (manifest, tx, now) => {
    const departed = decideDepart(manifest, decisionCtx(actor, now), actual);
    const asOf = localDate(
      departed.type === 'manifest.departed' ? departed.actual.instant : now,
      manifest.scheduledDeparture.zone,
    );
    const events: NewEvent[] = [manifestEntry(departed)];
    const refused: { transferId: string; message: string }[] = [];
    // Each refusal in Spanish too, so the whole answer can be given in the reader's language.
    const refusedEs: string[] = [];
    for (const entry of manifest.entries.filter((e) => e.status === 'boarded')) {
      try {
        const transfer = await requireTransfer(tx, entry.transferId);
        if (isLeaving(manifest.direction) && departed.type === 'manifest.departed') {
          events.push(
            ...(await leavingDeparture(ctx, tx, actor, manifest, transfer, departed.actual.instant, now)),
          );
          continue;
        }
        events.push(...(await decideDeparture(ctx, tx, actor, transfer, now, asOf, 'depart')).entries);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === 'internal') throw error;
        refused.push({ transferId: entry.transferId, message: error.message });
        refusedEs.push(error.localized('es'));
      }
    }
    if (refused.length > 0) {
      throw refusal(
        'manifest.departure_refused',
        {
          manifestId,
          count: refused.length,
          refusalsEn: refused.map((r) => r.message),
          refusalsEs: refusedEs,
        },
        { rule: 'manifest-departure-check', refused },
      );
    }
    return events;
  });
}

/**
 * One person leaving the facility on a return or repatriation manifest: the transfer goes in transit and
 * the custody interval closes at the actual departure, with the reason (court_ordered_return or
 * repatriation); the custody projection vacates the cell, and billing counts days up to the day before.
 */
async function leavingDeparture(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  manifest: ManifestState,
  transfer: TransferState,
  departedAt: string,
  now: Date,
): Promise<NewEvent[]> {
  const interval = await requireHeldAt(tx, transfer.personId, manifest.facilityId);
  const moved = await departStep(ctx, tx, actor, transfer, now, departedAt.slice(0, 10));
  const released = decideRelease(
    {
      id: interval.id,
      personId: transfer.personId,
      facilityId: interval.facility_id,
      startedAt: interval.started_at,
    },
    {
      reason: manifest.direction === 'return' ? 'court_ordered_return' : 'repatriation',
      at: departedAt,
      note: `${manifest.carrier} ${manifest.flightNumber} (manifest ${manifest.manifestId})`,
    },
    now,
  );
  return [
    ...moved.entries,
    { type: RELEASE_EVENT, streamId: `person:${transfer.personId}`, payload: released },
  ];
}

/** Records arrival at the destination. */
export async function arriveManifest(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
  actual?: ZonedTime,
): Promise<ManifestState> {
  return onManifest(ctx, actor, manifestId, async (manifest, _tx, now) => {
    return [manifestEntry(decideArrive(manifest, decisionCtx(actor, now), actual))];
  });
}

/**
 * Confirms one person's intake with an identity check by the acting officer: the transfer is received,
 * the custody interval starts at the receiving facility, and the Rule 68 notification falls due.
 */
export async function receivePerson(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
  transferId: string,
  identity: Omit<IdentityCheck, 'checkedBy'>,
): Promise<ManifestState> {
  return onManifest(ctx, actor, manifestId, async (manifest, tx, now) => {
    const received = decideReceive(
      manifest,
      transferId,
      { ...identity, checkedBy: actor.id },
      decisionCtx(actor, now),
    );
    const transfer = await requireTransfer(tx, transferId);
    const arrivedOn = localDate(now, manifest.scheduledArrival.zone);
    const intake = await decideInTx(
      ctx,
      tx,
      actor,
      transfer,
      { action: 'receive', transferId },
      now,
      arrivedOn,
    );
    await requireNoOpenInterval(tx, transfer.personId);
    const custody = startCustody(
      {
        personId: transfer.personId,
        agreementId: transfer.agreementId,
        facilityId: manifest.facilityId,
        transferId,
        manifestId,
        at: now,
      },
      ctx.newId,
    );
    return [
      manifestEntry(received),
      ...intake.entries,
      { type: CUSTODY_EVENTS.started, streamId: `person:${transfer.personId}`, payload: custody },
      ...(await ctx.reactions.custodyStarted(ctx, tx, transfer.personId, now)),
    ];
  });
}

/**
 * Records the handover of one person at the end of a return or repatriation: who took them (the agency or
 * authority, and its officer, by name); the transfer is received by them. A return is handed over to one of
 * the agreement's sending agencies.
 */
export async function handOverPerson(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
  transferId: string,
  handover: Handover,
): Promise<ManifestState> {
  return onManifest(ctx, actor, manifestId, async (manifest, tx, now) => {
    const handed = decideHandOver(manifest, transferId, handover, decisionCtx(actor, now));
    if (handed.type !== 'manifest.handed_over') return [manifestEntry(handed)];
    const transfer = await requireTransfer(tx, transferId);
    if (manifest.direction === 'return') {
      const agencies = (await findAgreement(tx, transfer.agreementId))?.sendingAgencies ?? [];
      if (!agencies.includes(handed.handover.agency)) {
        throw refusal(
          'manifest.handover_agency_unknown',
          { agency: handed.handover.agency, agencies },
          { rule: 'named-handover', agency: handed.handover.agency, agencies },
        );
      }
    }
    const received = await decideInTx(
      ctx,
      tx,
      actor,
      transfer,
      { action: 'receive', transferId, handover: handed.handover },
      now,
      localDate(now, manifest.scheduledArrival.zone),
    );
    return [manifestEntry(handed), ...received.entries];
  });
}

/** Records an explained exception that accounts for one person instead of intake. */
export async function recordManifestException(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
  transferId: string,
  kind: ManifestExceptionKind,
  explanation: string,
): Promise<ManifestState> {
  return onManifest(ctx, actor, manifestId, async (manifest, _tx, now) => {
    return [manifestEntry(decideException(manifest, transferId, kind, explanation, decisionCtx(actor, now)))];
  });
}

/** Closes a reconciled manifest; refuses, naming them, while anyone who boarded is unaccounted for. */
export async function closeManifest(
  ctx: AppContext,
  actor: Actor,
  manifestId: string,
): Promise<ManifestState> {
  return onManifest(ctx, actor, manifestId, async (manifest, _tx, now) => {
    return [manifestEntry(decideClose(manifest, decisionCtx(actor, now)))];
  });
}

/** The people of `entries` whose transfers `reader` may read (one query; none asked for a grant of scope `all`). */
async function visiblePeople(
  ctx: AppContext,
  reader: PolicyActor,
  entries: readonly { personId: string }[],
): Promise<Set<string> | undefined> {
  if (scopeOf(reader.role, 'transfers:read') === 'all') return undefined;
  const ids = [...new Set(entries.map((e) => e.personId))];
  if (ids.length === 0) return new Set();
  const rows = await ctx.handle.db
    .selectFrom('people')
    .select('id')
    .where('id', 'in', ids)
    .where(peopleFilter(ctx, reader, 'transfers:read', 'people.id'))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * One manifest for its page: the state, each entry with the person's ref and name, the transfer's state
 * and any hold in force today, the reconciliation and the alarm.
 */
export async function manifestView(ctx: AppContext, manifestId: string, reader?: PolicyActor) {
  const db = ctx.handle.db;
  const state = await requireManifest(db, manifestId);
  const now = ctx.clock.now();
  const today = localDate(now, state.scheduledDeparture.zone);
  const facility = await findFacility(db, state.facilityId);
  // A reader with a scope (a monitor) sees the entries of the people it may read; the reconciliation
  // still counts everyone aboard.
  const shown = reader ? await visiblePeople(ctx, reader, state.entries) : undefined;
  const entries = [];
  for (const e of state.entries) {
    if (shown && !shown.has(e.personId)) continue;
    const person = await findPerson(db, e.personId);
    const transfer = await store.loadTransfer(db, e.transferId);
    entries.push({
      ...e,
      person: person
        ? {
            id: person.id,
            ref: person.ref,
            name: fullName(person.names),
            nationalities: person.nationalities,
          }
        : null,
      transferStatus: transfer?.status ?? null,
      activeHolds: person ? activeHoldsOf(person, today) : [],
    });
  }
  return {
    ...state,
    facility: facility
      ? { id: facility.id, code: facility.code, name: facility.name, timeZone: facility.timeZone }
      : null,
    entries,
    reconciliation: reconcile(state),
    alarm: alarm(state, now),
  };
}
