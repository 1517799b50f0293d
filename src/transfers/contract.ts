/** The HTTP contract of transfers, legal holds and the facts screenings need. */
import { z } from 'zod';
import { dateString, instantString } from '../core/contract.js';
import { isoDate } from '../core/schemas.js';
import { custodyIntervalSchema } from '../custody/contract.js';
import { ruleEvaluationSchema } from '../eligibility/contract.js';
import { OUTCOMES } from '../eligibility/policy.js';
import { consentSchema, identityVerificationSchema, LEGAL_STATUSES, noticeSchema } from '../people/model.js';
import { handoverSchema, legalHoldRefSchema } from './manifest-contract.js';

export { type HandoverInput, handoverSchema } from './manifest-contract.js';

import { HOLD_TYPES, REASON_LISTS } from './reasons.js';
import { DIRECTIONS, TRANSFER_ACTIONS, TRANSFER_STATUSES, TRANSFER_STEPS } from './states.js';

export { consentSchema, identityVerificationSchema, noticeSchema };

/** A transfer or a person named in the path. */
export const idParams = z.object({ id: z.uuid() });

const asOf = isoDate
  .optional()
  .describe('the planned transfer date for the fresh screening; default today (UTC)');

/** `POST /api/v1/transfers`: nominate a person. */
export const nominateBody = z.object({ personId: z.uuid(), agreementId: z.uuid(), asOf });

/** The filters of the transfers board. */
export const transferBoardQuery = z.object({
  status: z
    .string()
    .optional()
    .describe('comma-separated states, e.g. approved,accepted')
    .refine((v) => !v || v.split(',').every((x) => (TRANSFER_STATUSES as readonly string[]).includes(x)), {
      message: `each state must be one of: ${TRANSFER_STATUSES.join(', ')}`,
    }),
  agreementId: z.uuid().optional(),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as VE')
    .optional(),
  q: z.string().max(100).optional().describe('name or ref'),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** A legal hold as a court issues it. */
const holdBody = z.object({
  type: z.enum(HOLD_TYPES),
  court: z.string().min(1),
  case: z.string().min(1),
  issued: isoDate,
});

/** `POST /api/v1/transfers/{id}/actions`: one action, with what it needs. */
export const transferActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['screen', 'approve', 'accept']), asOf }),
  z.object({ action: z.enum(['reject', 'cancel']), reasonCode: z.string().min(1), asOf }),
  z.object({ action: z.literal('hold'), hold: holdBody.extend({ holdId: z.string().min(1) }), asOf }),
  z.object({
    action: z.literal('lift_hold'),
    lift: z.object({ holdId: z.string().min(1), lifted: isoDate }),
    asOf,
  }),
  z.object({
    action: z.literal('order_return'),
    courtOrder: z.object({ court: z.string().min(1), case: z.string().min(1) }),
    asOf,
  }),
]);
export type TransferActionBody = z.input<typeof transferActionBody>;

/** `POST /api/v1/transfers/{id}/repatriation`: the country of nationality the person goes to. */
export const repatriationBody = z.object({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .describe('ISO 3166 alpha-2 code of one of the person’s nationalities, e.g. VE'),
});
export type RepatriationInput = z.input<typeof repatriationBody>;

/** `POST /api/v1/people/{id}/holds`. */
export const recordHoldBody = holdBody;
export type NewHold = z.input<typeof recordHoldBody>;

/** `GET /api/v1/holds/person`: one of an exact ref or an exact A-number (decision 0032). */
export const holdPersonQuery = z.object({
  ref: z.string().max(100).optional().describe('The exact ref, e.g. ICE-2025-000123'),
  aNumber: z.string().max(40).optional().describe('The exact A-number, e.g. A123456789'),
});

/** The exact matches of a hold lookup: whom the hold is for, nothing about their case. */
export const holdPersonSchema = z.object({
  matches: z.array(
    z.object({ personId: z.string(), ref: z.string(), name: z.string(), agreement: z.string() }),
  ),
});
export type HoldPersonMatches = z.output<typeof holdPersonSchema>;

