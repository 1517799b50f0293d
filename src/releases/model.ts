import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalize } from '../core/canonical-json.js';
import { epochDayOf } from '../core/days.js';
import { defineEvent, event, type NewEvent } from '../core/events.js';
import { latestRelease, sentenceBreakdown } from '../eligibility/sentence.js';
import type { PersonRecord } from '../people/model.js';
import { CALCULATION_REASONS, type CalculationReason } from './reasons.js';

/**
 * Release dates (docs/domain.md, Release dates): each calculation stores its inputs, their hash, the
 * result and the rule breakdown, why it was made and (in the ledger envelope) who made it, after the UK's
 * Calculate Release Dates service. The arithmetic is src/eligibility/sentence.ts's, never a second copy.
 * Pure: no I/O.
 */

export { CALCULATION_REASONS, type CalculationReason };

export const RELEASE_DATE_EVENTS = {
  calculated: 'release_date.calculated',
  explained: 'release_date.detention_explained',
} as const;

const sentenceInputSchema = z.object({
  days: z.number().int().nullable(),
  start: z.string(),
  creditDays: z.number().int(),
  consecutiveTo: z.string().nullable(),
});

/** What a calculation depends on: each conviction that carries a sentence, with its finality. */
export const calculationInputsSchema = z.object({
  sentences: z.array(
    z.object({ convictionId: z.string(), final: z.boolean(), sentence: sentenceInputSchema }),
  ),
});
export type CalculationInputs = z.output<typeof calculationInputsSchema>;

/** The result: a date, life (no date, said so), or none (no final sentence to count). */
export const releaseResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: z.string() }),
  z.object({ kind: z.literal('life'), beyondRepresentable: z.boolean() }),
  z.object({ kind: z.literal('none') }),
]);
export type ReleaseResult = z.output<typeof releaseResultSchema>;

/** One line of the breakdown: a sentence, the start the arithmetic used, and its release. */
export const breakdownLineSchema = z.object({
  convictionId: z.string(),
  final: z.boolean(),
  recordedStart: z.string(),
  start: z.string().nullable(),
  days: z.number().int().nullable(),
  creditDays: z.number().int(),
  consecutiveTo: z.string().nullable(),
  release: releaseResultSchema,
  /** True for the sentence whose release is the person's (the latest over final sentences). */
  governing: z.boolean(),
});
export type BreakdownLine = z.output<typeof breakdownLineSchema>;

/** A court order cited by a calculation or a detention explanation. */
export const courtOrderSchema = z.object({ reference: z.string(), court: z.string(), date: z.string() });
export type CourtOrder = z.output<typeof courtOrderSchema>;

/** An override: the date set by hand, why, on which order, and the role of who set it. */
export const overrideSchema = z.object({
  date: z.string(),
  reason: z.string(),
  courtOrder: courtOrderSchema.nullable(),
  role: z.string(),
});
export type Override = z.output<typeof overrideSchema>;

/** Recorded for each calculation; the envelope's actor is who made it. */
export const releaseDateCalculatedSchema = z.object({
  calculationId: z.string(),
  personId: z.string(),
  reason: z.enum(CALCULATION_REASONS),
  inputsHash: z.string(),
  inputs: calculationInputsSchema,
  /** The computed result from the inputs alone. */
  computed: releaseResultSchema,
  /** What is in force: the computed result, or the override's date. */
  result: releaseResultSchema,
  breakdown: z.array(breakdownLineSchema),
  override: overrideSchema.nullable(),
  at: z.string(),
});
export type ReleaseDateCalculated = z.output<typeof releaseDateCalculatedSchema>;

/** A court order recorded as explaining why a person is still held after their release date. */
export const detentionExplainedSchema = z.object({
  explanationId: z.string(),
  personId: z.string(),
  intervalId: z.string(),
  courtOrder: courtOrderSchema,
  note: z.string().nullable(),
  at: z.string(),
});
export type DetentionExplained = z.output<typeof detentionExplainedSchema>;

/** The release-date event types. */
export const releaseDateEvent = {
  calculated: defineEvent(RELEASE_DATE_EVENTS.calculated, releaseDateCalculatedSchema),
  explained: defineEvent(RELEASE_DATE_EVENTS.explained, detentionExplainedSchema),
};

/** The inputs of a person's calculation, from their record. */
export function inputsOf(record: Pick<PersonRecord, 'convictions'>): CalculationInputs {
  return {
    sentences: record.convictions.flatMap((c) =>
      c.sentence
        ? [
            {
              convictionId: c.id,
              final: c.final,
              sentence: {
                days: 'days' in c.sentence ? c.sentence.days : null,
                start: c.sentence.start,
                creditDays: c.sentence.creditDays,
                consecutiveTo: c.sentence.consecutiveTo ?? null,
              },
            },
          ]
        : [],
    ),
  };
}

/** The SHA-256 of the inputs' canonical JSON: equal inputs, equal hash, whatever their key order. */
export function inputsHashOf(inputs: CalculationInputs): string {
  return createHash('sha256').update(canonicalize(inputs)).digest('hex');
}

/** The person's record rebuilt from stored inputs: just enough for sentence.ts. */
function recordOfInputs(inputs: CalculationInputs): Pick<PersonRecord, 'convictions'> {
  return {
    convictions: inputs.sentences.map((s) => ({
      id: s.convictionId,
      court: '',
      caseNumber: '',
      offense: '',
      category: 'other',
      judgmentDate: s.sentence.start,
      final: s.final,
      sentence:
        s.sentence.days === null
          ? {
              life: true,
              start: s.sentence.start,
              creditDays: s.sentence.creditDays,
              consecutiveTo: s.sentence.consecutiveTo,
            }
          : {
              days: s.sentence.days,
              start: s.sentence.start,
              creditDays: s.sentence.creditDays,
              consecutiveTo: s.sentence.consecutiveTo,
            },
    })),
  };
}

