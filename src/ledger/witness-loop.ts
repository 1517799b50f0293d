import type { AppContext } from '../context.js';
import { listWitnesses } from './witness-store.js';
import { networkTransport, type WitnessTransport, witnessNewestCheckpoint } from './witnessing.js';

/**
 * Witnessing in the background, for `custodia serve`: `notify()` after a commit starts a round that
 * submits the newest checkpoint to every witness, off the request path. Rounds never overlap; a notice
 * during a round asks for one more round afterwards, so bursts of writes cost one round each.
 */
export interface WitnessLoop {
  notify(): void;
  /** Resolves when no round is running or pending (for tests and shutdown). */
  idle(): Promise<void>;
}

/** Builds the loop; `warn` receives a round's failure (the request that triggered it is long answered). */
export function witnessLoop(
  ctx: Pick<AppContext, 'handle' | 'clock'>,
  warn: (message: string) => void,
  transport: WitnessTransport = networkTransport,
): WitnessLoop {
  let running: Promise<void> | null = null;
  let pending = false;
  const round = async (): Promise<void> => {
    do {
      pending = false;
      try {
        if ((await listWitnesses(ctx.handle.db)).length === 0) continue;
        const { outcomes } = await witnessNewestCheckpoint(ctx, transport);
        for (const o of outcomes)
          if (o.outcome !== 'cosigned') warn(`witness ${o.witness}: ${o.outcome}: ${o.detail}`);
      } catch (error) {
        warn(`witnessing failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (pending);
    running = null;
  };
  return {
    notify() {
      if (running) {
        pending = true;
        return;
      }
      running = round();
    },
    async idle() {
      while (running) await running;
    },
  };
}
