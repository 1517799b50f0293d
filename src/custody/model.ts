import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import { RELEASE_REASONS, type ReleaseReason } from './release-reasons.js';

export { RELEASE_REASONS, type ReleaseReason };

/**
 * Custody (docs/domain.md, Custody): the custody interval intake starts, and the family and counsel
 * notification Mandela Rule 68 requires from intake. Pure: time and ids are parameters.
 */

/** The notification obligation intake starts (docs/domain.md, Standards compliance → transfer-notification). */
export const TRANSFER_NOTIFICATION = {
  rule: 'transfer-notification',
  source: 'UN Nelson Mandela Rules, Rule 68',
  recipients: ['family', 'counsel'],
  /** The default threshold: family notified within 24 h of intake. */
  dueWithinHours: 24,
} as const;

export const CUSTODY_EVENTS = { started: 'custody.started' } as const;

/** Recorded at intake: the interval opens and the Rule 68 notification falls due. */
export const custodyStartedSchema = z.object({
  intervalId: z.string(),
  personId: z.string(),
  agreementId: z.string(),
  facilityId: z.string(),
  transferId: z.string(),
  manifestId: z.string().nullable(),
  /** The intake instant (ISO 8601). */
  startedAt: z.string(),
  notification: z.object({
    obligationId: z.string(),
    rule: z.string(),
    source: z.string(),
    recipients: z.array(z.string()),
    /** The instant the notification is due (ISO 8601). */
    dueAt: z.string(),
  }),
});
export type CustodyStarted = z.output<typeof custodyStartedSchema>;

/** The custody interval and notification obligation one intake starts. */
export function startCustody(
  input: Omit<CustodyStarted, 'intervalId' | 'notification' | 'startedAt'> & { at: Date },
  newId: () => string,
): CustodyStarted {
  const startedAt = input.at.toISOString();
  const due = new Date(input.at.getTime() + TRANSFER_NOTIFICATION.dueWithinHours * 3_600_000);
  return {
    intervalId: newId(),
    personId: input.personId,
    agreementId: input.agreementId,
    facilityId: input.facilityId,
    transferId: input.transferId,
    manifestId: input.manifestId,
    startedAt,
    notification: {
      obligationId: newId(),
      rule: TRANSFER_NOTIFICATION.rule,
      source: TRANSFER_NOTIFICATION.source,
      recipients: [...TRANSFER_NOTIFICATION.recipients],
      dueAt: due.toISOString(),
    },
  };
}

export const RELEASE_EVENT = 'custody.released' as const;

/** Recorded when custody ends: the interval closes, and the person's cell is vacated. */
export const custodyReleasedSchema = z.object({
  intervalId: z.string(),
  personId: z.string(),
  facilityId: z.string(),
  reason: z.enum(RELEASE_REASONS),
  /** The instant custody ended (ISO 8601). */
  at: z.string(),
  note: z.string().nullable(),
});
export type CustodyReleased = z.output<typeof custodyReleasedSchema>;

/**
 * Decides a release: the person must have an open interval; the reason must be one of docs/domain.md's; the
 * time (default now) can be neither in the future nor before intake.
 */
export function decideRelease(
  interval: { id: string; personId: string; facilityId: string; startedAt: Date } | undefined,
  input: { reason: string; at?: string; note?: string | null },
  now: Date,
): CustodyReleased {
  if (!interval) {
    throw new DomainError(
      'rule_refusal',
      'custody.release_no_open_interval',
      {},
      { details: { rule: 'release-open-interval' } },
    );
  }
  if (!(RELEASE_REASONS as readonly string[]).includes(input.reason)) {
    throw new DomainError(
      'invalid_input',
      'custody.release_reason',
      { reason: input.reason, reasons: RELEASE_REASONS },
      { details: { rule: 'release-reason' } },
    );
  }
  const at = input.at === undefined ? now : new Date(input.at);
  if (Number.isNaN(at.getTime())) {
    throw new DomainError('invalid_input', 'custody.release_time_invalid', { at: String(input.at) });
  }
  if (at.getTime() > now.getTime()) {
    throw new DomainError('invalid_input', 'custody.release_time_future', { at: at.toISOString() });
  }
  if (at.getTime() < interval.startedAt.getTime()) {
    throw new DomainError('invalid_input', 'custody.release_before_intake', {
      at: at.toISOString(),
      intakeAt: interval.startedAt.toISOString(),
    });
  }
  return {
    intervalId: interval.id,
    personId: interval.personId,
    facilityId: interval.facilityId,
    reason: input.reason as ReleaseReason,
    at: at.toISOString(),
    note: input.note?.trim() || null,
  };
}

export const NOTIFICATION_EVENT = 'custody.notification_fulfilled' as const;

/** Recorded when the family and counsel were told where the person is (Mandela Rule 68). */
export const notificationFulfilledSchema = z.object({
  obligationId: z.string(),
  personId: z.string(),
  /** Who was told, e.g. "sister, by phone; counsel by email". */
  recipients: z.string(),
  /** When they were told (ISO 8601). */
  fulfilledAt: z.string(),
  at: z.string(),
});
export type NotificationFulfilled = z.output<typeof notificationFulfilledSchema>;

/** The custody event types, each with its payload schema. */
export const custodyEvent = {
  started: defineEvent(CUSTODY_EVENTS.started, custodyStartedSchema),
  released: defineEvent(RELEASE_EVENT, custodyReleasedSchema),
  notificationFulfilled: defineEvent(NOTIFICATION_EVENT, notificationFulfilledSchema),
};

/** Decides recording a notification: once, naming who was told, no earlier than intake and not in the future. */
export function decideNotification(
  obligation: { id: string; personId: string; startedAt: Date; fulfilledAt: Date | null } | undefined,
  input: { recipients: string; fulfilledAt?: string },
  now: Date,
): NotificationFulfilled {
  if (!obligation) {
    throw new DomainError('not_found', 'custody.notification_not_found', {});
  }
  if (obligation.fulfilledAt) {
    throw new DomainError('conflict', 'custody.notification_recorded', {
      at: obligation.fulfilledAt.toISOString(),
    });
  }
  if (!input.recipients?.trim()) {
    throw new DomainError('invalid_input', 'custody.notification_recipients', {});
  }
  const at = input.fulfilledAt === undefined ? now : new Date(input.fulfilledAt);
  if (
    Number.isNaN(at.getTime()) ||
    at.getTime() > now.getTime() ||
    at.getTime() < obligation.startedAt.getTime()
  ) {
    throw new DomainError('invalid_input', 'custody.notification_time', {});
  }
  return {
    obligationId: obligation.id,
    personId: obligation.personId,
    recipients: input.recipients.trim(),
    fulfilledAt: at.toISOString(),
    at: now.toISOString(),
  };
}
