import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';

/**
 * Incidents (DOMAIN.md, Custody): typed, with a status workflow `open → under_review → closed |
 * reopened`. A death in custody also tracks the notification of next of kin (Mandela Rule 69) and the
 * report to an independent authority (Rule 71), each due within 24 hours. Pure: time and ids are parameters.
 */

export const INCIDENT_KINDS = [
  'assault',
  'self_harm',
  'death_in_custody',
  'use_of_force',
  'escape',
  'release_in_error',
  'headcount_discrepancy',
  'food_refusal',
  'missing_after_transport',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ['open', 'under_review', 'closed', 'reopened'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The workflow: which status each may move to. */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  open: ['under_review'],
  under_review: ['closed'],
  closed: ['reopened'],
  reopened: ['under_review'],
};

/** The parties a death must be reported to, and the rule that requires it. */
export const DEATH_NOTIFICATIONS = {
  next_of_kin: { rule: 'Mandela Rule 69', dueHours: 24 },
  independent_authority: { rule: 'Mandela Rule 71', dueHours: 24 },
} as const;
export type DeathParty = keyof typeof DEATH_NOTIFICATIONS;
/** The parties a death must be reported to. */
export const DEATH_PARTIES = [
  'next_of_kin',
  'independent_authority',
] as const satisfies readonly DeathParty[];

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

function bad(message: string, rule: string): DomainError {
  return new DomainError('invalid_input', message, { details: { rule } });
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
    throw bad(
      `${JSON.stringify(input.kind)} is not an incident kind; use one of: ${INCIDENT_KINDS.join(', ')}.`,
      'incident-kind',
    );
  }
  if (!input.description?.trim())
    throw bad('An incident needs a description of what happened.', 'incident-description');
  const occurred = input.occurredAt === undefined ? now : new Date(input.occurredAt);
  if (Number.isNaN(occurred.getTime()))
    throw bad(`occurredAt ${input.occurredAt} is not an instant; write it as ISO 8601.`, 'incident-time');
  if (occurred.getTime() > now.getTime())
    throw bad(`occurredAt ${occurred.toISOString()} is in the future.`, 'incident-time');
  if (input.kind === 'death_in_custody' && !input.personId) {
    throw bad('A death in custody names the person who died.', 'incident-person');
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
      `Incident ${state.incidentId} is ${state.status}; it can move only to ${allowed.join(' or ')}, not ${to}.`,
      { details: { rule: 'incident-workflow', from: state.status, to, allowed } },
    );
  }
  if (!note?.trim()) throw bad('A status change needs a note saying why.', 'incident-note');
  if (to === 'closed' && state.kind === 'death_in_custody') {
    const missing = (Object.keys(DEATH_NOTIFICATIONS) as DeathParty[]).filter((p) => !state.notified[p]);
    if (missing.length > 0) {
      throw new DomainError(
        'rule_refusal',
        `A death in custody cannot be closed before ${missing.join(' and ').replaceAll('_', ' ')} ${missing.length === 1 ? 'is' : 'are'} notified (Mandela Rules 69, 71).`,
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
      `Incident ${state.incidentId} is ${state.kind}, not a death in custody.`,
      {
        details: { rule: 'death-notification' },
      },
    );
  }
  if (!(input.party in DEATH_NOTIFICATIONS)) {
    throw bad(
      `party must be next_of_kin or independent_authority, not ${JSON.stringify(input.party)}.`,
      'death-party',
    );
  }
  const party = input.party as DeathParty;
  if (state.notified[party]) {
    throw new DomainError(
      'conflict',
      `${party.replaceAll('_', ' ')} was already recorded as notified at ${state.notified[party]}.`,
    );
  }
  if (!input.recipient?.trim()) throw bad('Name who was notified.', 'death-recipient');
  const at = input.notifiedAt === undefined ? now : new Date(input.notifiedAt);
  if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime() || at.toISOString() < state.occurredAt) {
    throw bad('notifiedAt must be an instant between the death and now.', 'death-time');
  }
  return {
    incidentId: state.incidentId,
    party,
    recipient: input.recipient.trim(),
    notifiedAt: at.toISOString(),
    at: now.toISOString(),
  };
}
