import { defineMessages, msg } from './define.js';
import { joined } from './format.js';

/** Video-link hearings: rooms, their schedules and blocks, bookings, amendments and outcomes. */
export const hearingMessages = defineMessages({
  'room.schedule_invalid': msg(
    (p: { text: string; hint: string }) => `The room schedule "${p.text}" cannot be read: ${p.hint}.`,
    (p) =>
      `No se puede leer el horario de la sala «${p.text}»: ${p.hint} (escriba cada fila como «Mon-Fri 08:00-17:00», con los días en inglés, y «court» al final si es solo para audiencias).`,
  ),
  'room.block_invalid': msg(
    (p: { from: string; to: string }) =>
      `A room block runs from ${p.from} to ${p.to}; write both as ISO 8601 instants, the end after the start.`,
    (p) =>
      `Un bloqueo de sala va del ${p.from} al ${p.to}; escriba ambos como instantes ISO 8601, el final después del inicio.`,
  ),
  'room.block_reason_missing': msg(
    () => 'Say why the room is blocked, e.g. "link equipment under repair".',
    () => 'Indique por qué se bloquea la sala, p. ej. «equipo de videoenlace en reparación».',
  ),
  'room.code_invalid': msg(
    (p: { code: string }) =>
      `"${p.code}" is not a room code; use 1–40 letters, digits, "-", "_" or ".", e.g. "SALA-1".`,
    (p) =>
      `«${p.code}» no es un código de sala; use de 1 a 40 letras, dígitos, «-», «_» o «.», p. ej. «SALA-1».`,
  ),
  'room.code_taken': msg(
    (p: { code: string; facility: string }) =>
      `Facility ${p.facility} already has a room "${p.code}"; choose another code.`,
    (p) => `El centro ${p.facility} ya tiene una sala «${p.code}»; elija otro código.`,
  ),
  'room.not_found': msg(
    (p: { room: string }) =>
      `There is no hearing room "${p.room}" at this facility; list them with "custodia rooms list".`,
    (p) =>
      `No existe la sala de audiencias «${p.room}» en este centro; consúltelas con «custodia rooms list».`,
  ),
  'hearing.zone_unknown': msg(
    (p: { zone: string }) =>
      `"${p.zone}" is not a time zone; use an IANA zone such as America/New_York or America/El_Salvador.`,
    (p) =>
      `«${p.zone}» no es una zona horaria; use una zona IANA como America/New_York o America/El_Salvador.`,
  ),
  'hearing.type_unknown': msg(
    (p: { type: string; values: readonly string[] }) =>
      `"${p.type}" is not a hearing type; use one of: ${joined(p.values)}.`,
    (p) => `«${p.type}» no es un tipo de audiencia; use uno de estos valores: ${joined(p.values)}.`,
  ),
  'hearing.time_invalid': msg(
    (p: { value: string }) =>
      `${p.value} is not an instant; write it as ISO 8601, e.g. 2025-04-14T15:00:00Z.`,
    (p) => `${p.value} no es un instante; escríbalo en formato ISO 8601, p. ej. 2025-04-14T15:00:00Z.`,
  ),
  'hearing.start_past': msg(
    (p: { start: string }) => `The hearing would start ${p.start}, in the past; book a time still to come.`,
    (p) => `La audiencia empezaría el ${p.start}, en el pasado; reserve una hora futura.`,
  ),
  'hearing.minutes_invalid': msg(
    (p: { field: string; value: string; min: number; max: number }) =>
      `${p.field} is ${p.value}; give a whole number of minutes from ${p.min} to ${p.max}.`,
    (p) => `${p.field} es ${p.value}; indique un número entero de minutos entre ${p.min} y ${p.max}.`,
  ),
  'hearing.video_url_invalid': msg(
    (p: { url: string }) => `"${p.url}" is not a video link; give the court's https:// meeting address.`,
    (p) =>
      `«${p.url}» no es un enlace de video; indique la dirección https:// de la sala virtual del tribunal.`,
  ),
  'hearing.interpreter_invalid': msg(
    (p: { language: string }) =>
      `"${p.language}" is not a language tag; write it as BCP 47, e.g. "es", "ht" or "pt-BR".`,
    (p) => `«${p.language}» no es una etiqueta de idioma; escríbala en BCP 47, p. ej. «es», «ht» o «pt-BR».`,
  ),
  'hearing.wrong_state': msg(
    (p: { bookingId: string; status: string; step: string }) =>
      `Hearing ${p.bookingId} is ${p.status}; it cannot be given the step "${p.step}". Only a booked hearing is amended, cancelled or given an outcome; a cancelled one, or one with an outcome, is final.`,
    (p) =>
      `La audiencia ${p.bookingId} está en estado ${p.status}; no admite el paso «${p.step}». Solo una audiencia reservada se modifica, se cancela o recibe un resultado; una cancelada, o con resultado, es definitiva.`,
  ),
  'hearing.started': msg(
    (p: { start: string }) =>
      `The hearing started ${p.start}; it can no longer be amended. Record its outcome instead.`,
    (p) => `La audiencia empezó el ${p.start}; ya no se puede modificar. Registre su resultado.`,
  ),
  'hearing.nothing_changed': msg(
    (p: { bookingId: string }) =>
      `The amendment changes nothing in hearing ${p.bookingId}; give a new value.`,
    (p) => `La modificación no cambia nada en la audiencia ${p.bookingId}; indique un valor nuevo.`,
  ),
  'hearing.not_started': msg(
    (p: { start: string }) => `The hearing starts ${p.start}; record its outcome once it has started.`,
    (p) => `La audiencia empieza el ${p.start}; registre su resultado cuando haya empezado.`,
  ),
  'hearing.outcome_unknown': msg(
    (p: { outcome: string; values: readonly string[] }) =>
      `"${p.outcome}" is not a hearing outcome; use one of: ${joined(p.values)}.`,
    (p) => `«${p.outcome}» no es un resultado de audiencia; use uno de estos valores: ${joined(p.values)}.`,
  ),
  'hearing.reason_required': msg(
    (p: { reasonCode: string; values: readonly string[] }) =>
      `A person not produced needs a reason; "${p.reasonCode}" is not one of: ${joined(p.values)}.`,
    (p) =>
      `Si la persona no fue presentada, indique el motivo; «${p.reasonCode}» no es uno de estos valores: ${joined(p.values)}.`,
  ),
  'hearing.court_zone_missing': msg(
    (p: { court: string }) =>
      `Court ${p.court} has no time zone recorded, so its hearings cannot be shown on its own clock: set it first (\`custodia court zone "${p.court}" --zone America/New_York\`, or the court's own zone).`,
    (p) =>
      `El tribunal ${p.court} no tiene zona horaria registrada, así que sus audiencias no pueden mostrarse en su propia hora: regístrela primero (\`custodia court zone "${p.court}" --zone America/New_York\`, o la zona del tribunal).`,
  ),
  'hearing.not_in_custody': msg(
    (p: { personId: string }) =>
      `Person ${p.personId} is not in custody at a facility; a video-link hearing is booked only for someone held.`,
    (p) =>
      `La persona ${p.personId} no está bajo custodia en un centro; solo se reserva una audiencia por videoenlace para alguien detenido.`,
  ),
  'hearing.unavailable': msg(
    (p: { conflicts: readonly string[]; alternatives: number }) =>
      `The slot is not free (${joined(p.conflicts)}); ${p.alternatives} alternative(s) offered.`,
    (p) => `La franja no está libre (${joined(p.conflicts)}); se ofrecen ${p.alternatives} alternativa(s).`,
  ),
});
