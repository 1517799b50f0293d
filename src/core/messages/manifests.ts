import { defineMessages, msg } from './define.js';
import { listOf, orList } from './format.js';
import {
  entryStatusEs,
  exceptionEs,
  type HoldsParams,
  holdsNamed,
  MANIFEST,
  manifestStatusEs,
  statusEs,
  stepOf,
} from './transfer-words.js';

/**
 * The refusals of transport manifests (src/transfers/manifest*.ts), in English and Spanish, each naming
 * the manifest, the person and the step, and how to fix it.
 */

/** A direction of movement in Spanish, with its article: "un traslado de ida". */
const DIRECTION_ES: Readonly<Record<string, string>> = {
  outbound: 'de ida',
  return: 'de retorno',
  repatriation: 'de repatriación',
};

/** The refusals of transport manifests. */
export const manifestMessages = defineMessages({
  // Transport manifests (src/transfers/manifest.ts, manifest-service.ts, cli.ts).
  'manifest.not_zoned_time': msg(
    (p: { field: string }) =>
      `${p.field} is not a zoned time; give { instant: ISO 8601 instant such as 2025-03-15T14:00:00Z, zone: IANA zone such as America/El_Salvador }.`,
    (p) =>
      `${p.field === 'actual departure' ? 'La salida real' : p.field === 'actual arrival' ? 'La llegada real' : p.field} no es una hora con zona horaria; dé { instant: un instante ISO 8601 como 2025-03-15T14:00:00Z, zone: una zona IANA como America/El_Salvador }.`,
  ),
  'manifest.entry_not_found': msg(
    (p: { transferId: string; manifestId: string; onManifest: readonly string[] }) =>
      `Transfer ${p.transferId} is not on manifest ${p.manifestId}; check the id (on it: ${listOf(p.onManifest).join(', ') || 'nobody'}), or add it first.`,
    (p) =>
      `El traslado ${p.transferId} no figura en el manifiesto ${p.manifestId}; compruebe el identificador (figuran: ${listOf(p.onManifest).join(', ') || 'nadie'}) o añádalo primero.`,
  ),
  'manifest.wrong_state': msg(
    (p: { manifestId: string; status: string; step: string; allowed: readonly string[] }) =>
      `Manifest ${p.manifestId} is ${p.status}; ${stepOf(p.step, 'en', 'what')} needs it to be ${listOf(p.allowed).join(' or ')} (${MANIFEST}). ${stepOf(p.step, 'en', 'fix')}`,
    (p) =>
      `El manifiesto ${p.manifestId} está en estado ${manifestStatusEs(p.status)}; ${stepOf(p.step, 'es', 'what')} debe estar en estado ${orList(
        listOf(p.allowed).map((s) => manifestStatusEs(s)),
        'es',
      )} (${MANIFEST}). ${stepOf(p.step, 'es', 'fix')}`,
  ),
  'manifest.fields_missing': msg(
    (p: { missing: readonly string[] }) =>
      `A manifest needs its ${listOf(p.missing).join(', ')}; give every one of them.`,
    (p) => `Al manifiesto le faltan estos datos: ${listOf(p.missing).join(', ')}; indíquelos todos.`,
  ),
  'manifest.same_origin_destination': msg(
    (p: { place: string }) =>
      `Origin and destination are both ${p.place}; a movement goes somewhere else. Fix one of them.`,
    (p) =>
      `El origen y el destino son ambos ${p.place}; un traslado va a otro lugar. Corrija uno de los dos.`,
  ),
  'manifest.schedule_backwards': msg(
    (p: { arrival: string; departure: string }) =>
      `The scheduled arrival (${p.arrival}) is not after the scheduled departure (${p.departure}); fix the times or their zones.`,
    (p) =>
      `La llegada prevista (${p.arrival}) no es posterior a la salida prevista (${p.departure}); corrija las horas o sus zonas horarias.`,
  ),
  'manifest.id_source_missing': msg(
    () => 'Creating a manifest needs an id source; pass newId.',
    () => 'Para crear un manifiesto se necesita una fuente de identificadores; pase newId.',
  ),
  'manifest.transfer_not_scheduled': msg(
    (p: { transferId: string; status: string }) =>
      `Transfer ${p.transferId} is ${p.status}; only a scheduled transfer can go on a manifest (${MANIFEST}). Schedule it first.`,
    (p) =>
      `El traslado ${p.transferId} está ${statusEs(p.status)}; solo un traslado programado puede ir en un manifiesto (${MANIFEST}). Prográmelo primero.`,
  ),
  'manifest.duplicate_person': msg(
    (p: { transferId: string; personId: string; manifestId: string; existing: string }) =>
      `Transfer ${p.transferId} (person ${p.personId}) is already on manifest ${p.manifestId} as transfer ${p.existing}; a person is listed once. Nothing to do, or remove the other entry first.`,
    (p) =>
      `El traslado ${p.transferId} (persona ${p.personId}) ya figura en el manifiesto ${p.manifestId} como traslado ${p.existing}; cada persona figura una sola vez. No hay nada que hacer, o quite primero la otra entrada.`,
  ),
  'manifest.transfer_elsewhere': msg(
    (p: { transferId: string }) =>
      `Transfer ${p.transferId} is already on another manifest that is not closed; nobody is in two places. Remove it from that manifest first.`,
    (p) =>
      `El traslado ${p.transferId} ya figura en otro manifiesto que no está cerrado; nadie está en dos lugares. Quítelo primero de ese manifiesto.`,
  ),
  'manifest.remove_after_boarding': msg(
    (p: { transferId: string; entryStatus: string; manifestId: string }) =>
      `Transfer ${p.transferId} is ${p.entryStatus} on manifest ${p.manifestId}; only an entry not yet boarded can be removed. Mark a boarded person returned_before_departure instead.`,
    (p) =>
      `El traslado ${p.transferId} figura como ${entryStatusEs(p.entryStatus)} en el manifiesto ${p.manifestId}; solo puede quitarse una entrada que aún no ha embarcado. Marque en su lugar a la persona embarcada como ${exceptionEs('returned_before_departure')}.`,
  ),
  'manifest.board_not_added': msg(
    (p: { transferId: string; entryStatus: string; manifestId: string }) =>
      `Transfer ${p.transferId} is ${p.entryStatus} on manifest ${p.manifestId}; only an added entry can board (${MANIFEST}). Boarding is confirmed once per person.`,
    (p) =>
      `El traslado ${p.transferId} figura como ${entryStatusEs(p.entryStatus)} en el manifiesto ${p.manifestId}; solo puede embarcar una entrada añadida (${MANIFEST}). El embarque se confirma una vez por persona.`,
  ),
  'manifest.time_in_future': msg(
    (p: { field: string; instant: string; now: string; manifestId: string }) =>
      `The ${p.field} ${p.instant} is in the future (now ${p.now}) on manifest ${p.manifestId}; record it when it happens.`,
    (p) =>
      `La ${p.field === 'actual arrival' ? 'llegada real' : 'salida real'} ${p.instant} está en el futuro (ahora: ${p.now}) en el manifiesto ${p.manifestId}; regístrela cuando ocurra.`,
  ),
  'manifest.depart_not_boarded': msg(
    (p: { manifestId: string; notBoarded: readonly string[] }) =>
      `Manifest ${p.manifestId} cannot depart: ${listOf(p.notBoarded).join(', ')} ${listOf(p.notBoarded).length === 1 ? 'was' : 'were'} added but not boarded (${MANIFEST}). Board, remove, or mark each returned_before_departure first.`,
    (p) =>
      `El manifiesto ${p.manifestId} no puede partir: ${listOf(p.notBoarded).join(', ')} ${listOf(p.notBoarded).length === 1 ? 'se añadió pero no embarcó' : 'se añadieron pero no embarcaron'} (${MANIFEST}). Primero embarque, quite o marque cada uno como ${exceptionEs('returned_before_departure')}.`,
  ),
  'manifest.depart_nobody_boarded': msg(
    (p: { manifestId: string }) =>
      `Manifest ${p.manifestId} cannot depart: nobody is boarded (${MANIFEST}). Board at least one person, or leave it open.`,
    (p) =>
      `El manifiesto ${p.manifestId} no puede partir: no ha embarcado nadie (${MANIFEST}). Embarque al menos a una persona o déjelo abierto.`,
  ),
  'manifest.arrival_before_departure': msg(
    (p: { arrival: string; departure: string }) =>
      `The actual arrival ${p.arrival} is before the actual departure ${p.departure}; fix the time.`,
    (p) => `La llegada real ${p.arrival} es anterior a la salida real ${p.departure}; corrija la hora.`,
  ),
  'manifest.receive_not_boarded': msg(
    (p: { transferId: string; entryStatus: string; manifestId: string }) =>
      `Transfer ${p.transferId} is ${p.entryStatus} on manifest ${p.manifestId}; only a person who boarded and is not yet accounted for can be received (${MANIFEST}).`,
    (p) =>
      `El traslado ${p.transferId} figura como ${entryStatusEs(p.entryStatus)} en el manifiesto ${p.manifestId}; solo puede recibirse a una persona que embarcó y aún no está justificada (${MANIFEST}).`,
  ),
  'manifest.identity_check_incomplete': msg(
    () =>
      'Intake needs an identity check: { method: biometric or document, matched: true or false, checkedBy }.',
    () =>
      'El ingreso necesita una verificación de identidad: { method: biometric o document, matched: true o false, checkedBy }.',
  ),
  'manifest.identity_mismatch': msg(
    (p: { transferId: string; method: string; checkedBy: string }) =>
      `Transfer ${p.transferId} cannot be received: the ${p.method} identity check by ${p.checkedBy} did not match (${MANIFEST}). Do not take the person in; record an exception (e.g. missing_after_transport) with an explanation.`,
    (p) =>
      `El traslado ${p.transferId} no puede recibirse: la verificación de identidad ${p.method === 'biometric' ? 'biométrica' : 'documental'} hecha por ${p.checkedBy} no coincidió (${MANIFEST}). No ingrese a la persona; registre una excepción con una explicación (p. ej., missing_after_transport, desaparecido tras el transporte).`,
  ),
  'manifest.exception_kind_unknown': msg(
    (p: { given: string; kinds: readonly string[] }) =>
      `${p.given} is not a manifest exception; use one of: ${listOf(p.kinds).join(', ')}.`,
    (p) =>
      `${p.given} no es una excepción de manifiesto; use una de: ${listOf(p.kinds)
        .map((k) => exceptionEs(k))
        .join(', ')}.`,
  ),
  'manifest.exception_unexplained': msg(
    (p: { kind: string }) =>
      `A ${p.kind} exception needs an explanation (${MANIFEST}); say what happened and who knows.`,
    (p) =>
      `Una excepción de ${exceptionEs(p.kind)} necesita una explicación (${MANIFEST}); diga qué ocurrió y quién lo sabe.`,
  ),
  'manifest.exception_entry_state': msg(
    (p: {
      transferId: string;
      entryStatus: string;
      manifestId: string;
      kind: string;
      allowed: readonly string[];
    }) =>
      `Transfer ${p.transferId} is ${p.entryStatus} on manifest ${p.manifestId}; a ${p.kind} exception needs it to be ${listOf(p.allowed).join(' or ')}. A person is accounted for once.`,
    (p) =>
      `El traslado ${p.transferId} figura como ${entryStatusEs(p.entryStatus)} en el manifiesto ${p.manifestId}; una excepción de ${exceptionEs(p.kind)} exige que figure como ${orList(
        listOf(p.allowed).map((s) => entryStatusEs(s)),
        'es',
      )}. Cada persona se justifica una sola vez.`,
  ),
  'manifest.close_unaccounted': msg(
    (p: { manifestId: string; unaccounted: readonly string[] }) =>
      `Manifest ${p.manifestId} cannot close: ${listOf(p.unaccounted).join(', ')} boarded but ${listOf(p.unaccounted).length === 1 ? 'is' : 'are'} neither received nor accounted for (${MANIFEST}). Receive each with an identity check, or record an explained exception.`,
    (p) =>
      `El manifiesto ${p.manifestId} no puede cerrarse: ${listOf(p.unaccounted).join(', ')} ${listOf(p.unaccounted).length === 1 ? 'embarcó pero no ha sido recibido ni está justificado' : 'embarcaron pero no han sido recibidos ni están justificados'} (${MANIFEST}). Reciba a cada uno con una verificación de identidad o registre una excepción explicada.`,
  ),
  'manifest.event_out_of_order': msg(
    (p: {
      type: string;
      manifestId: string;
      why: 'exists' | 'not_created' | 'status' | 'entry_state' | 'entry_exists';
      transferId: string | null;
      state: string | null;
    }) =>
      `Event ${p.type} does not apply to manifest ${p.manifestId}: ${
        p.why === 'exists'
          ? 'it already exists'
          : p.why === 'not_created'
            ? 'it was not created'
            : p.why === 'status'
              ? `it is ${p.state}`
              : p.why === 'entry_exists'
                ? `${p.transferId} is already on it`
                : `entry ${p.transferId} is ${p.state ?? 'absent'}`
      }. Reload the manifest and decide again.`,
    (p) =>
      `El evento ${p.type} no se aplica al manifiesto ${p.manifestId}: ${
        p.why === 'exists'
          ? 'ya existe'
          : p.why === 'not_created'
            ? 'no se ha creado'
            : p.why === 'status'
              ? `está en estado ${manifestStatusEs(p.state ?? '')}`
              : p.why === 'entry_exists'
                ? `${p.transferId} ya figura en él`
                : p.state === null
                  ? `la entrada ${p.transferId} no figura en él`
                  : `la entrada ${p.transferId} figura como ${entryStatusEs(p.state)}`
      }. Vuelva a cargar el manifiesto y decida de nuevo.`,
  ),
  'manifest.hold_in_force': msg(
    (p: { person: string; moment: string; status: string } & HoldsParams) =>
      `${p.person} cannot ${p.moment === 'board' ? 'board' : 'leave on this flight'}: under an active legal hold: ${holdsNamed(p, 'en')}. Court orders bind; the transfer is ${p.status}. Take the person off this manifest (remove, or mark returned_before_departure) until the court lifts the hold.`,
    (p) =>
      `${p.person} no puede ${p.moment === 'board' ? 'embarcar' : 'salir en este vuelo'}: tiene una orden judicial vigente: ${holdsNamed(p, 'es')}. Las órdenes judiciales son vinculantes; el traslado está ${statusEs(p.status)}. Saque a la persona de este manifiesto —quítela o márquela como ${exceptionEs('returned_before_departure')}— hasta que el tribunal levante la orden.`,
  ),
  'manifest.facility_not_covered': msg(
    (p: { transferId: string; agreement: string }) =>
      `Transfer ${p.transferId} is under agreement ${p.agreement}, which does not cover the manifest's receiving facility; put it on a manifest bound for one of the agreement's facilities.`,
    (p) =>
      `El traslado ${p.transferId} corresponde al acuerdo ${p.agreement}, que no cubre el centro receptor del manifiesto; póngalo en un manifiesto con destino a uno de los centros del acuerdo.`,
  ),
  'manifest.departure_refused': msg(
    (p: {
      manifestId: string;
      count: number;
      refusalsEn: readonly string[];
      refusalsEs: readonly string[];
    }) =>
      `Manifest ${p.manifestId} cannot depart: ${p.count} boarded ${p.count === 1 ? 'person' : 'people'} may not go now. ${listOf(p.refusalsEn).join(' ')} Mark each returned_before_departure with an explanation, then record the departure.`,
    (p) =>
      `El manifiesto ${p.manifestId} no puede partir: ${p.count === 1 ? '1 persona embarcada no puede' : `${p.count} personas embarcadas no pueden`} ir ahora. ${listOf(p.refusalsEs).join(' ')} Marque a cada una como ${exceptionEs('returned_before_departure')} con una explicación y después registre la salida.`,
  ),
  'manifest.status_unknown': msg(
    (p: { given: string; statuses: readonly string[] }) =>
      `Unknown manifest state ${p.given}; use one of: ${listOf(p.statuses).join(', ')}.`,
    (p) => `Estado de manifiesto desconocido: ${p.given}; use uno de: ${listOf(p.statuses).join(', ')}.`,
  ),
  'manifest.direction_unknown': msg(
    (p: { given: string; directions: readonly string[] }) =>
      `Unknown manifest direction ${p.given}; use one of: ${listOf(p.directions).join(', ')}.`,
    (p) => `Sentido de manifiesto desconocido: ${p.given}; use uno de: ${listOf(p.directions).join(', ')}.`,
  ),
  'manifest.step_of_other_direction': msg(
    (p: { manifestId: string; direction: string; step: string }) =>
      p.step === 'receive'
        ? `Manifest ${p.manifestId} is a ${p.direction} manifest: it ends with a handover to a named agency, not intake. Record the handover.`
        : `Manifest ${p.manifestId} is outbound: it ends with intake at the facility, not a handover. Record intake.`,
    (p) =>
      p.step === 'receive'
        ? `El manifiesto ${p.manifestId} es de ${p.direction === 'return' ? 'retorno' : 'repatriación'}: termina con la entrega a un organismo identificado, no con un ingreso. Registre la entrega.`
        : `El manifiesto ${p.manifestId} es de ida: termina con el ingreso en el centro, no con una entrega. Registre el ingreso.`,
  ),
  'manifest.repatriation_country': msg(
    (p: { given: string }) =>
      `A repatriation manifest names its country of destination as an ISO 3166 alpha-2 code such as VE; "${p.given}" is not one.`,
    (p) =>
      `Un manifiesto de repatriación indica su país de destino con un código ISO 3166 alfa-2 como VE; «${p.given}» no lo es.`,
  ),
  'manifest.transfer_other_direction': msg(
    (p: {
      transferId: string;
      direction: string;
      country: string | null;
      manifestId: string;
      manifestDirection: string;
      manifestCountry: string | null;
    }) =>
      `Transfer ${p.transferId} is ${p.direction === 'outbound' ? 'an outbound transfer' : `a ${p.direction}${p.country ? ` to ${p.country}` : ''}`}; manifest ${p.manifestId} is ${p.manifestDirection}${p.manifestCountry ? ` to ${p.manifestCountry}` : ''}. Put it on a manifest of its own direction.`,
    (p) =>
      `El traslado ${p.transferId} es ${DIRECTION_ES[p.direction] ?? p.direction}${p.country ? ` a ${p.country}` : ''}; el manifiesto ${p.manifestId} es ${DIRECTION_ES[p.manifestDirection] ?? p.manifestDirection}${p.manifestCountry ? ` a ${p.manifestCountry}` : ''}. Póngalo en un manifiesto de su mismo sentido.`,
  ),
  'manifest.handover_agency_unknown': msg(
    (p: { agency: string; agencies: readonly string[] }) =>
      `A return is handed over to one of the agreement's sending agencies (${listOf(p.agencies).join(', ')}); ${p.agency} is not one. Name the agency that took the person.`,
    (p) =>
      `Un retorno se entrega a uno de los organismos remitentes del acuerdo (${listOf(p.agencies).join(', ')}); ${p.agency} no lo es. Indique el organismo que recibió a la persona.`,
  ),
  'manifest.person_elsewhere': msg(
    (p: { person: string; manifestId: string }) =>
      `${p.person} is already on manifest ${p.manifestId}, not yet received or accounted for; a person is on one movement at a time.`,
    (p) =>
      `${p.person} ya figura en el manifiesto ${p.manifestId}, sin haber sido recibido ni justificado; una persona está en un solo movimiento a la vez.`,
  ),
  'manifest.person_in_custody': msg(
    (p: { person: string; facility: string }) =>
      `${p.person} is in custody at ${p.facility}: an outbound manifest cannot carry someone already held. Return or repatriate them instead.`,
    (p) =>
      `${p.person} está bajo custodia en ${p.facility}: un manifiesto de ida no puede llevar a quien ya está detenido. Retórnelo o repátrielo en su lugar.`,
  ),
});
