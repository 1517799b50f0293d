import { defineMessages, msg } from './define.js';
import { countOf, joined, listEs, moneyEs } from './format.js';

/** An issued document's status in Spanish, as the web names it (a factura is feminine). */
const STATUS_ES: Readonly<Record<string, string>> = {
  draft: 'en borrador',
  issued: 'emitida',
  partially_paid: 'pagada en parte',
  paid: 'pagada',
};

/**
 * Billing: fee schedules, the month's bill, invoices, credit notes, payments and the use-of-funds report.
 * English amounts stay in cents, as the API gives them; Spanish ones read as the web's Spanish pages show
 * money (`$1,234.56`).
 */
export const billingMessages = defineMessages({
  'billing.no_fee_schedule': msg(
    () =>
      'The agreement has no fee schedule; add one (POST /api/v1/agreements/{id}/fee-schedules) before billing.',
    () =>
      'El acuerdo no tiene ninguna tarifa; añada una (POST /api/v1/agreements/{id}/fee-schedules) antes de facturar.',
  ),
  'billing.no_time_zone': msg(
    () => 'The agreement lists no facility, so it has no time zone to bill in.',
    () => 'El acuerdo no incluye ningún centro, así que no tiene una zona horaria en la que facturar.',
  ),
  'billing.month_invalid': msg(
    (p: { month: string }) => `month ${p.month} is not a month; write it as YYYY-MM, e.g. 2025-04.`,
    (p) => `month ${p.month} no es un mes; escríbalo como AAAA-MM, p. ej. 2025-04.`,
  ),
  'billing.mixed_currencies': msg(
    (p: { currencies: readonly string[] }) =>
      `The fee schedules mix currencies (${joined(p.currencies)}); one invoice is in one currency.`,
    (p) => `Las tarifas mezclan monedas (${listEs(p.currencies, 'y')}); una factura está en una sola moneda.`,
  ),
  'billing.preview_intervals_invalid': msg(
    (p: { count: number; issues: readonly string[] }) =>
      `${p.count} interval(s) are invalid: ${joined(p.issues, '; ')}`,
    (p) =>
      `${Number(p.count) === 1 ? '1 periodo de custodia no es válido' : `${p.count} periodos de custodia no son válidos`}: ${joined(p.issues, '; ')}`,
  ),
  'billing.intervals_file_invalid': msg(
    (p: { path: string; count: number; issues: readonly string[] }) =>
      `${p.path} has ${p.count} bad line(s):\n  ${joined(p.issues, '\n  ')}`,
    (p) =>
      `${p.path} tiene ${countOf(p.count, 'línea incorrecta', 'líneas incorrectas')}:\n  ${joined(p.issues, '\n  ')}`,
  ),
  'billing.amount_option': msg(
    (p: { name: string; value: string }) =>
      `${p.name} must be an amount above zero such as 1643.84, not "${p.value}".`,
    (p) => `${p.name} debe ser un importe mayor que cero, p. ej. 1643.84, no «${p.value}».`,
  ),
  'billing.amount_too_large': msg(
    (p: { name: string; value: string; max: string }) =>
      `${p.name} ${p.value} is more than any payment or credit note can be (at most ${p.max}); check the amount.`,
    (p) =>
      `${p.name} ${p.value} supera lo que puede ser un pago o una nota de crédito (como máximo ${p.max}); compruebe el importe.`,
  ),
  'billing.year_option': msg(
    (p: { value: string }) => `--year must be between 2000 and 2100, not ${p.value}.`,
    (p) => `--year debe estar entre 2000 y 2100, no ${p.value}.`,
  ),
  'billing.cost_anchors': msg(
    () => 'settings.costAnchors must give whole cents above zero.',
    () => 'settings.costAnchors debe indicar centavos enteros mayores que cero.',
  ),
  'billing.report_submitted': msg(
    (p: { year: number; at: string }) =>
      `The use-of-funds report for ${p.year} was already recorded as submitted on ${p.at}.`,
    (p) => `El informe sobre el uso de los fondos de ${p.year} ya consta como presentado el ${p.at}.`,
  ),
  'billing.report_too_early': msg(
    (p: { year: number; from: string }) =>
      `The use-of-funds report for ${p.year} covers the whole year; it can be submitted from ${p.from}.`,
    (p) =>
      `El informe sobre el uso de los fondos de ${p.year} cubre el año entero; puede presentarse a partir del ${p.from}.`,
  ),

  'invoice.already_issued': msg(
    (p: { number: number; status: string }) =>
      `Invoice ${p.number} is already ${p.status}; an issued document never changes. Correct it with a credit note or a supplementary invoice.`,
    (p) =>
      `La factura n.º ${p.number} ya está ${STATUS_ES[p.status] ?? p.status}; un documento emitido no cambia nunca. Corríjala con una nota de crédito o una factura complementaria.`,
  ),
  'invoice.month_not_over': msg(
    (p: { month: string; today: string; issuableFrom: string }) =>
      `${p.month} is not over yet (today is ${p.today} in the facility's time zone); the invoice bills the custody days that have happened, so issue it from ${p.issuableFrom}. The draft can be generated again until then.`,
    (p) =>
      `El mes ${p.month} aún no ha terminado (hoy es ${p.today} en la zona horaria del centro); la factura cobra los días de custodia ya transcurridos, así que emítala a partir del ${p.issuableFrom}. Hasta entonces, el borrador puede generarse de nuevo.`,
  ),
  'invoice.reference_not_issued': msg(
    (p: { number: number }) =>
      `Document ${p.number} corrects a document that is not issued; issue that one first.`,
    (p) => `El documento n.º ${p.number} corrige un documento que no está emitido; emita primero ese.`,
  ),
  'invoice.credit_note_over_balance': msg(
    (p: { number: number; creditCents: number; balanceCents: number; invoice: number; currency: string }) =>
      `Credit note ${p.number} is for ${p.creditCents} cents, more than the ${p.balanceCents} cents still owed on invoice ${p.invoice}. Credit what is owed, and refund the rest outside this system.`,
    (p) =>
      `La nota de crédito n.º ${p.number} es por ${moneyEs(p.creditCents, p.currency)}, más que los ${moneyEs(p.balanceCents, p.currency)} que aún se adeudan en la factura n.º ${p.invoice}. Acredite lo adeudado y reembolse el resto fuera de este sistema.`,
  ),
  'invoice.due_not_date': msg(
    (p: { dueOn: string }) => `The due date ${p.dueOn} is not a date; write it as YYYY-MM-DD.`,
    (p) => `La fecha de vencimiento ${p.dueOn} no es una fecha; escríbala como AAAA-MM-DD.`,
  ),
  'invoice.due_before_issue': msg(
    (p: { dueOn: string; today: string }) => `The due date ${p.dueOn} is before the issue date ${p.today}.`,
    (p) => `La fecha de vencimiento ${p.dueOn} es anterior a la fecha de emisión ${p.today}.`,
  ),
  'invoice.payment_amount': msg(
    () => 'A payment is a whole number of cents above zero.',
    () => 'Un pago es un número entero de centavos mayor que cero.',
  ),
  'invoice.payment_on_credit_note': msg(
    (p: { number: number }) =>
      `Document ${p.number} is a credit note; payments are recorded against invoices.`,
    (p) => `El documento n.º ${p.number} es una nota de crédito; los pagos se registran contra facturas.`,
  ),
  'invoice.payment_on_draft': msg(
    (p: { number: number }) =>
      `Invoice ${p.number} is a draft; issue it before recording payments against it.`,
    (p) => `La factura n.º ${p.number} es un borrador; emítala antes de registrar pagos contra ella.`,
  ),
  'invoice.overpayment': msg(
    (p: { amountCents: number; balanceCents: number; number: number; currency: string }) =>
      `A payment of ${p.amountCents} cents is more than the ${p.balanceCents} cents owed on invoice ${p.number}.`,
    (p) =>
      `Un pago de ${moneyEs(p.amountCents, p.currency)} supera los ${moneyEs(p.balanceCents, p.currency)} que se adeudan en la factura n.º ${p.number}.`,
  ),
  'invoice.payment_received_not_date': msg(
    (p: { receivedOn: string }) => `receivedOn ${p.receivedOn} is not a date; write it as YYYY-MM-DD.`,
    (p) => `receivedOn ${p.receivedOn} no es una fecha; escríbala como AAAA-MM-DD.`,
  ),
  'invoice.payment_received_future': msg(
    (p: { receivedOn: string }) => `receivedOn ${p.receivedOn} is in the future.`,
    (p) => `receivedOn ${p.receivedOn} es una fecha futura.`,
  ),
  'invoice.payment_reference_missing': msg(
    () => 'A payment needs its reference (the transfer or remittance number).',
    () => 'Un pago necesita su referencia (el número de la transferencia o remesa).',
  ),
  'invoice.credit_reason_missing': msg(
    () => 'A credit note needs its reason.',
    () => 'Una nota de crédito necesita su motivo.',
  ),
  'invoice.credit_amount': msg(
    () => 'A credit note is a whole number of cents above zero.',
    () => 'Una nota de crédito es un número entero de centavos mayor que cero.',
  ),
  'invoice.credit_needs_issued': msg(
    (p: { number: number; kind: string }) =>
      `Document ${p.number} is ${p.kind === 'credit_note' ? 'a credit note' : 'a draft'}; a credit note corrects an issued invoice.`,
    (p) =>
      `El documento n.º ${p.number} es ${p.kind === 'credit_note' ? 'una nota de crédito' : 'un borrador'}; una nota de crédito corrige una factura emitida.`,
  ),
  'invoice.credit_over_balance': msg(
    (p: { amountCents: number; balanceCents: number; number: number; currency: string }) =>
      `A credit of ${p.amountCents} cents is more than the ${p.balanceCents} cents owed on invoice ${p.number}.`,
    (p) =>
      `Un crédito de ${moneyEs(p.amountCents, p.currency)} supera los ${moneyEs(p.balanceCents, p.currency)} que se adeudan en la factura n.º ${p.number}.`,
  ),
});
