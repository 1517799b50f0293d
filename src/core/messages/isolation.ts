import { defineMessages, msg } from './define.js';
import { joined } from './format.js';

/** Isolation placements (Mandela Rules 43–45) and consular notification (VCCR Art. 36). */
export const isolationMessages = defineMessages({
  'isolation.reason_missing': msg(
    () => 'An isolation placement needs its reason, e.g. "disciplinary sanction for assault".',
    () => 'Un aislamiento necesita su motivo, p. ej. «sanción disciplinaria por agresión».',
  ),
  'isolation.authorised_by_missing': msg(
    () => 'Name the official who authorised the placement, e.g. "Director J. Pérez".',
    () => 'Indique el funcionario que autorizó el aislamiento, p. ej. «Director J. Pérez».',
  ),
  'isolation.lighting_unknown': msg(
    (p: { lighting: string; values: readonly string[] }) =>
      `${JSON.stringify(p.lighting)} is not a lighting; use one of: ${joined(p.values)}.`,
    (p) =>
      `${JSON.stringify(p.lighting)} no es una iluminación; use uno de estos valores: ${joined(p.values)} (normal, oscura, iluminada constantemente).`,
  ),
  'isolation.time_invalid': msg(
    (p: { field: string; value: string }) => `${p.field} ${p.value} is not an instant; write it as ISO 8601.`,
    (p) => `${p.field} ${p.value} no es un instante; escríbalo en formato ISO 8601.`,
  ),
  'isolation.time_future': msg(
    (p: { field: string; value: string }) =>
      `${p.field} ${p.value} is in the future; record the placement when it happens.`,
    (p) => `${p.field} ${p.value} es una fecha futura; registre el aislamiento cuando ocurra.`,
  ),
  'isolation.not_in_custody': msg(
    (p: { personId: string; at: string }) =>
      `Person ${p.personId} was not in custody at this facility at ${p.at}; an isolation placement starts during their custody here. Check the person, the facility or the time.`,
    (p) =>
      `La persona ${p.personId} no estaba bajo custodia en este centro el ${p.at}; un aislamiento empieza durante su custodia aquí. Compruebe la persona, el centro o la hora.`,
  ),
  'isolation.overlap': msg(
    (p: { placementId: string; startedAt: string; endedAt: string | null }) =>
      `This person is already in isolation placement ${p.placementId} (from ${p.startedAt}${p.endedAt ? ` to ${p.endedAt}` : ', still open'}); placements of one person cannot overlap. End that one first, or start this one after it ends.`,
    (p) =>
      `Esta persona ya está en el aislamiento ${p.placementId} (desde ${p.startedAt}${p.endedAt ? ` hasta ${p.endedAt}` : ', aún abierto'}); los aislamientos de una persona no pueden solaparse. Finalice antes ese o empiece este cuando aquel termine.`,
  ),
  'isolation.cell_unknown': msg(
    (p: { cell: string; facility: string }) =>
      `${p.facility} has no cell ${p.cell}; give the code of one of its cells, e.g. M1-C01.`,
    (p) =>
      `${p.facility} no tiene la celda ${p.cell}; indique el código de una de sus celdas, p. ej. M1-C01.`,
  ),
  'isolation.not_found': msg(
    () => 'There is no such isolation placement. Check the id, or list the placements to find it.',
    () => 'Ese aislamiento no existe. Compruebe el identificador o consulte la lista de aislamientos.',
  ),
  'isolation.already_ended': msg(
    (p: { endedAt: string }) => `This placement already ended at ${p.endedAt}.`,
    (p) => `Este aislamiento ya terminó el ${p.endedAt}.`,
  ),
  'isolation.list_whose': msg(
    () => 'Give --facility (a facility code, e.g. SV-CECOT) or --person to list placements.',
    () =>
      'Indique --facility (el código de un centro, p. ej. SV-CECOT) o --person para ver los aislamientos.',
  ),
  'isolation.end_before_start': msg(
    (p: { endedAt: string; startedAt: string }) =>
      `The end ${p.endedAt} is not after the start ${p.startedAt}; a placement ends after it starts.`,
    (p) =>
      `El fin ${p.endedAt} no es posterior al inicio ${p.startedAt}; un aislamiento termina después de empezar.`,
  ),

  'consular.no_custody': msg(
    () => 'This person has never been in custody: there is no consular notification to record.',
    () => 'Esta persona nunca ha estado bajo custodia: no hay notificación consular que registrar.',
  ),
  'consular.not_foreign': msg(
    (p: { country: string; facility: string; nationalities: readonly string[] }) =>
      `This person is a national of ${p.country} (nationalities ${joined(p.nationalities)}), where ${p.facility} is: no consulate is owed a notification. Check their nationalities.`,
    (p) =>
      `Esta persona es nacional de ${p.country} (nacionalidades ${joined(p.nationalities)}), donde está ${p.facility}: no se debe notificar a ningún consulado. Compruebe sus nacionalidades.`,
  ),
  'consular.already_recorded': msg(
    (p: { outcome: string; at: string }) =>
      `The consular notification of this custody is already recorded (${p.outcome}, ${p.at}).`,
    (p) =>
      `La notificación consular de esta custodia ya está registrada (${p.outcome === 'objected' ? 'oposición' : 'notificado'}, ${p.at}).`,
  ),
  'consular.outcome_unknown': msg(
    (p: { outcome: string; outcomes: readonly string[] }) =>
      `${JSON.stringify(p.outcome)} is not an outcome; use one of: ${joined(p.outcomes)}.`,
    (p) => `${JSON.stringify(p.outcome)} no es un resultado; use uno de estos: ${joined(p.outcomes)}.`,
  ),
  'consular.consulate_missing': msg(
    () => 'Name the consulate that was notified, e.g. "Consulate of Venezuela in San Salvador".',
    () => 'Indique el consulado notificado, p. ej. «Consulado de Venezuela en San Salvador».',
  ),
  'consular.time': msg(
    (p: { intakeAt: string; latest: string }) =>
      `The time must be an instant between intake (${p.intakeAt}) and ${p.latest}.`,
    (p) => `La hora debe ser un instante entre el ingreso (${p.intakeAt}) y ${p.latest}.`,
  ),
});