/** `POST /api/v1/people/{id}/holds/lift`. */
export const liftHoldBody = z.object({ holdId: z.string().min(1), lifted: isoDate });

/** The newest screening of a transfer. */
export const screeningSummarySchema = z.object({
  outcome: z.enum(OUTCOMES),
  inputsHash: z.string(),
  policyVersion: z.number().int(),
  screenedAt: instantString,
  screeningId: z
    .string()
    .optional()
    .describe('the recorded screening, with every rule; absent for steps recorded before screenings were'),
});
export type ScreeningSummary = z.output<typeof screeningSummarySchema>;

/** A transfer's state. */
export const transferStateSchema = z.object({
  transferId: z.string(),
  personId: z.string(),
  agreementId: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  heldFrom: z.enum(TRANSFER_STATUSES).nullable().describe('the state a hold will return it to'),
  holds: z.array(z.string()).readonly().describe('the holds keeping it on hold'),
  holdsPlace: z.boolean(),
  lastScreening: screeningSummarySchema.nullable(),
  returnTransferId: z.string().nullable(),
  direction: z
    .enum(DIRECTIONS)
    .describe('outbound into the receiving facility, or a return or repatriation out of it'),
  returnOf: z
    .string()
    .nullable()
    .describe('for a return or repatriation: the transfer that brought the person'),
  courtOrder: z
    .object({ court: z.string(), case: z.string() })
    .nullable()
    .describe("the court's order that returned it, or that ordered this return"),
  country: z
    .string()
    .nullable()
    .describe('for a repatriation: the country of nationality (ISO 3166 alpha-2)'),
  handover: handoverSchema
    .extend({ at: instantString })
    .nullable()
    .describe('for a return or repatriation that ended: who took the person, and when'),
  version: z.number().int(),
  updatedAt: instantString,
});
export type TransferState = z.output<typeof transferStateSchema>;

/** A row of the transfers board. */
export const transferListItemSchema = z.object({
  transferId: z.string(),
  personId: z.string(),
  ref: z.string(),
  name: z.string(),
  nationalities: z.array(z.string()),
  agreementId: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  holds: z.number().int().describe('the legal holds keeping it on hold'),
  lastScreening: screeningSummarySchema.nullable(),
  manifestId: z.string().nullable(),
  updatedAt: instantString,
});
export type TransferListItem = z.output<typeof transferListItemSchema>;

/** `GET /api/v1/transfers`: counts by state (before the status filter) and the rows, newest first. */
export const transferBoardSchema = z.object({
  counts: z
    .partialRecord(z.enum(TRANSFER_STATUSES), z.number().int())
    .describe('transfers by state; a state with none is absent'),
  transfers: z.array(transferListItemSchema),
});
export type TransferBoard = z.output<typeof transferBoardSchema>;

/** What a step of a transfer's timeline records besides the step: the screening, hold, lift, manifest or court order. */
export const transferStepDetailsSchema = z.object({
  personId: z.string(),
  agreementId: z.string(),
  screening: screeningSummarySchema
    .extend({
      asOf: dateString.optional().describe('the date it was made as of'),
      policyId: z.string().optional(),
      rules: z
        .array(ruleEvaluationSchema)
        .optional()
        .describe("every rule as it was decided, with its result, reason and source, in the policy's order"),
    })
    .optional()
    .describe('the screening the step relied on, as recorded'),
  reservation: z
    .union([z.literal(1), z.literal(-1)])
    .optional()
    .describe('+1 when it took a place of the bed allotment, -1 when it gave its place back'),
  hold: legalHoldRefSchema.optional(),
  lift: z.object({ holdId: z.string(), lifted: dateString }).optional(),
  courtOrder: z.object({ court: z.string(), case: z.string() }).optional(),
  returnTransferId: z.string().optional().describe('the return transfer a court-ordered return started'),
  manifestId: z.string().optional(),
  direction: z.enum(DIRECTIONS).optional().describe('on the step that created the transfer'),
  returnOf: z
    .string()
    .optional()
    .describe('on the start of a return or repatriation: the transfer it undoes'),
  country: z.string().optional().describe('on the start of a repatriation: the country of nationality'),
  handover: handoverSchema.optional().describe('on the end of a return or repatriation: who took the person'),
});

