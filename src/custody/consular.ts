import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';

/**
 * Consular notification (docs/domain.md, Release dates, returns and repatriation): the intake of a foreign
 * national — a person none of whose nationalities is the facility's country — creates a duty to tell their
 * consulate, unless they object (Vienna Convention on Consular Relations Art. 36(1)(b), "without delay";
 * Mandela Rule 62). The duty follows from the custody interval, the person's nationalities and the
 * facility's country, so it is derived, never stored; what is recorded is its outcome: the consulate was
 * notified, or the person objected. Pure: time is a parameter.
 */

/**
 * "Without delay" as a threshold: 72 hours. The VCCR gives no figure; the ICJ (Avena, 2004) read "without
 * delay" as not necessarily "immediately", and the U.S. State Department's consular notification guidance
 * treats notification within 24 and at most 72 hours as timely. Configuration may lower it.
 */
export const CONSULAR_NOTIFICATION = {
  rule: 'consular-notification',
  source: 'VCCR Art. 36(1)(b); Mandela Rule 62',
  dueWithinHours: 72,
} as const;

/** What became of the duty: the consulate was told, or the person asked that it not be. */
export const CONSULAR_OUTCOMES = ['notified', 'objected'] as const;
export type ConsularOutcome = (typeof CONSULAR_OUTCOMES)[number];

export const CONSULAR_EVENT = 'custody.consular_recorded' as const;

export const consularRecordedSchema = z.object({
  intervalId: z.string(),
  personId: z.string(),
  facilityId: z.string(),
  outcome: z.enum(CONSULAR_OUTCOMES),
  /** The consulate told, e.g. "Consulate of Venezuela in San Salvador"; null when the person objected. */
  consulate: z.string().nullable(),
  /** When the consulate was told, or the person objected (ISO 8601). */
  outcomeAt: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});
export type ConsularRecorded = z.output<typeof consularRecordedSchema>;

/** The consular event type. */
export const consularEvent = { recorded: defineEvent(CONSULAR_EVENT, consularRecordedSchema) };

/** True when a person with these nationalities is a foreign national in `country` (the facility's). */
export function isForeignNational(nationalities: readonly string[], country: string): boolean {
  return nationalities.length > 0 && !nationalities.includes(country);
}

/** The instant the notification is due: `hours` after intake. */
export function consularDueAt(startedAt: Date, hours: number = CONSULAR_NOTIFICATION.dueWithinHours): Date {
  return new Date(startedAt.getTime() + hours * 3_600_000);
}

/** The custody interval whose duty is recorded, as the decision sees it. */
export interface ConsularDutyState {
  intervalId: string;
  personId: string;
  facilityId: string;
  facility: string;
  country: string;
  nationalities: readonly string[];
  startedAt: Date;
  endedAt: Date | null;
  recorded: { outcome: ConsularOutcome; outcomeAt: Date } | null;
}

/**
 * Decides recording the duty's outcome: only for a foreign national, once, naming the consulate when it was
 * notified, at an instant between intake (and release, if any) and now.
 */
export function decideConsular(
  duty: ConsularDutyState | undefined,
  input: { outcome: string; consulate?: string | null; at?: string; note?: string | null },
  now: Date,
): ConsularRecorded {
  if (!duty) {
    throw new DomainError(
      'rule_refusal',
      'consular.no_custody',
      {},
      { details: { rule: 'consular-in-custody' } },
    );
  }
  if (!isForeignNational(duty.nationalities, duty.country)) {
    throw new DomainError(
      'rule_refusal',
      'consular.not_foreign',
      { country: duty.country, facility: duty.facility, nationalities: [...duty.nationalities] },
      { details: { rule: 'consular-foreign-national' } },
    );
  }
  if (duty.recorded) {
    throw new DomainError('conflict', 'consular.already_recorded', {
      outcome: duty.recorded.outcome,
      at: duty.recorded.outcomeAt.toISOString(),
    });
  }
  if (!(CONSULAR_OUTCOMES as readonly string[]).includes(input.outcome)) {
    throw new DomainError('invalid_input', 'consular.outcome_unknown', {
      outcome: input.outcome,
      outcomes: CONSULAR_OUTCOMES,
    });
  }
  const outcome = input.outcome as ConsularOutcome;
  const consulate = input.consulate?.trim() || null;
  if (outcome === 'notified' && !consulate) {
    throw new DomainError('invalid_input', 'consular.consulate_missing', {});
  }
  const at = input.at === undefined ? now : new Date(input.at);
  const latest = duty.endedAt && duty.endedAt < now ? duty.endedAt : now;
  if (Number.isNaN(at.getTime()) || at > latest || at < duty.startedAt) {
    throw new DomainError('invalid_input', 'consular.time', {
      intakeAt: duty.startedAt.toISOString(),
      latest: latest.toISOString(),
    });
  }
  return {
    intervalId: duty.intervalId,
    personId: duty.personId,
    facilityId: duty.facilityId,
    outcome,
    consulate: outcome === 'notified' ? consulate : null,
    outcomeAt: at.toISOString(),
    note: input.note?.trim() || null,
    at: now.toISOString(),
  };
}

/** One duty as the `consular-notification` rule reads it. */
export interface ConsularDutyInput {
  person: string;
  /** The intake date in the facility's zone: the day the finding is counted on. */
  date: string;
  startedAt: string;
  outcome: ConsularOutcome | null;
  outcomeAt: string | null;
}

/**
 * The `consular-notification` rule, one evaluation per foreign national's intake in the period: notified
 * or objected after the threshold is a finding (medium); nothing recorded once the threshold has passed is
 * a finding (high); nothing recorded and not yet due is not evaluable.
 */
export function judgeConsular(input: {
  from: string;
  to: string;
  now: string;
  dueWithinHours: number;
  duties: readonly ConsularDutyInput[];
}): {
  evaluated: number;
  notEvaluable: number;
  findings: { severity: 'high' | 'medium'; date: string; person: string; detail: string }[];
} {
  let evaluated = 0;
  let notEvaluable = 0;
  const findings: { severity: 'high' | 'medium'; date: string; person: string; detail: string }[] = [];
  for (const d of input.duties) {
    if (d.date < input.from || d.date > input.to) continue;
    const due = consularDueAt(new Date(d.startedAt), input.dueWithinHours).toISOString();
    if (d.outcomeAt === null && due > input.now) {
      notEvaluable++;
      continue;
    }
    evaluated++;
    if (d.outcomeAt === null) {
      findings.push({
        severity: 'high',
        date: d.date,
        person: d.person,
        detail: `consulate not notified and no objection recorded; due ${due}`,
      });
    } else if (d.outcomeAt > due) {
      findings.push({
        severity: 'medium',
        date: d.date,
        person: d.person,
        detail: `${d.outcome === 'objected' ? 'objection recorded' : 'consulate notified'} ${d.outcomeAt}, after the due time ${due}`,
      });
    }
  }
  return { evaluated, notEvaluable, findings };
}
