import { defineMessages, msg } from './define.js';
import { countOf, grouped, joined, listEs } from './format.js';

/** Incident kinds in Spanish, as the web names them. */
const INCIDENT_KINDS_ES: Readonly<Record<string, string>> = {
  assault: 'agresión',
  self_harm: 'autolesión',
  death_in_custody: 'muerte bajo custodia',
  use_of_force: 'uso de la fuerza',
  escape: 'fuga',
  release_in_error: 'excarcelación por error',
  headcount_discrepancy: 'discrepancia en el recuento',
  food_refusal: 'rechazo de alimentos',
  missing_after_transport: 'desaparecido tras el traslado',
};

/** Who must be told of a death in custody (Mandela Rules 69 and 71), in Spanish. */
const DEATH_PARTIES_ES: Readonly<Record<string, string>> = {
  next_of_kin: 'los familiares',
  independent_authority: 'la autoridad independiente',
};

const partyEs = (party: string) => DEATH_PARTIES_ES[party] ?? party;

/**
 * Custody: intake and release, the Rule 68 notification, occupancy, incidents and headcounts, the regime
 * log.
 */
export const custodyMessages = defineMessages({
  'custody.agreement_not_found': msg(
    (p: { agreement: string }) => `Agreement ${p.agreement} does not exist.`,
    (p) => `El acuerdo ${p.agreement} no existe.`,
  ),
  'custody.person_ref_not_found': msg(
    (p: { ref: string; agreement: string }) => `No person with ref ${p.ref} under ${p.agreement}.`,
    (p) => `Ninguna persona tiene la referencia ${p.ref} en el acuerdo ${p.agreement}.`,
  ),
  'custody.person_not_id': msg(
    (p: { person: string }) => `${p.person} is not a person id; give --agreement to look it up as a ref.`,
    (p) =>
      `${p.person} no es un identificador de persona; indique --agreement para buscarla por su referencia.`,
  ),
  'custody.already_in_custody': msg(
    (p: { personId: string; intervalId: string; since: string }) =>
      `Person ${p.personId} is already in custody (interval ${p.intervalId} since ${p.since}); a person has at most one open custody interval. Release them first, or check the person.`,
    (p) =>
      `La persona ${p.personId} ya está bajo custodia (periodo de custodia ${p.intervalId} desde ${p.since}); una persona tiene como máximo un periodo de custodia abierto. Registre primero su liberación o compruebe la persona.`,
  ),
  'custody.release_no_open_interval': msg(
    () =>
      'This person has no open custody interval: there is nothing to release. Check the person, or their custody history.',
    () =>
      'Esta persona no tiene ningún periodo de custodia abierto: no hay nada que liberar. Compruebe la persona o su historial de custodia.',
  ),
  'custody.release_reason': msg(
    (p: { reason: string; reasons: readonly string[] }) =>
      `${JSON.stringify(p.reason)} is not a release reason; use one of: ${joined(p.reasons)}.`,
    (p) =>
      `${JSON.stringify(p.reason)} no es un motivo de liberación; use uno de estos: ${joined(p.reasons)}.`,
  ),
  'custody.release_time_invalid': msg(
    (p: { at: string }) => `The release time ${p.at} is not an instant; write it as ISO 8601.`,
    (p) => `La fecha y hora de la liberación ${p.at} no es un instante; escríbala en formato ISO 8601.`,
  ),
  'custody.release_time_future': msg(
    (p: { at: string }) => `The release time ${p.at} is in the future; record it when it happens.`,
    (p) => `La fecha y hora de la liberación ${p.at} es futura; regístrela cuando ocurra.`,
  ),
  'custody.release_before_intake': msg(
    (p: { at: string; intakeAt: string }) =>
      `The release time ${p.at} is before intake (${p.intakeAt}); check the time.`,
    (p) =>
      `La fecha y hora de la liberación ${p.at} es anterior al ingreso (${p.intakeAt}); compruebe la hora.`,
  ),
  'custody.notification_not_found': msg(
    () => 'There is no such notification obligation for this person.',
    () => 'Esta persona no tiene esa obligación de notificación.',
  ),
  'custody.notification_recorded': msg(
    (p: { at: string }) => `This notification was already recorded at ${p.at}.`,
    (p) => `Esta notificación ya se registró el ${p.at}.`,
  ),
  'custody.notification_recipients': msg(
    () => 'Name who was told, e.g. "sister, by phone; counsel by email".',
    () => 'Indique a quién se informó, p. ej. «hermana, por teléfono; abogado, por correo electrónico».',
  ),
  'custody.notification_time': msg(
    () => 'fulfilledAt must be an instant between intake and now.',
    () => 'fulfilledAt debe ser un instante entre el ingreso y ahora.',
  ),
  'custody.occupancy_period_too_long': msg(
    () => 'Ask for at most ten years at a time.',
    () => 'Pida como máximo diez años a la vez.',
  ),

  'incident.kind_unknown': msg(
    (p: { kind: string; kinds: readonly string[] }) =>
      `${JSON.stringify(p.kind)} is not an incident kind; use one of: ${joined(p.kinds)}.`,
    (p) => `${JSON.stringify(p.kind)} no es un tipo de incidente; use uno de estos: ${joined(p.kinds)}.`,
  ),
  'incident.description_missing': msg(
    () => 'An incident needs a description of what happened.',
    () => 'Un incidente necesita una descripción de lo que ocurrió.',
  ),
  'incident.time_invalid': msg(
    (p: { occurredAt: string }) => `occurredAt ${p.occurredAt} is not an instant; write it as ISO 8601.`,
    (p) => `occurredAt ${p.occurredAt} no es un instante; escríbalo en formato ISO 8601.`,
  ),
  'incident.time_future': msg(
    (p: { occurredAt: string }) => `occurredAt ${p.occurredAt} is in the future.`,
    (p) => `occurredAt ${p.occurredAt} es una fecha futura.`,
  ),
  'incident.death_person': msg(
    () => 'A death in custody names the person who died.',
    () => 'Una muerte bajo custodia debe indicar la persona que murió.',
  ),
  'incident.transition': msg(
    (p: { incidentId: string; from: string; to: string; allowed: readonly string[] }) =>
      `Incident ${p.incidentId} is ${p.from}; it can move only to ${joined(p.allowed, ' or ')}, not ${p.to}.`,
    (p) =>
      `El incidente ${p.incidentId} está en el estado ${p.from}; solo puede pasar a ${listEs(p.allowed, 'o')}, no a ${p.to}.`,
  ),
  'incident.note_missing': msg(
    () => 'A status change needs a note saying why.',
    () => 'Un cambio de estado necesita una nota que diga por qué.',
  ),
  'incident.death_close_unnotified': msg(
    (p: { missing: readonly string[] }) => {
      const parties = joined(p.missing, ' and ').replaceAll('_', ' ');
      const verb = [p.missing].flat().length === 1 ? 'is' : 'are';
      return `A death in custody cannot be closed before ${parties} ${verb} notified (Mandela Rules 69, 71).`;
    },
    (p) =>
      `Una muerte bajo custodia no puede cerrarse hasta que conste que se notificó ${listEs(
        [p.missing].flat().map((party) => `a ${partyEs(party)}`),
        'y',
      )} (Reglas 69 y 71 de Mandela).`,
  ),
  'incident.not_death': msg(
    (p: { incidentId: string; kind: string }) =>
      `Incident ${p.incidentId} is ${p.kind}, not a death in custody.`,
    (p) =>
      `El incidente ${p.incidentId} es de tipo «${INCIDENT_KINDS_ES[p.kind] ?? p.kind}», no una muerte bajo custodia.`,
  ),
  'incident.party_unknown': msg(
    (p: { party: string }) =>
      `party must be next_of_kin or independent_authority, not ${JSON.stringify(p.party)}.`,
    (p) => `party debe ser next_of_kin o independent_authority, no ${JSON.stringify(p.party)}.`,
  ),
  'incident.already_notified': msg(
    (p: { party: string; at: string }) =>
      `${p.party.replaceAll('_', ' ')} was already recorded as notified at ${p.at}.`,
    (p) => `Ya consta que se notificó a ${partyEs(p.party)} el ${p.at}.`,
  ),
  'incident.recipient_missing': msg(
    () => 'Name who was notified.',
    () => 'Indique a quién se notificó.',
  ),
  'incident.notice_time': msg(
    () => 'notifiedAt must be an instant between the death and now.',
    () => 'notifiedAt debe ser un instante entre la muerte y ahora.',
  ),
  'incident.status_option': msg(
    (p: { value: string; statuses: readonly string[] }) =>
      `--status ${p.value} is not one of: ${joined(p.statuses)}.`,
    (p) => `--status ${p.value} no es ninguno de estos: ${joined(p.statuses)}.`,
  ),
  'incident.headcount_counted': msg(
    () => 'counted must be a whole number, 0 or more.',
    () => 'counted debe ser un número entero, 0 o más.',
  ),
  'incident.headcount_range': msg(
    (p: { value: number; max: number }) =>
      `counted must be a whole number from 0 to ${grouped(p.max, 'en')}, not ${p.value}: no place of custody holds more. Check the number counted.`,
    (p) =>
      `counted debe ser un número entero entre 0 y ${grouped(p.max, 'es')}, no ${p.value}: ningún centro de custodia alberga más personas. Compruebe el número contado.`,
  ),
  'incident.headcount_over_capacity': msg(
    (p: {
      facility: string;
      counted: number;
      limit: number;
      operationalCapacity: number;
      bunks: number;
      expected: number;
    }) =>
      `counted ${grouped(p.counted, 'en')} is more than ${p.facility} can hold: a headcount is at most ${grouped(p.limit, 'en')}, twice the largest of its operational capacity (${grouped(p.operationalCapacity, 'en')}), its bunks (${grouped(p.bunks, 'en')}) and the people expected (${grouped(p.expected, 'en')}). Check the number counted.`,
    (p) =>
      `counted ${grouped(p.counted, 'es')} supera lo que ${p.facility} puede albergar: un recuento es como máximo ${grouped(p.limit, 'es')}, el doble del mayor de estos valores: su capacidad operativa (${grouped(p.operationalCapacity, 'es')}), sus camas (${grouped(p.bunks, 'es')}) y las personas esperadas (${grouped(p.expected, 'es')}). Compruebe el número contado.`,
  ),

  'regime.csv_header': msg(
    (p: { file: string; count: number }) =>
      `${p.file}: the header has ${countOf(p.count, 'problem', 'problems')}, so nothing was recorded. Fix the header and import the file again.`,
    (p) =>
      `${p.file}: la cabecera tiene ${countOf(p.count, 'problema', 'problemas')}, así que no se registró nada. Corrija la cabecera e importe el archivo de nuevo.`,
  ),
});
