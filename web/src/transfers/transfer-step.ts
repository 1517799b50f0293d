import type { TransferActionBody, TransferState } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { actOnTransfer } from './api.ts';

/**
 * Takes a step on a transfer through a section's runner, under `key`; success says the state it moved to.
 * Resolves true when the server took it.
 */
export function useTransferStep(
  transferId: string,
  runner: ActionRunner,
): (key: string, body: TransferActionBody) => Promise<boolean> {
  return (key, body) =>
    runner.run(
      key,
      () => actOnTransfer(transferId, body),
      ({ t, label }, result: TransferState) =>
        t('transfer.moved', { state: label('transferStatus', result.status) }),
    );
}
