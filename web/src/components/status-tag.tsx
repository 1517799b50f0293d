import type { ManifestStatus, TransferStatus } from '../api.ts';
import { useI18n } from '../language.tsx';
import { stateTone } from '../transfers/transfer-states.ts';
import './status-tag.css';

/** A transfer's state as a tag: the name in words, the colour only repeating it. */
export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const { label } = useI18n();
  return (
    <span className={`usa-tag custodia-state custodia-state--${stateTone(status)}`} data-status={status}>
      {label('transferStatus', status)}
    </span>
  );
}

/** A manifest's state as a tag. */
export function ManifestStatusTag({ status }: { status: ManifestStatus }) {
  const { label } = useI18n();
  return (
    <span
      className={`usa-tag custodia-manifest-state custodia-manifest-state--${status}`}
      data-status={status}
    >
      {label('manifestStatus', status)}
    </span>
  );
}