/** A bilingual label. */
const label = z.object({ en: z.string(), es: z.string() });

/** `GET /api/v1/transfers/{id}`: the transfer, its person, timeline, screenings, manifest and custody. */
export const transferDetailSchema = transferStateSchema.extend({
  person: z
    .object({
      id: z.string(),
      ref: z.string(),
      name: z.string(),
      nationalities: z.array(z.string()),
      legalStatus: z.enum(LEGAL_STATUSES),
      holds: z.array(
        holdBody.extend({
          holdId: z.string(),
          lifted: dateString.nullable(),
          inForce: z.boolean().describe('in force today'),
        }),
      ),
      notice: noticeSchema.nullable(),
      consent: consentSchema.nullable(),
      identityVerification: identityVerificationSchema.nullable(),
    })
    .nullable(),
  history: z.array(
    z.object({
      version: z.number().int(),
      action: z.enum(TRANSFER_STEPS),
      fromStatus: z.enum(TRANSFER_STATUSES).nullable(),
      toStatus: z.enum(TRANSFER_STATUSES),
      actor: z.string(),
      role: z.string(),
      reasonCode: z.string().nullable(),
      at: instantString,
      details: transferStepDetailsSchema,
    }),
  ),
  screenings: z.array(
    z.object({
      id: z.string(),
      asOf: dateString,
      outcome: z.enum(OUTCOMES),
      rules: z.array(ruleEvaluationSchema).describe("every rule evaluation, in the policy's order"),
      policyId: z.string(),
      policyVersion: z.number().int(),
      inputsHash: z.string(),
      personVersion: z.number().int(),
      recordedAt: instantString,
      actor: z.string(),
      reason: z
        .string()
        .nullable()
        .describe(
          'why it was made: the step it was made for (e.g. step_screen) or the change of facts (e.g. notice_recorded)',
        ),
    }),
  ),
  manifestId: z.string().nullable(),
  linked: z
    .array(
      z.object({
        transferId: z.string(),
        direction: z.enum(DIRECTIONS),
        status: z.enum(TRANSFER_STATUSES),
        relation: z
          .enum(['original', 'return'])
          .describe('original: the transfer this one undoes; return: one undoing it'),
      }),
    )
    .describe('the transfer a return or repatriation undoes, and the returns and repatriations of this one'),
  custody: z.array(custodyIntervalSchema),
  allowedActions: z.array(
    z.object({
      action: z.enum(TRANSFER_ACTIONS),
      via: z.enum(['transfer', 'manifest', 'holds']),
      reason: z
        .enum(Object.keys(REASON_LISTS).filter((k): k is keyof typeof REASON_LISTS => k in REASON_LISTS))
        .nullable(),
      reasonCodes: z.array(z.object({ code: z.string(), label })),
      screening: z.enum(['none', 'fresh', 'fresh_eligible']),
    }),
  ),
});
export type TransferDetail = z.output<typeof transferDetailSchema>;

/** A hold recorded: the transfers it put on hold, and alerts for people already in transit or received. */
export const holdRecordedSchema = z.object({
  holdId: z.string(),
  transfersHeld: z.array(z.string()),
  alerts: z.array(
    z.object({
      kind: z.enum(['hold_on_person_in_transit', 'hold_on_person_received']),
      transferId: z.string(),
      personId: z.string(),
      hold: legalHoldRefSchema,
      at: instantString,
      message: label,
    }),
  ),
});
export type HoldRecorded = z.output<typeof holdRecordedSchema>;

/** A hold lifted: the transfers it released to screened. */
export const holdLiftedSchema = z.object({ transfersReleased: z.array(z.string()) });
export type HoldLifted = z.output<typeof holdLiftedSchema>;

/** A fact recorded on a person: the new version and the open transfers re-screened. */
export const factRecordedSchema = z.object({
  personId: z.string(),
  version: z.number().int(),
  rescreened: z.array(z.string()),
});
