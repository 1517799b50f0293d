import { DateField } from '../components/fields.tsx';
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import { zonedToInstant } from '../zoned-time.ts';

/** A start and an end typed on a clock: a visit's slot, or counsel's preferred window. */
export interface Slot {
  from: string;
  to: string;
}

/** The errors of a slot, by field. */
export interface SlotErrors {
  from?: string;
  to?: string;
}

/**
 * Reads a slot typed in `zone`: both instants, or which is missing and whether the end is not after the
 * start (said with `orderKey`).
 */
export function readSlot(
  slot: Slot,
  zone: string,
  t: (key: MessageKey) => string,
  orderKey: MessageKey,
): { from: string; to: string } | { errors: SlotErrors } {
  const from = zonedToInstant(slot.from, zone);
  const to = zonedToInstant(slot.to, zone);
  if (from && to && Date.parse(to) > Date.parse(from)) return { from, to };
  return {
    errors: {
      ...(from ? {} : { from: t('visits.timeMissing') }),
      ...(to ? (from ? { to: t(orderKey) } : {}) : { to: t('visits.timeMissing') }),
    },
  };
}

/** The two date-and-time fields of a slot, with their labels, the clock's hint and their errors. */
export function SlotFields({
  id,
  labels,
  hint,
  slot,
  errors,
  onChange,
}: {
  id: string;
  labels: { from: MessageKey; to: MessageKey };
  hint: string;
  slot: Slot;
  errors: SlotErrors;
  onChange: (slot: Slot) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <DateField
        id={`${id}-from`}
        withTime
        label={t(labels.from)}
        hint={hint}
        error={errors.from}
        value={slot.from}
        onChange={(from) => onChange({ ...slot, from })}
      />
      <DateField
        id={`${id}-to`}
        withTime
        label={t(labels.to)}
        hint={hint}
        error={errors.to}
        value={slot.to}
        onChange={(to) => onChange({ ...slot, to })}
      />
    </>
  );
}
