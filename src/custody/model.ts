/**
 * Custody (DOMAIN.md, Custody): the custody interval intake starts, and the family and counsel
 * notification Mandela Rule 68 requires from intake. Pure: time and ids are parameters.
 */

/** The notification obligation intake starts (DOMAIN.md, Standards compliance → transfer-notification). */
export const TRANSFER_NOTIFICATION = {
  rule: 'transfer-notification',
  source: 'UN Nelson Mandela Rules, Rule 68',
  recipients: ['family', 'counsel'],
  /** The default threshold: family notified within 24 h of intake. */
  dueWithinHours: 24,
} as const;

export const CUSTODY_EVENTS = { started: 'custody.started' } as const;

/** Recorded at intake: the interval opens and the Rule 68 notification falls due. */
export interface CustodyStarted {
  intervalId: string;
  personId: string;
  agreementId: string;
  facilityId: string;
  transferId: string;
  manifestId: string | null;
  /** The intake instant (ISO 8601). */
  startedAt: string;
  notification: {
    obligationId: string;
    rule: string;
    source: string;
    recipients: string[];
    /** The instant the notification is due (ISO 8601). */
    dueAt: string;
  };
}

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