function resultOf(release: { kind: 'date'; date: string } | { kind: 'life'; beyondRepresentable?: true }) {
  return release.kind === 'date'
    ? { kind: 'date' as const, date: release.date }
    : { kind: 'life' as const, beyondRepresentable: release.beyondRepresentable === true };
}

/**
 * The computed result and breakdown of a set of inputs, by sentence.ts: the latest release over final
 * sentences (life outranks any date), each sentence's derived start and release.
 */
export function compute(inputs: CalculationInputs): { result: ReleaseResult; breakdown: BreakdownLine[] } {
  const record = recordOfInputs(inputs);
  const latest = latestRelease(record);
  const breakdown = sentenceBreakdown(record).map((line) => ({
    ...line,
    release: resultOf(line.release),
    governing: latest?.convictionId === line.convictionId,
  }));
  return { result: latest ? resultOf(latest.release) : { kind: 'none' }, breakdown };
}

/** What a decision needs to know of the calculation in force. */
export interface CurrentCalculation {
  inputsHash: string;
  inputs: CalculationInputs;
  override: Override | null;
}

/** Why the inputs changed: only credits, or the sentences themselves. */
export function changeReason(before: CalculationInputs, after: CalculationInputs): CalculationReason {
  const withoutCredits = (i: CalculationInputs) =>
    canonicalize(i.sentences.map((s) => ({ ...s, sentence: { ...s.sentence, creditDays: 0 } })));
  return withoutCredits(before) === withoutCredits(after) ? 'credits_changed' : 'sentence_changed';
}

/**
 * Decides a (re)calculation from the person's record: the first one is `initial`; later ones only when
 * the inputs changed (`sentence_changed` or `credits_changed`), so recomputing on unchanged inputs makes
 * no new calculation. A new calculation ends any override: the override was made on the earlier inputs,
 * and the history keeps it.
 */
export function decideCalculation(
  personId: string,
  current: CurrentCalculation | undefined,
  record: Pick<PersonRecord, 'convictions'>,
  now: Date,
  newId: () => string,
): NewEvent<ReleaseDateCalculated> | null {
  const inputs = inputsOf(record);
  const inputsHash = inputsHashOf(inputs);
  if (current && current.inputsHash === inputsHash) return null;
  const { result, breakdown } = compute(inputs);
  return event(releaseDateEvent.calculated, streamOf(personId), {
    calculationId: newId(),
    personId,
    reason: current ? changeReason(current.inputs, inputs) : 'initial',
    inputsHash,
    inputs,
    computed: result,
    result,
    breakdown,
    override: null,
    at: now.toISOString(),
  });
}

/** The ledger stream of a person's release-date calculations. */
export function streamOf(personId: string): string {
  return `release-date:${personId}`;
}

/** Why an override is refused, as a message key and its parameters. */
export type OverrideRefusal =
  | { key: 'release_date.not_calculated'; params: { personId: string } }
  | { key: 'release_date.override_reason_missing'; params: Record<string, never> }
  | { key: 'release_date.override_before_start'; params: { date: string; start: string } };

/**
 * Decides an override: a new calculation on the current inputs whose result is the date given, with the
 * reason, the court order when there is one (reason `court_order`, else `override`) and the role of who
 * set it. The computed result and breakdown stay beside it. A date before the earliest sentence start is
 * refused: nobody is released before their sentence began.
 */
export function decideOverride(
  personId: string,
  current: CurrentCalculation | undefined,
  input: { date: string; reason: string; courtOrder: CourtOrder | null; role: string },
  now: Date,
  newId: () => string,
): NewEvent<ReleaseDateCalculated> | OverrideRefusal {
  if (!current) return { key: 'release_date.not_calculated', params: { personId } };
  const reason = input.reason.trim();
  if (!reason) return { key: 'release_date.override_reason_missing', params: {} };
  const starts = current.inputs.sentences.map((s) => s.sentence.start).sort();
  const first = starts[0];
  if (first && epochDayOf(input.date) < epochDayOf(first)) {
    return { key: 'release_date.override_before_start', params: { date: input.date, start: first } };
  }
  const { result, breakdown } = compute(current.inputs);
  return event(releaseDateEvent.calculated, streamOf(personId), {
    calculationId: newId(),
    personId,
    reason: input.courtOrder ? 'court_order' : 'override',
    inputsHash: current.inputsHash,
    inputs: current.inputs,
    computed: result,
    result: { kind: 'date', date: input.date },
    breakdown,
    override: { date: input.date, reason, courtOrder: input.courtOrder, role: input.role },
    at: now.toISOString(),
  });
}

/** Where a release stands on a day: due in so many days, overdue, explained by a court order, or none. */
export type ReleaseStanding =
  | { status: 'due'; days: number }
  | { status: 'overdue'; days: number }
  | { status: 'explained'; days: number }
  | { status: 'none' };

/**
 * The standing of a person held on `today` (a local date) with a release result: overdue when the
 * release date is before today (held on the date itself is lawful: release happens that day), explained
 * when a court order was recorded for this custody, due otherwise; life and none have no release.
 */
export function standingOf(result: ReleaseResult, today: string, explained: boolean): ReleaseStanding {
  if (result.kind !== 'date') return { status: 'none' };
  const days = epochDayOf(result.date) - epochDayOf(today);
  if (days >= 0) return { status: 'due', days };
  return explained ? { status: 'explained', days: -days } : { status: 'overdue', days: -days };
}
