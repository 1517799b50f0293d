import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import type { AllocationResult } from './allocation.js';

/**
 * Housing decisions (docs/domain.md, Housing): applying an allocation as events. Pure: the
 * allocation result, the current assignments and open custody intervals, time and ids are parameters.
 */

export const HOUSING_EVENTS = { assigned: 'housing.assigned' } as const;

/** A transferee assigned to a cell; `endsAssignmentId` names the assignment a move ends. */
export const housingAssignedSchema = z.object({
  assignmentId: z.string(),
  personId: z.string(),
  facilityId: z.string(),
  cellId: z.string(),
  /** The cell's code, for people reading the ledger. */
  cell: z.string(),
  intervalId: z.string(),
  endsAssignmentId: z.string().nullable(),
  /** The instant of the assignment (ISO 8601). */
  at: z.string(),
});
export type HousingAssigned = z.output<typeof housingAssignedSchema>;

/** The housing event types, each with its payload schema. */
export const housingEvent = { assigned: defineEvent(HOUSING_EVENTS.assigned, housingAssignedSchema) };

/**
 * The events that apply an allocation: one per placement that changes someone's cell. Refuses a result
 * whose check report found a broken hard constraint, and anyone without an open custody interval.
 */
export function decideHousing(
  result: Pick<AllocationResult, 'placements' | 'checks'>,
  context: {
    facilityId: string;
    current: ReadonlyMap<string, { assignmentId: string; cellId: string }>;
    intervals: ReadonlyMap<string, string>;
    now: Date;
    newId: () => string;
  },
): HousingAssigned[] {
  if (!result.checks.ok) {
    const first = result.checks.violations[0];
    throw new DomainError(
      'rule_refusal',
      'allocation.checks_failed',
      {
        count: result.checks.violations.length,
        constraint: String(first?.constraint),
        cell: first?.cell ?? null,
        detail: String(first?.detail),
      },
      { details: { rule: 'allocation-checks', violations: result.checks.violations.slice(0, 20) } },
    );
  }
  const at = context.now.toISOString();
  const events: HousingAssigned[] = [];
  for (const p of result.placements) {
    const intervalId = context.intervals.get(p.personId);
    if (!intervalId) {
      throw new DomainError(
        'rule_refusal',
        'allocation.not_in_custody',
        { ref: p.ref },
        { details: { rule: 'housing-in-custody', personId: p.personId } },
      );
    }
    const current = context.current.get(p.personId);
    if (current?.cellId === p.cellId) continue;
    events.push({
      assignmentId: context.newId(),
      personId: p.personId,
      facilityId: context.facilityId,
      cellId: p.cellId,
      cell: p.cell,
      intervalId,
      endsAssignmentId: current?.assignmentId ?? null,
      at,
    });
  }
  return events;
}
