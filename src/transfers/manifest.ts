import { z } from 'zod';
import { type Action, authorize } from '../auth/policy.js';
import { Temporal } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import { MANIFEST_STEPS, type ManifestStep } from '../core/messages/transfer-words.js';
import { bad, nonEmpty, refusal, requireNow } from './decision-support.js';
import { type Handover, handoverSchema, requireHandover, type TransferState } from './model.js';
import {
  DIRECTIONS,
  type Direction,
  ENTRY_STATUSES,
  type EntryStatus,
  isLeaving,
  MANIFEST_EXCEPTIONS,
  MANIFEST_STATUSES,
  type ManifestExceptionKind,
  type ManifestStatus,
} from './states.js';

export {
  DIRECTIONS,
  type Direction,
  ENTRY_STATUSES,
  type EntryStatus,
  MANIFEST_EXCEPTIONS,
  MANIFEST_STATUSES,
  type ManifestExceptionKind,
  type ManifestStatus,
};

/**
 * The transport manifest (docs/domain.md, Transport manifests). Pure: time, ids and the transfers
 * already on other manifests are parameters. A service loads those facts, calls a `decide*` function,
 * appends the event and projects it with `evolveManifest`.
 *
 * Choices where docs/domain.md is silent: an added entry that will not travel is removed (`decideRemoveTransfer`)
 * or marked `returned_before_departure`; `medical_diversion` is declared once the movement has departed,
 * `missing_after_transport` once it has arrived; the counts of `reconcile` cover people who boarded only.
 */

/** The decisions on a manifest; who may make each is the access policy's `manifest:<decision>` (auth/policy.ts). */
export const MANIFEST_DECISIONS = [
  'create',
  'add',
  'remove',
  'board',
  'depart',
  'arrive',
  'receive',
  'hand_over',
  ...MANIFEST_EXCEPTIONS,
  'close',
] as const;
/** A manifest decision. */
export type ManifestDecision = (typeof MANIFEST_DECISIONS)[number];

/** An instant with the IANA zone it is read in, e.g. `{ instant: '2025-03-15T14:00:00Z', zone: 'America/El_Salvador' }`. */
export const zonedTimeSchema = z.object({
  /** ISO 8601 instant with offset or Z. */
  instant: z.string(),
  /** IANA time zone name. */
  zone: z.string(),
});
export type ZonedTime = z.output<typeof zonedTimeSchema>;

/** An identity check at intake. */
export const identityCheckSchema = z.object({
  method: z.enum(['biometric', 'document']),
  matched: z.boolean(),
  /** The id of the officer who made the check. */
  checkedBy: z.string(),
});
export type IdentityCheck = z.output<typeof identityCheckSchema>;

/** The explained exception that accounts for a person. */
export interface ManifestException {
  kind: ManifestExceptionKind;
  explanation: string;
  at: string;
  by: string;
}

/** One transfer on a manifest. */
export interface ManifestEntry {
  transferId: string;
  personId: string;
  status: EntryStatus;
  addedAt: string;
  boardedAt: string | null;
  boardedBy: string | null;
  receivedAt: string | null;
  receivedBy: string | null;
  identity: IdentityCheck | null;
  /** On a return or repatriation manifest: who took the person at the destination (`receivedAt` is when). */
  handover: Handover | null;
  exception: ManifestException | null;
}

