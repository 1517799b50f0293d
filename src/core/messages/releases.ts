import { defineMessages, msg } from './define.js';

/** Release dates, the releases-due worklist and detention explained by a court order. */
export const releaseMessages = defineMessages({
  'release_date.not_calculated': msg(
    (p: { personId: string }) =>
      `Person ${p.personId} has no release date calculated yet; a release date is calculated when a person enters custody. Override it after intake.`,
    (p) =>
      `La persona ${p.personId} aún no tiene una fecha de excarcelación calculada; se calcula cuando la persona ingresa bajo custodia. Modifíquela después del ingreso.`,
  ),
  'release_date.override_reason_missing': msg(
    () => 'An override needs its reason, e.g. "resentenced on appeal; 2 years remitted".',
    () =>
      'Una modificación manual necesita su motivo, p. ej. «nueva condena en apelación; 2 años remitidos».',
  ),
  'release_date.override_before_start': msg(
    (p: { date: string; start: string }) =>
      `The release date ${p.date} is before the first sentence started (${p.start}); nobody is released before their sentence begins. Check the date.`,
    (p) =>
      `La fecha de excarcelación ${p.date} es anterior al inicio de la primera condena (${p.start}); nadie queda en libertad antes de empezar a cumplir su condena. Compruebe la fecha.`,
  ),
  'release_date.not_in_custody': msg(
    (p: { personId: string }) =>
      `Person ${p.personId} is not in custody; a court order explains the detention of someone held. Check the person.`,
    (p) =>
      `La persona ${p.personId} no está bajo custodia; una orden judicial explica la detención de alguien que sigue detenido. Compruebe la persona.`,
  ),
  'release_date.order_in_future': msg(
    (p: { date: string }) =>
      `The court order's date ${p.date} is in the future; record an order once it is made.`,
    (p) => `La fecha de la orden judicial, ${p.date}, es futura; registre la orden una vez dictada.`,
  ),
  'release_date.on_invalid': msg(
    (p: { on: string }) => `${p.on} is not a date; write the day as YYYY-MM-DD, e.g. 2025-12-15.`,
    (p) => `${p.on} no es una fecha; escriba el día como AAAA-MM-DD, p. ej. 2025-12-15.`,
  ),
  'release_date.days_range': msg(
    (p: { days: number; max: number }) =>
      `--days ${p.days} is out of range; give a whole number of days from 0 to ${p.max}, e.g. 90.`,
    (p) =>
      `--days ${p.days} está fuera de rango; indique un número entero de días entre 0 y ${p.max}, p. ej. 90.`,
  ),
});
