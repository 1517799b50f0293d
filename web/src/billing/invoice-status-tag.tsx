import { useI18n } from '../language.tsx';
import type { InvoiceStatus } from './api.ts';

/** A document's status as a tag: the name in words, the colour only repeating it. */
export function InvoiceStatusTag({ status }: { status: InvoiceStatus }) {
  const { t } = useI18n();
  return (
    <span className={`usa-tag custodia-invoice-state custodia-invoice-state--${status}`} data-status={status}>
      {t(`invoice.status.${status}`)}
    </span>
  );
}