/** A manifest as `evolveManifest` builds it from its events. */
export interface ManifestState {
  manifestId: string;
  /** `outbound` into the facility, or a `return` or `repatriation` out of it (decision 0023). */
  direction: Direction;
  /** The receiving facility: where an outbound manifest's intake starts custody, or where a return leaves from. */
  facilityId: string;
  /** A repatriation's country of destination (ISO 3166 alpha-2); null otherwise. */
  country: string | null;
  carrier: string;
  flightNumber: string;
  origin: string;
  destination: string;
  scheduledDeparture: ZonedTime;
  scheduledArrival: ZonedTime;
  actualDeparture: ZonedTime | null;
  actualArrival: ZonedTime | null;
  status: ManifestStatus;
  entries: readonly ManifestEntry[];
  /** The number of events applied. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The facts every manifest decision needs. */
export interface ManifestContext {
  now: Date;
  actor: { id: string; role: string };
}

/** What creating a manifest needs. */
export const createManifestCommandSchema = z.object({
  /** Which way it moves people; absent on manifests recorded before returns, which were all outbound. */
  direction: z.enum(DIRECTIONS).optional(),
  /** The receiving facility: where intake starts custody, or, for a return or repatriation, where it ends. */
  facilityId: z.string(),
  /** A repatriation's country of destination (ISO 3166 alpha-2). */
  country: z.string().optional(),
  carrier: z.string(),
  flightNumber: z.string(),
  origin: z.string(),
  destination: z.string(),
  scheduledDeparture: zonedTimeSchema,
  scheduledArrival: zonedTimeSchema,
});
export type CreateManifestCommand = z.output<typeof createManifestCommandSchema>;

/** What every manifest event records: which manifest, who decided, in which role, and when. */
const eventBase = {
  manifestId: z.string(),
  actorId: z.string(),
  role: z.string(),
  /** The instant of the decision (ISO 8601). */
  at: z.string(),
};
type EventBase = z.output<z.ZodObject<typeof eventBase>>;

/** Each manifest event's payload; its `type` is the event's own name. */
const manifestEventSchemas = [
  z.object({ ...eventBase, type: z.literal('manifest.created'), manifest: createManifestCommandSchema }),
  z.object({
    ...eventBase,
    type: z.literal('manifest.transfer_added'),
    transferId: z.string(),
    personId: z.string(),
  }),
  z.object({ ...eventBase, type: z.literal('manifest.transfer_removed'), transferId: z.string() }),
  z.object({ ...eventBase, type: z.literal('manifest.boarded'), transferId: z.string() }),
  z.object({ ...eventBase, type: z.literal('manifest.departed'), actual: zonedTimeSchema }),
  z.object({ ...eventBase, type: z.literal('manifest.arrived'), actual: zonedTimeSchema }),
  z.object({
    ...eventBase,
    type: z.literal('manifest.received'),
    transferId: z.string(),
    identity: identityCheckSchema,
  }),
  z.object({
    ...eventBase,
    type: z.literal('manifest.exception'),
    transferId: z.string(),
    kind: z.enum(MANIFEST_EXCEPTIONS),
    explanation: z.string(),
  }),
  z.object({
    ...eventBase,
    type: z.literal('manifest.handed_over'),
    transferId: z.string(),
    handover: handoverSchema,
  }),
  z.object({ ...eventBase, type: z.literal('manifest.closed') }),
] as const;

/** A manifest ledger event. */
export const manifestEventSchema = z.discriminatedUnion('type', manifestEventSchemas);
export type ManifestEvent = z.output<typeof manifestEventSchema>;
/** A manifest event type. */
export type ManifestEventType = ManifestEvent['type'];

/** The manifest event types, each with its payload schema. */
export const manifestEventTypes = manifestEventSchemas.map((schema) =>
  defineEvent(schema.shape.type.value, schema),
);

/** The result of reconciling a manifest; the counts cover people who boarded. */
export interface Reconciliation {
  reconciled: boolean;
  boarded: number;
  received: number;
  /** Exceptions on entries that had boarded. */
  exceptions: number;
  /** Transfer ids of people who boarded and are neither received nor excepted. */
  unaccounted: string[];
}

/** The dashboard alarm for a manifest that arrived unreconciled. */
export interface ManifestAlarm {
  manifestId: string;
  unaccounted: string[];
  /** The actual arrival instant: the moment the manifest should have reconciled. */
  since: string;
}

/** An alarm as the dashboard shows it: the flight, and who is unaccounted for by ref and name. */
export interface ManifestAlarmView extends ManifestAlarm {
  carrier: string;
  flightNumber: string;
  people: { transferId: string; personId: string; ref: string; name: string }[];
}

/**
 * The access policy's action for a manifest decision: `manifest:*` on an outbound manifest,
 * `return_manifest:*` and `repatriation_manifest:*` out of the facility, where intake is a handover.
 */
export function policyActionOf(decision: ManifestDecision, direction: Direction = 'outbound'): Action {
  if (direction === 'outbound') return decision === 'hand_over' ? 'manifest:receive' : `manifest:${decision}`;
  return decision === 'receive' ? `${direction}_manifest:hand_over` : `${direction}_manifest:${decision}`;
}

function base(
  state: { manifestId: string; direction?: Direction },
  ctx: ManifestContext,
  decision: ManifestDecision,
): EventBase {
  const at = requireNow(ctx.now);
  const direction = state.direction ?? 'outbound';
  authorize(ctx.actor, policyActionOf(decision, direction));
  // Intake ends an outbound movement, a handover one out of the facility: each only on its own kind.
  if (
    (decision === 'hand_over') !== isLeaving(direction) &&
    (decision === 'hand_over' || decision === 'receive')
  ) {
    throw refusal(
      'manifest.step_of_other_direction',
      { manifestId: state.manifestId, direction, step: decision },
      { rule: 'manifest-direction', direction, decision },
    );
  }
  return { manifestId: state.manifestId, actorId: ctx.actor.id, role: ctx.actor.role, at };
}

/** True when `value` is a valid zoned time: an ISO instant and an IANA zone. */
export function isZonedTime(value: unknown): value is ZonedTime {
  if (typeof value !== 'object' || value === null) return false;
  const { instant, zone } = value as Partial<ZonedTime>;
  if (typeof instant !== 'string' || typeof zone !== 'string' || zone.trim() === '') return false;
  try {
    Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

function epoch(time: ZonedTime): number {
  return Temporal.Instant.from(time.instant).epochMilliseconds;
}

function requireZoned(field: string, value: unknown): ZonedTime {
  if (!isZonedTime(value)) {
    throw bad('manifest.not_zoned_time', { field }, { rule: 'zoned-time', field });
  }
  return { instant: value.instant, zone: value.zone };
}

/** The kind of place a manifest end names: an IATA-like 3-letter code, an ICAO-like 4-letter code, or a name. */
export function placeKind(place: string): 'iata' | 'icao' | 'name' {
  if (/^[A-Z]{3}$/.test(place)) return 'iata';
  if (/^[A-Z]{4}$/.test(place)) return 'icao';
  return 'name';
}

function entryOf(state: ManifestState, transferId: string): ManifestEntry {
  const entry = state.entries.find((e) => e.transferId === transferId);
  if (!entry) {
    throw new DomainError(
      'not_found',
      'manifest.entry_not_found',
      { transferId, manifestId: state.manifestId, onManifest: state.entries.map((e) => e.transferId) },
      { details: { what: 'manifest entry', id: transferId, manifestId: state.manifestId } },
    );
  }
  return entry;
}

/**
 * Refuses a decision the manifest's state does not allow. `step` names the decision and what to do
 * instead (`MANIFEST_STEPS`); `arrive_before_departure` is an arrival asked for before the departure.
 */
function requireStatus(state: ManifestState, allowed: readonly ManifestStatus[], step: ManifestStep): void {
  if (!allowed.includes(state.status)) {
    throw refusal(
      'manifest.wrong_state',
      { manifestId: state.manifestId, status: state.status, step, allowed },
      {
        rule: 'manifest-state',
        what: MANIFEST_STEPS[step].what.en,
        status: state.status,
        allowedStatuses: allowed,
      },
    );
  }
}

/** Decides the creation of a manifest, with an id from `newId`. */
export function decideCreateManifest(
  command: CreateManifestCommand,
  ctx: ManifestContext & { newId: () => string },
): ManifestEvent {
  const missing = (['facilityId', 'carrier', 'flightNumber', 'origin', 'destination'] as const).filter(
    (f) => !nonEmpty(command?.[f]),
  );
  if (missing.length > 0) {
    throw bad('manifest.fields_missing', { missing }, { rule: 'manifest-fields', missing });
  }
  const origin = command.origin.trim();
  const destination = command.destination.trim();
  if (origin.toUpperCase() === destination.toUpperCase()) {
    throw bad('manifest.same_origin_destination', { place: origin }, { rule: 'manifest-route' });
  }
  const scheduledDeparture = requireZoned('scheduledDeparture', command.scheduledDeparture);
  const scheduledArrival = requireZoned('scheduledArrival', command.scheduledArrival);
  if (epoch(scheduledArrival) <= epoch(scheduledDeparture)) {
    throw bad(
      'manifest.schedule_backwards',
      { arrival: scheduledArrival.instant, departure: scheduledDeparture.instant },
      { rule: 'manifest-schedule' },
    );
  }
  const direction = command.direction ?? 'outbound';
  const country = command.country?.trim().toUpperCase();
  if (direction === 'repatriation' && !/^[A-Z]{2}$/.test(country ?? '')) {
    throw bad(
      'manifest.repatriation_country',
      { given: command.country ?? '' },
      { rule: 'manifest-country' },
    );
  }
  const manifestId = ctx.newId?.();
  if (!nonEmpty(manifestId)) throw bad('manifest.id_source_missing', {});
  return {
    ...base({ manifestId, direction }, ctx, 'create'),
    type: 'manifest.created',
    manifest: {
      ...(direction === 'outbound' ? {} : { direction }),
      ...(direction === 'repatriation' ? { country } : {}),
      facilityId: command.facilityId.trim(),
      carrier: command.carrier.trim(),
      flightNumber: command.flightNumber.trim(),
      origin,
      destination,
      scheduledDeparture,
      scheduledArrival,
    },
  };
}

/**
 * Decides adding a transfer: only a `scheduled` transfer, only while the manifest is open, once per
 * transfer and person, and never a transfer in `elsewhere` (the ids already on other unclosed manifests).
 */
export function decideAddTransfer(
  state: ManifestState,
  transfer: Pick<TransferState, 'transferId' | 'personId' | 'status'> &
    Partial<Pick<TransferState, 'direction' | 'country'>>,
  ctx: ManifestContext,
  elsewhere: ReadonlySet<string> | readonly string[] = [],
): ManifestEvent {
  const ev = base(state, ctx, 'add');
  requireStatus(state, ['open'], 'add');
  const direction = transfer.direction ?? 'outbound';
  const country = transfer.country ?? null;
  if (direction !== state.direction || (direction === 'repatriation' && country !== state.country)) {
    throw refusal(
      'manifest.transfer_other_direction',
      {
        transferId: transfer.transferId,
        direction,
        country,
        manifestId: state.manifestId,
        manifestDirection: state.direction,
        manifestCountry: state.country,
      },
      {
        rule: 'manifest-direction',
        transferId: transfer.transferId,
        direction,
        manifestDirection: state.direction,
      },
    );
  }
  if (transfer.status !== 'scheduled') {
    throw refusal(
      'manifest.transfer_not_scheduled',
      { transferId: transfer.transferId, status: transfer.status },
      { rule: 'manifest-transfer-scheduled', transferId: transfer.transferId, status: transfer.status },
    );
  }
  const dup = state.entries.find(
    (e) => e.transferId === transfer.transferId || e.personId === transfer.personId,
  );
  if (dup) {
    throw refusal(
      'manifest.duplicate_person',
      {
        transferId: transfer.transferId,
        personId: transfer.personId,
        manifestId: state.manifestId,
        existing: dup.transferId,
      },
      { rule: 'manifest-no-duplicate', transferId: transfer.transferId, existing: dup.transferId },
    );
  }
  const other =
    elsewhere instanceof Set
      ? elsewhere.has(transfer.transferId)
      : [...elsewhere].includes(transfer.transferId);
  if (other) {
    throw refusal(
      'manifest.transfer_elsewhere',
      { transferId: transfer.transferId },
      { rule: 'manifest-one-place', transferId: transfer.transferId },
    );
  }
  return {
    ...ev,
    type: 'manifest.transfer_added',
    transferId: transfer.transferId,
    personId: transfer.personId,
  };
}

/** Decides removing an entry that has not boarded, while the manifest is open. */
export function decideRemoveTransfer(
  state: ManifestState,
  transferId: string,
  ctx: ManifestContext,
): ManifestEvent {
  const ev = base(state, ctx, 'remove');
  requireStatus(state, ['open'], 'remove');
  const entry = entryOf(state, transferId);
  if (entry.status !== 'added') {
    throw refusal(
      'manifest.remove_after_boarding',
      { transferId, entryStatus: entry.status, manifestId: state.manifestId },
      { rule: 'manifest-remove', transferId, entryStatus: entry.status },
    );
  }
  return { ...ev, type: 'manifest.transfer_removed', transferId };
}

/** Decides boarding one person at departure: only an added entry, only while open. */
export function decideBoard(state: ManifestState, transferId: string, ctx: ManifestContext): ManifestEvent {
  const ev = base(state, ctx, 'board');
  requireStatus(state, ['open'], 'board');
  const entry = entryOf(state, transferId);
  if (entry.status !== 'added') {
    throw refusal(
      'manifest.board_not_added',
      { transferId, entryStatus: entry.status, manifestId: state.manifestId },
      { rule: 'manifest-board', transferId, entryStatus: entry.status },
    );
  }
  return { ...ev, type: 'manifest.boarded', transferId };
}

function actualTime(
  state: ManifestState,
  at: string,
  given: ZonedTime | undefined,
  zone: string,
  field: string,
): ZonedTime {
  const actual = given === undefined ? { instant: at, zone } : requireZoned(field, given);
  if (epoch(actual) > Date.parse(at)) {
    throw bad(
      'manifest.time_in_future',
      { field, instant: actual.instant, now: at, manifestId: state.manifestId },
      { rule: 'manifest-actual-time', field },
    );
  }
  return actual;
}

/**
 * Decides departure: at least one person boarded, and no entry left merely added (remove it or mark it
 * `returned_before_departure`). The actual time defaults to now in the scheduled departure's zone.
 */
export function decideDepart(state: ManifestState, ctx: ManifestContext, actual?: ZonedTime): ManifestEvent {
  const ev = base(state, ctx, 'depart');
  requireStatus(state, ['open'], 'depart');
  const waiting = state.entries.filter((e) => e.status === 'added').map((e) => e.transferId);
  if (waiting.length > 0) {
    throw refusal(
      'manifest.depart_not_boarded',
      { manifestId: state.manifestId, notBoarded: waiting },
      { rule: 'manifest-depart-all-settled', notBoarded: waiting },
    );
  }
  if (!state.entries.some((e) => e.boardedAt !== null && e.status === 'boarded')) {
    throw refusal(
      'manifest.depart_nobody_boarded',
      { manifestId: state.manifestId },
      { rule: 'manifest-depart-someone-boarded' },
    );
  }
  const time = actualTime(state, ev.at, actual, state.scheduledDeparture.zone, 'actual departure');
  return { ...ev, type: 'manifest.departed', actual: time };
}

/** Decides arrival of a departed manifest; the actual time defaults to now in the scheduled arrival's zone. */
export function decideArrive(state: ManifestState, ctx: ManifestContext, actual?: ZonedTime): ManifestEvent {
  const ev = base(state, ctx, 'arrive');
  requireStatus(state, ['departed'], state.status === 'open' ? 'arrive_before_departure' : 'arrive');
  const time = actualTime(state, ev.at, actual, state.scheduledArrival.zone, 'actual arrival');
  if (state.actualDeparture && epoch(time) < epoch(state.actualDeparture)) {
    throw bad(
      'manifest.arrival_before_departure',
      { arrival: time.instant, departure: state.actualDeparture.instant },
      { rule: 'manifest-actual-time' },
    );
  }
  return { ...ev, type: 'manifest.arrived', actual: time };
}

/** Refuses the end of one person's movement (intake or handover) unless arrived and the entry boarded. */
function requireArrivedAboard(state: ManifestState, transferId: string, step: 'receive' | 'hand_over'): void {
  requireStatus(state, ['arrived'], step);
  const entry = entryOf(state, transferId);
  if (entry.status !== 'boarded') {
    throw refusal(
      'manifest.receive_not_boarded',
      { transferId, entryStatus: entry.status, manifestId: state.manifestId },
      { rule: 'manifest-receive-boarded', transferId, entryStatus: entry.status },
    );
  }
}

/** Decides intake of one person: only a boarded entry, only after arrival, and the identity must match. */
export function decideReceive(
  state: ManifestState,
  transferId: string,
  identity: IdentityCheck,
  ctx: ManifestContext,
): ManifestEvent {
  const ev = base(state, ctx, 'receive');
  requireArrivedAboard(state, transferId, 'receive');
  if (
    !identity ||
    (identity.method !== 'biometric' && identity.method !== 'document') ||
    typeof identity.matched !== 'boolean' ||
    !nonEmpty(identity.checkedBy)
  ) {
    throw bad(
      'manifest.identity_check_incomplete',
      {},
      {
        rule: 'manifest-identity-check',
        transferId,
      },
    );
  }
  if (!identity.matched) {
    throw refusal(
      'manifest.identity_mismatch',
      { transferId, method: identity.method, checkedBy: identity.checkedBy },
      { rule: 'manifest-identity-match', transferId, identity },
    );
  }
  return { ...ev, type: 'manifest.received', transferId, identity: { ...identity } };
}

/**
 * Decides the handover of one person at the end of a return or repatriation: only a boarded entry, only
 * after arrival, naming the agency or authority that took the person and its officer. The service checks,
 * for a return, that the agency is one of the agreement's sending agencies.
 */
export function decideHandOver(
  state: ManifestState,
  transferId: string,
  handover: Handover,
  ctx: ManifestContext,
): ManifestEvent {
  const ev = base(state, ctx, 'hand_over');
  requireArrivedAboard(state, transferId, 'hand_over');
  return { ...ev, type: 'manifest.handed_over', transferId, handover: requireHandover(transferId, handover) };
}

const EXCEPTION_WHEN: Readonly<
  Record<ManifestExceptionKind, { statuses: readonly ManifestStatus[]; entries: readonly EntryStatus[] }>
> = {
  returned_before_departure: { statuses: ['open'], entries: ['added', 'boarded'] },
  medical_diversion: { statuses: ['departed', 'arrived'], entries: ['boarded'] },
  missing_after_transport: { statuses: ['arrived'], entries: ['boarded'] },
};

/**
 * Decides an explained exception for one entry: `returned_before_departure` while open (added or
 * boarded), `medical_diversion` after departure, `missing_after_transport` after arrival (boarded).
 */
export function decideException(
  state: ManifestState,
  transferId: string,
  kind: ManifestExceptionKind,
  explanation: string,
  ctx: ManifestContext,
): ManifestEvent {
  if (!(MANIFEST_EXCEPTIONS as readonly string[]).includes(kind)) {
    throw bad(
      'manifest.exception_kind_unknown',
      { given: JSON.stringify(kind) ?? String(kind), kinds: MANIFEST_EXCEPTIONS },
      {
        rule: 'manifest-exception-kind',
      },
    );
  }
  const ev = base(state, ctx, kind);
  if (!nonEmpty(explanation)) {
    throw bad(
      'manifest.exception_unexplained',
      { kind },
      {
        rule: 'manifest-exception-explained',
        transferId,
      },
    );
  }
  const when = EXCEPTION_WHEN[kind];
  requireStatus(state, when.statuses, kind);
  const entry = entryOf(state, transferId);
  if (!when.entries.includes(entry.status)) {
    throw refusal(
      'manifest.exception_entry_state',
      {
        transferId,
        entryStatus: entry.status,
        manifestId: state.manifestId,
        kind,
        allowed: when.entries,
      },
      { rule: 'manifest-exception-entry', transferId, kind, entryStatus: entry.status },
    );
  }
  return { ...ev, type: 'manifest.exception', transferId, kind, explanation: explanation.trim() };
}

/** Reconciles a manifest: everyone who boarded is received or accounted for by an exception. */
export function reconcile(state: ManifestState): Reconciliation {
  const boarded = state.entries.filter((e) => e.boardedAt !== null);
  const unaccounted = boarded.filter((e) => e.status === 'boarded').map((e) => e.transferId);
  return {
    reconciled: unaccounted.length === 0,
    boarded: boarded.length,
    received: boarded.filter((e) => e.status === 'received' || e.status === 'handed_over').length,
    exceptions: boarded.filter((e) => e.status === 'exception').length,
    unaccounted,
  };
}

/** Decides closing: only after arrival, and only when reconciled; otherwise names the unaccounted. */
export function decideClose(state: ManifestState, ctx: ManifestContext): ManifestEvent {
  const ev = base(state, ctx, 'close');
  requireStatus(state, ['arrived'], 'close');
  const { unaccounted } = reconcile(state);
  if (unaccounted.length > 0) {
    throw refusal(
      'manifest.close_unaccounted',
      { manifestId: state.manifestId, unaccounted },
      { rule: 'manifest-reconciliation', unaccounted },
    );
  }
  return { ...ev, type: 'manifest.closed' };
}

/** The dashboard alarm: an arrived manifest that is not reconciled, from its arrival; null otherwise. */
export function alarm(state: ManifestState, now: Date): ManifestAlarm | null {
  const at = requireNow(now);
  if (state.status !== 'arrived' || !state.actualArrival) return null;
  if (epoch(state.actualArrival) > Date.parse(at)) return null;
  const { unaccounted } = reconcile(state);
  if (unaccounted.length === 0) return null;
  return { manifestId: state.manifestId, unaccounted, since: state.actualArrival.instant };
}

/** The transfer ids this manifest keeps from going on another one; none once closed or returned before departure. */
export function transfersHeld(state: ManifestState): string[] {
  if (state.status === 'closed') return [];
  return state.entries
    .filter((e) => e.exception?.kind !== 'returned_before_departure')
    .map((e) => e.transferId);
}

/** Why an event does not apply: the manifest exists already, was not created, is in another state, or its entry is. */
type ConflictWhy =
  | { why: 'exists' | 'not_created' }
  | { why: 'status'; state: string }
  | { why: 'entry_exists'; transferId: string }
  | { why: 'entry_state'; transferId: string; state: string | null };

function conflict(state: ManifestState | null, event: ManifestEvent, why: ConflictWhy): DomainError {
  return new DomainError(
    'conflict',
    'manifest.event_out_of_order',
    {
      type: event.type,
      manifestId: event.manifestId,
      why: why.why,
      transferId: 'transferId' in why ? why.transferId : null,
      state: 'state' in why ? why.state : null,
    },
    { details: { manifestId: event.manifestId, type: event.type, status: state?.status ?? null } },
  );
}

function updateEntry(
  state: ManifestState,
  event: ManifestEvent & { transferId: string },
  from: readonly EntryStatus[],
  change: (e: ManifestEntry) => ManifestEntry,
): readonly ManifestEntry[] {
  const entry = state.entries.find((e) => e.transferId === event.transferId);
  if (!entry || !from.includes(entry.status)) {
    throw conflict(state, event, {
      why: 'entry_state',
      transferId: event.transferId,
      state: entry?.status ?? null,
    });
  }
  return state.entries.map((e) => (e === entry ? change(e) : e));
}

const EVENT_FROM: Readonly<Record<ManifestEventType, readonly ManifestStatus[]>> = {
  'manifest.created': [],
  'manifest.transfer_added': ['open'],
  'manifest.transfer_removed': ['open'],
  'manifest.boarded': ['open'],
  'manifest.departed': ['open'],
  'manifest.arrived': ['departed'],
  'manifest.received': ['arrived'],
  'manifest.handed_over': ['arrived'],
  'manifest.exception': ['open', 'departed', 'arrived'],
  'manifest.closed': ['arrived'],
};

/** Applies one event to the manifest it was decided on (null before creation); refuses an out-of-order event. */
export function evolveManifest(state: ManifestState | null, event: ManifestEvent): ManifestState {
  if (event.type === 'manifest.created') {
    if (state) throw conflict(state, event, { why: 'exists' });
    const { direction, country, ...manifest } = event.manifest;
    return {
      manifestId: event.manifestId,
      direction: direction ?? 'outbound',
      country: country ?? null,
      ...manifest,
      actualDeparture: null,
      actualArrival: null,
      status: 'open',
      entries: [],
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
    };
  }
  if (!state || state.manifestId !== event.manifestId) throw conflict(state, event, { why: 'not_created' });
  if (!EVENT_FROM[event.type].includes(state.status)) {
    throw conflict(state, event, { why: 'status', state: state.status });
  }
  const next: ManifestState = { ...state, version: state.version + 1, updatedAt: event.at };
  switch (event.type) {
    case 'manifest.transfer_added':
      if (state.entries.some((e) => e.transferId === event.transferId)) {
        throw conflict(state, event, { why: 'entry_exists', transferId: event.transferId });
      }
      next.entries = [
        ...state.entries,
        {
          transferId: event.transferId,
          personId: event.personId,
          status: 'added',
          addedAt: event.at,
          boardedAt: null,
          boardedBy: null,
          receivedAt: null,
          receivedBy: null,
          identity: null,
          handover: null,
          exception: null,
        },
      ];
      break;
    case 'manifest.transfer_removed':
      updateEntry(state, event, ['added'], (e) => e);
      next.entries = state.entries.filter((e) => e.transferId !== event.transferId);
      break;
    case 'manifest.boarded':
      next.entries = updateEntry(state, event, ['added'], (e) => ({
        ...e,
        status: 'boarded',
        boardedAt: event.at,
        boardedBy: event.actorId,
      }));
      break;
    case 'manifest.departed':
      next.status = 'departed';
      next.actualDeparture = event.actual;
      break;
    case 'manifest.arrived':
      next.status = 'arrived';
      next.actualArrival = event.actual;
      break;
    case 'manifest.received':
      next.entries = updateEntry(state, event, ['boarded'], (e) => ({
        ...e,
        status: 'received',
        receivedAt: event.at,
        receivedBy: event.actorId,
        identity: event.identity,
      }));
      break;
    case 'manifest.handed_over':
      next.entries = updateEntry(state, event, ['boarded'], (e) => ({
        ...e,
        status: 'handed_over',
        receivedAt: event.at,
        receivedBy: event.actorId,
        handover: event.handover,
      }));
      break;
    case 'manifest.exception':
      next.entries = updateEntry(state, event, EXCEPTION_WHEN[event.kind].entries, (e) => ({
        ...e,
        status: 'exception',
        exception: { kind: event.kind, explanation: event.explanation, at: event.at, by: event.actorId },
      }));
      break;
    case 'manifest.closed':
      next.status = 'closed';
      break;
  }
  return next;
}

/** Rebuilds a manifest from its events in order; null when there are none. */
export function replayManifest(events: readonly ManifestEvent[]): ManifestState | null {
  return events.reduce<ManifestState | null>(evolveManifest, null);
}
