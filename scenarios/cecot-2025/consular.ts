import type { AppContext } from '../../src/context.js';
import { recordConsular } from '../../src/custody/isolation-service.js';
import type { Actor } from '../../src/ledger/events.js';

/**
 * Consular notification for the April flight's Venezuelans (eligible-cohort.ts), received at CECOT on the
 * evening of 10 April 2025: receiving custody records, person by person, that the consulate was told or that
 * the man objected (VCCR Art. 36(1)(b)). El Salvador and Venezuela broke off diplomatic relations in 2019,
 * so there is no Venezuelan consulate in San Salvador; the notification goes to Venezuela's foreign
 * ministry by diplomatic note. As intake would have it: most are told within the 72 hours, one objects in
 * writing, one is told six days late and one is never recorded, so the April compliance report judges
 * `consular-notification` with two findings. Synthetic: the dates are the scenario's, not reported ones.
 */

/** Whom the scenario notifies for a Venezuelan national. */
export const VENEZUELAN_CONSULATE = 'Venezuelan Ministry of Foreign Affairs, by diplomatic note';

const NO_CONSULATE =
  'No Venezuelan consulate in El Salvador since diplomatic relations were broken off in 2019; notified by diplomatic note.';

type Plan =
  | { ref: string; outcome: 'notified'; at: string }
  | { ref: string; outcome: 'objected'; at: string; note: string };

/** Each foreign national's recorded outcome, at 10:00–14:00 in San Salvador (UTC−6); V00012 has none. */
export const CONSULAR_RECORDS: readonly Plan[] = [
  { ref: 'ICE-2025-V00001', outcome: 'notified', at: '2025-04-11T16:00:00.000Z' },
  { ref: 'ICE-2025-V00002', outcome: 'notified', at: '2025-04-11T16:00:00.000Z' },
  { ref: 'ICE-2025-V00003', outcome: 'notified', at: '2025-04-11T16:00:00.000Z' },
  {
    ref: 'ICE-2025-V00004',
    outcome: 'objected',
    at: '2025-04-11T17:00:00.000Z',
    note: 'Asked in writing, at the intake interview, that the authorities of Venezuela not be told of his detention.',
  },
  { ref: 'ICE-2025-V00005', outcome: 'notified', at: '2025-04-11T20:00:00.000Z' },
  { ref: 'ICE-2025-V00006', outcome: 'notified', at: '2025-04-11T20:00:00.000Z' },
  { ref: 'ICE-2025-V00007', outcome: 'notified', at: '2025-04-12T16:00:00.000Z' },
  { ref: 'ICE-2025-V00008', outcome: 'notified', at: '2025-04-12T16:00:00.000Z' },
  { ref: 'ICE-2025-V00009', outcome: 'notified', at: '2025-04-12T16:00:00.000Z' },
  { ref: 'ICE-2025-V00010', outcome: 'notified', at: '2025-04-12T16:00:00.000Z' },
  // Six days after intake: past the 72 hours, a finding (medium).
  { ref: 'ICE-2025-V00011', outcome: 'notified', at: '2025-04-16T16:00:00.000Z' },
];

/**
 * The scenario's consular records as steps of the story, each at its instant. A man not in custody (the
 * cohort was loaded without its April flight) is left out.
 */
export function consularSteps(
  ctx: AppContext,
  custody: Actor,
  personOf: (ref: string) => Promise<string | undefined>,
  onRecorded: () => void = () => {},
): { at: string; order: number; run: () => Promise<void> }[] {
  return CONSULAR_RECORDS.map((plan, i) => ({
    at: plan.at,
    order: 5_000_000 + i,
    run: async () => {
      const personId = await personOf(plan.ref);
      if (!personId) return;
      await recordConsular(
        ctx,
        custody,
        personId,
        plan.outcome === 'notified'
          ? { outcome: 'notified', consulate: VENEZUELAN_CONSULATE, at: plan.at, note: NO_CONSULATE }
          : { outcome: 'objected', at: plan.at, note: plan.note },
      );
      onRecorded();
    },
  }));
}
