/** The HTTP contract of the dashboard: one summary composed of the other features' views. */
import { z } from 'zod';
import { AGREEMENT_STATUSES } from '../agreements/model.js';
import { capacitySchema } from '../facilities/contract.js';
import { checkpointSummarySchema } from '../ledger/contract.js';
import { releaseRowSchema } from '../releases/contract.js';
import { manifestAlarmViewSchema } from '../transfers/manifest-contract.js';
import { TRANSFER_STATUSES } from '../transfers/states.js';

/** `GET /api/v1/dashboard`: agreements, facilities, transfers by state, alarms and the ledger. */
export const dashboardSchema = z.object({
  agreements: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      status: z.enum(AGREEMENT_STATUSES),
      bedAllotment: z.number().int(),
      people: z.number().int(),
      effectiveFrom: z.string().nullable(),
      sendingJurisdiction: z.string(),
      receivingJurisdiction: z.string(),
    }),
  ),
  facilities: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      timeZone: z.string(),
      capacity: capacitySchema,
      occupancy: z.object({
        transferees: z.number().int(),
        local: z.number().int(),
        total: z.number().int(),
      }),
    }),
  ),
  transfers: z
    .partialRecord(z.enum(TRANSFER_STATUSES), z.number().int())
    .describe('transfers by state; a state with none is absent'),
  alarms: z.object({
    manifests: z.array(manifestAlarmViewSchema).describe('manifests that arrived and are not reconciled'),
    overdueReleases: z
      .array(releaseRowSchema)
      .describe(
        'people held after their release date with no court order explaining it, longest overdue first',
      ),
  }),
  ledger: z.object({
    size: z.number().int(),
    origin: z.string(),
    verifierKey: z.string(),
    checkpoint: checkpointSummarySchema.nullable(),
    witnessing: z
      .object({
        witnesses: z.number().int().describe('witnesses configured (`custodia ledger witnesses add`)'),
        quorum: z.number().int().describe('cosignatures a checkpoint needs to count as witnessed'),
        witnessedSize: z
          .number()
          .int()
          .nullable()
          .describe('the newest checkpoint size cosigned by at least `quorum` witnesses; null when none is'),
      })
      .describe('witness cosigning of the checkpoints (C2SP tlog-witness)'),
  }),
});
export type Dashboard = z.output<typeof dashboardSchema>;
