import { defineMessages, msg } from './define.js';
import { joined } from './format.js';

/** Legal visits: counsel's requests, receiving custody's scheduling, refusals and outcomes (Mandela Rule 61). */
export const legalVisitMessages = defineMessages({
  'legal_visit.time_invalid': msg(
    (p: { field: string; value: string }) => `${p.field} ${p.value} is not an instant; write it as ISO 8601.`,
    (p) => `${p.field} ${p.value} no es un instante; escríbalo en formato ISO 8601.`,
  ),
  'legal_visit.kind_unknown': msg(
    (p: { kind: string; values: readonly string[] }) =>
      `${JSON.stringify(p.kind)} is not a kind of legal visit; use one of: ${joined(p.values)}.`,
    (p) =>
      `${JSON.stringify(p.kind)} no es un tipo de visita legal; use uno de estos valores: ${joined(p.values)} (presencial, videollamada, teléfono).`,
  ),
  'legal_visit.window_order': msg(
    (p: { from: string; to: string }) =>
      `The preferred window starts ${p.from} and ends ${p.to}; it must end after it starts.`,
    (p) => `La franja preferida empieza el ${p.from} y termina el ${p.to}; debe terminar después de empezar.`,
  ),
  'legal_visit.window_past': msg(
    (p: { to: string }) => `The preferred window ended ${p.to}, in the past; ask for a window still to come.`,
    (p) => `La franja preferida terminó el ${p.to}, en el pasado; solicite una franja futura.`,
  ),
  'legal_visit.wrong_state': msg(
    (p: { visitId: string; status: string; step: string }) =>
      `Legal visit ${p.visitId} is ${p.status}; it cannot be given the step "${p.step}" now. A requested visit is scheduled or refused, a scheduled one is recorded held or not held, and counsel may cancel either; a held, not held, refused or cancelled visit is final.`,
    (p) =>
      `La visita legal ${p.visitId} está en estado ${p.status}; no admite ahora el paso «${p.step}». Una visita solicitada se programa o se deniega, una programada se registra como celebrada o no celebrada, y el abogado puede cancelar cualquiera de las dos; una visita celebrada, no celebrada, denegada o cancelada es definitiva.`,
  ),
  'legal_visit.room_missing': msg(
    () => 'Name the room the visit is held in, by its location code, e.g. "SALA-1".',
    () => 'Indique la sala donde se celebra la visita, por su código de ubicación, p. ej. «SALA-1».',
  ),
  'legal_visit.slot_order': msg(
    (p: { startsAt: string; endsAt: string }) =>
      `The visit starts ${p.startsAt} and ends ${p.endsAt}; it must end after it starts.`,
    (p) => `La visita empieza el ${p.startsAt} y termina el ${p.endsAt}; debe terminar después de empezar.`,
  ),
  'legal_visit.before_request': msg(
    (p: { startsAt: string; requestedAt: string }) =>
      `The visit cannot start ${p.startsAt}, before it was requested (${p.requestedAt}).`,
    (p) => `La visita no puede empezar el ${p.startsAt}, antes de haberse solicitado (${p.requestedAt}).`,
  ),
  'legal_visit.reason_unknown': msg(
    (p: { reasonCode: string; values: readonly string[] }) =>
      `${JSON.stringify(p.reasonCode)} is not a reason code; use one of: ${joined(p.values)}.`,
    (p) =>
      `${JSON.stringify(p.reasonCode)} no es un código de motivo; use uno de estos valores: ${joined(p.values)}.`,
  ),
  'legal_visit.reason_missing': msg(
    () => 'Say why in words, e.g. "the facility is in lockdown after an incident".',
    () => 'Explique el motivo con palabras, p. ej. «el centro está cerrado tras un incidente».',
  ),
  'legal_visit.not_started': msg(
    (p: { startsAt: string }) =>
      `The visit is scheduled to start ${p.startsAt}; record whether it was held once it has started.`,
    (p) => `La visita está programada para el ${p.startsAt}; registre si se celebró cuando haya empezado.`,
  ),
  'legal_visit.outcome_unknown': msg(
    (p: { outcome: string }) => `${JSON.stringify(p.outcome)} is not an outcome; use held or not_held.`,
    (p) => `${JSON.stringify(p.outcome)} no es un resultado; use held (celebrada) o not_held (no celebrada).`,
  ),
  'legal_visit.not_in_custody': msg(
    (p: { personId: string }) =>
      `Person ${p.personId} is not in custody at any facility; a legal visit is requested with a client in custody.`,
    (p) =>
      `La persona ${p.personId} no está bajo custodia en ningún centro; una visita legal se solicita con un cliente bajo custodia.`,
  ),
  'legal_visit.list_whose': msg(
    () => 'Name whose legal visits to list: --facility CODE or --person REF --agreement ID.',
    () => 'Indique de quién listar las visitas legales: --facility CÓDIGO o --person REF --agreement ID.',
  ),
  'legal_visit.status_unknown': msg(
    (p: { status: string; values: readonly string[] }) =>
      `${JSON.stringify(p.status)} is not a state of a legal visit; use one of: ${joined(p.values)}.`,
    (p) =>
      `${JSON.stringify(p.status)} no es un estado de una visita legal; use uno de estos valores: ${joined(p.values)}.`,
  ),
});
