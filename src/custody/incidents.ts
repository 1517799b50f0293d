import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import type { MessageKey, MessageParams } from '../core/messages/index.js';
import {
  DEATH_NOTIFICATIONS,
  DEATH_PARTIES,
  type DeathParty,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  INCIDENT_TRANSITIONS,
  type IncidentKind,
  type IncidentStatus,
} from './incident-kinds.js';

export {
  DEATH_NOTIFICATIONS,
  DEATH_PARTIES,
  type DeathParty,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  INCIDENT_TRANSITIONS,
  type IncidentKind,
  type IncidentStatus,
};

/**
 * Incidents (docs/domain.md, Custody): typed, with a status workflow `open → under_review → closed |
 * reopened`. A death in custody also tracks the notification of next of kin (Mandela Rule 69) and the
 * report to an independent authority (Rule 71), each due within 24 hours. Pure: time and ids are parameters.
 */

export const INCIDENT_EVENTS = {
  reported: 'incident.reported',
  statusChanged: 'incident.status_changed',
  deathNotified: 'incident.death_notified',
} as const;

export const incidentReportedSchema = z.object({
  incidentId: z.string(),
  facilityId: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  personId: z.string().nullable(),
  cellId: z.string().nullable(),
  /** When it happened (ISO 8601). */
  occurredAt: z.string(),
  description: z.string(),
  /** When it was reported (ISO 8601). */
  at: z.string(),
});
export type IncidentReported = z.output<typeof incidentReportedSchema>;

export const incidentStatusChangedSchema = z.object({
  incidentId: z.string(),
  from: z.enum(INCIDENT_STATUSES),
  to: z.enum(INCIDENT_STATUSES),
  note: z.string(),
  at: z.string(),
});
export type IncidentStatusChanged = z.output<typeof incidentStatusChangedSchema>;

export const incidentDeathNotifiedSchema = z.object({
  incidentId: z.string(),
  party: z.enum(DEATH_PARTIES),
  /** Who was notified, e.g. the name of the next of kin or the authority. */
  recipient: z.string(),
  notifiedAt: z.string(),
  at: z.string(),
});
export type IncidentDeathNotified = z.output<typeof incidentDeathNotifiedSchema>;

export const HEADCOUNT_EVENT = 'headcount.recorded' as const;

/** A headcount: who was counted against who should be there. */
export const headcountRecordedSchema = z.object({
  headcountId: z.string(),
  facilityId: z.string(),
  countedAt: z.string(),
  counted: z.number().int(),
  expected: z.number().int(),
  /** The discrepancy incident it raised, if the numbers differ. */
  incidentId: z.string().nullable(),
});
export type HeadcountRecorded = z.output<typeof headcountRecordedSchema>;

/** The incident and headcount event types, each with its payload schema. */
export const incidentEvent = {
  reported: defineEvent(INCIDENT_EVENTS.reported, incidentReportedSchema),
  statusChanged: defineEvent(INCIDENT_EVENTS.statusChanged, incidentStatusChangedSchema),
  deathNotified: defineEvent(INCIDENT_EVENTS.deathNotified, incidentDeathNotifiedSchema),
  headcountRecorded: defineEvent(HEADCOUNT_EVENT, headcountRecordedSchema),
};

/** An incident as its decisions see it. */
export interface IncidentState {
  incidentId: string;
  kind: IncidentKind;
  status: IncidentStatus;
  occurredAt: string;
  notified: Partial<Record<DeathParty, string>>;
}

function bad<K extends MessageKey>(key: K, params: MessageParams<K>, rule: string): DomainError {
  return new DomainError('invalid_input', key, params, { details: { rule } });
}

/** Decides reporting an incident: a known kind, a description, a time not in the future. */
export function decideReport(
  input: {
    facilityId: string;
    kind: string;
    personId?: string | null;
    cellId?: string | null;
    occurredAt?: string;
    description: string;
  },
  now: Date,
  newId: () => string,
): IncidentReported {
  if (!(INCIDENT_KINDS as readonly string[]).includes(input.kind)) {
    throw bad('incident.kind_unknown', { kind: input.kind, kinds: INCIDENT_KINDS }, 'incident-kind');
  }
  if (!input.description?.trim()) throw bad('incident.description_missing', {}, 'incident-description');
  const occurred = input.occurredAt === undefined ? now : new Date(input.occurredAt);
  if (Number.isNaN(occurred.getTime()))
    throw bad('incident.time_invalid', { occurredAt: String(input.occurredAt) }, 'incident-time');
  if (occurred.getTime() > now.getTime())
    throw bad('incident.time_future', { occurredAt: occurred.toISOString() }, 'incident-time');
  if (input.kind === 'death_in_custody' && !input.personId) {
    throw bad('incident.death_person', {}, 'incident-person');
  }
  return {
    incidentId: newId(),
    facilityId: input.facilityId,
    kind: input.kind as IncidentKind,
    personId: input.personId ?? null,
    cellId: input.cellId ?? null,
    occurredAt: occurred.toISOString(),
    description: input.description.trim(),
    at: now.toISOString(),
  };
}

/** Decides a status change along the workflow, with a note saying why. */
export function decideStatus(
  state: IncidentState,
  to: string,
  note: string,
  now: Date,
): IncidentStatusChanged {
  const allowed = INCIDENT_TRANSITIONS[state.status];
  if (!(allowed as readonly string[]).includes(to)) {
    throw new DomainError(
      'rule_refusal',
      'incident.transition',
      { incidentId: state.incidentId, from: state.status, to, allowed },
      { details: { rule: 'incident-workflow', from: state.status, to, allowed } },
    );
  }
  if (!note?.trim()) throw bad('incident.note_missing', {}, 'incident-note');
  if (to === 'closed' && state.kind === 'death_in_custody') {
    const missing = (Object.keys(DEATH_NOTIFICATIONS) as DeathParty[]).filter((p) => !state.notified[p]);
    if (missing.length > 0) {
      throw new DomainError(
        'rule_refusal',
        'incident.death_close_unnotified',
        { missing },
        { details: { rule: 'death-notification', missing } },
      );
    }
  }
  return {
    incidentId: state.incidentId,
    from: state.status,
    to: to as IncidentStatus,
    note: note.trim(),
    at: now.toISOString(),
  };
}

/** Decides recording that next of kin or the independent authority was told of a death. */
export function decideDeathNotice(
  state: IncidentState,
  input: { party: string; recipient: string; notifiedAt?: string },
  now: Date,
): IncidentDeathNotified {
  if (state.kind !== 'death_in_custody') {
    throw new DomainError(
      'rule_refusal',
      'incident.not_death',
      { incidentId: state.incidentId, kind: state.kind },
      { details: { rule: 'death-notification' } },
    );
  }
  if (!(input.party in DEATH_NOTIFICATIONS)) {
    throw bad('incident.party_unknown', { party: input.party }, 'death-party');
  }
  const party = input.party as DeathParty;
  const notifiedAt = state.notified[party];
  if (notifiedAt) throw new DomainError('conflict', 'incident.already_notified', { party, at: notifiedAt });
  if (!input.recipient?.trim()) throw bad('incident.recipient_missing', {}, 'death-recipient');
  const at = input.notifiedAt === undefined ? now : new Date(input.notifiedAt);
  if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime() || at.toISOString() < state.occurredAt) {
    throw bad('incident.notice_time', {}, 'death-time');
  }
  return {
    incidentId: state.incidentId,
    party,
    recipient: input.recipient.trim(),
    notifiedAt: at.toISOString(),
    at: now.toISOString(),
  };
}
