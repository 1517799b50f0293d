import { defineMessages, msg } from './define.js';
import { listOf, wordOf } from './format.js';
import {
  capitalized,
  HOLD_TYPE_WORDS,
  type HoldsParams,
  holdsNamed,
  MANIFEST,
  noun,
  OUTCOME_WORDS,
  REASON_LIST_WORDS,
  RULE_RESULT_WORDS,
  stateEs,
  statusEs,
  statusesEs,
  TRANSFERS,
  verb,
  withoutFinalStop,
} from './transfer-words.js';

/**
 * The refusals of transfers and legal holds (src/transfers), in English and Spanish. Each rule refusal
 * names the rule, the fact that failed it and the rule's source; the source is cited as written (a
 * docs/domain.md section, a statute), in both languages.
 */

/** The refusals of the transfer state machine and legal holds. */
export const transferMessages = defineMessages({
  // The transfer state machine (src/transfers/model.ts).
  'transfer.decision_time_invalid': msg(
    () => 'The decision time is not a valid instant; pass the clock reading as a Date.',
    () => 'La hora de la decisión no es un instante válido; pase la lectura del reloj como Date.',
  ),
  'transfer.action_unknown': msg(
    (p: { given: string; actions: readonly string[] }) =>
      `${p.given} is not a transfer action; use one of: ${listOf(p.actions).join(', ')}.`,
    (p) => `${p.given} no es una acción de traslado; use una de: ${listOf(p.actions).join(', ')}.`,
  ),
  'transfer.reason_code_missing': msg(
    (p: { action: string; allowed: readonly string[] }) =>
      `A ${p.action.replace('_', ' ')} needs a reason code (${TRANSFERS}); give one of: ${listOf(p.allowed).join(', ')}.`,
    (p) =>
      `${capitalized(noun(p.action))} necesita un código de motivo (${TRANSFERS}); indique uno de: ${listOf(p.allowed).join(', ')}.`,
  ),
  'transfer.reason_code_unknown': msg(
    (p: { code: string; list: string; allowed: readonly string[] }) =>
      `${JSON.stringify(p.code)} is not a ${p.list.replace('_', ' ')} code; use one of: ${listOf(p.allowed).join(', ')}.`,
    (p) =>
      `${JSON.stringify(p.code)} no es un código de ${wordOf(REASON_LIST_WORDS, p.list, 'es')}; use uno de: ${listOf(p.allowed).join(', ')}.`,
  ),
  'transfer.holds_not_loaded': msg(
    (p: { action: string; transferId: string }) =>
      `Cannot decide ${p.action} for transfer ${p.transferId} without the person's active legal holds; load every hold with no lifted date and pass them (an empty list when there are none).`,
    (p) =>
      `No se puede decidir «${verb(p.action)}» para el traslado ${p.transferId} sin las órdenes judiciales vigentes de la persona; cargue todas las órdenes sin fecha de levantamiento y páselas (una lista vacía si no hay ninguna).`,
  ),
  'transfer.hold_in_force': msg(
    (p: { transferId: string; action: string } & HoldsParams) =>
      `Transfer ${p.transferId} cannot ${p.action === 'depart' ? 'board' : p.action}: the person is under an active legal hold: ${holdsNamed(p, 'en')}. Court orders bind; whatever the screening says, nothing moves until the court lifts the hold, after which the transfer returns to screened and needs approval again.`,
    (p) =>
      `${p.action === 'depart' ? `La persona del traslado ${p.transferId} no puede embarcar` : `No se puede ${verb(p.action)} el traslado ${p.transferId}`}: la persona está sujeta a una orden judicial vigente: ${holdsNamed(p, 'es')}. Las órdenes judiciales son vinculantes: diga lo que diga la evaluación, nada se mueve hasta que el tribunal levante la orden; después, el traslado vuelve a evaluado y necesita una nueva aprobación.`,
  ),
  'transfer.screening_missing': msg(
    (p: { transferId: string; to: string }) =>
      `Transfer ${p.transferId} cannot become ${p.to}: it needs a screening made at this moment (${TRANSFERS}); screen the person again now and retry with that screening.`,
    (p) =>
      `El traslado ${p.transferId} no puede pasar al ${stateEs(p.to)}: necesita una evaluación hecha en este momento (${TRANSFERS}); evalúe de nuevo a la persona ahora y vuelva a intentarlo con esa evaluación.`,
  ),
  'transfer.screening_stale': msg(
    (p: { transferId: string; to: string; screenedAt: string; now: string }) =>
      `Transfer ${p.transferId} cannot become ${p.to}: the screening given was made at ${p.screenedAt}, not at this decision (${p.now}). A screening must be made at that moment (${TRANSFERS}), so a TRO issued since is seen; screen the person again now and retry with that screening.`,
    (p) =>
      `El traslado ${p.transferId} no puede pasar al ${stateEs(p.to)}: la evaluación recibida se hizo el ${p.screenedAt}, no en esta decisión (${p.now}). La evaluación debe hacerse en ese momento (${TRANSFERS}) para ver cualquier orden de restricción temporal dictada desde entonces; evalúe de nuevo a la persona ahora y vuelva a intentarlo con esa evaluación.`,
  ),
  'transfer.screening_inconsistent': msg(
    (p: { outcome: string; implied: string }) =>
      `The screening says ${p.outcome} but its rule results give ${p.implied} (docs/domain.md, Eligibility); pass the screening exactly as the engine produced it.`,
    (p) =>
      `La evaluación dice «${wordOf(OUTCOME_WORDS, p.outcome, 'es')}», pero los resultados de sus reglas dan «${wordOf(OUTCOME_WORDS, p.implied, 'es')}» (docs/domain.md, Eligibility); pase la evaluación tal como la produjo el motor.`,
  ),
  'transfer.screening_not_eligible': msg(
    (p: {
      transferId: string;
      to: string;
      outcome: string;
      ruleIds: readonly string[];
      results: readonly string[];
      reasonsEn: readonly string[];
      reasonsEs: readonly string[];
    }) => {
      const named = listOf(p.ruleIds).map(
        (id, i) => `${id} (${listOf(p.results)[i]}): ${withoutFinalStop(listOf(p.reasonsEn)[i])}`,
      );
      return `Transfer ${p.transferId} cannot become ${p.to}: the screening made now is ${p.outcome}, and ${p.to} requires eligible (${TRANSFERS}). ${named.join('; ')}. Resolve ${named.length === 1 ? 'that rule' : 'those rules'}, or cancel the transfer with reason ineligible.`;
    },
    (p) => {
      const named = listOf(p.ruleIds).map(
        (id, i) =>
          `${id} (${wordOf(RULE_RESULT_WORDS, listOf(p.results)[i] ?? null, 'es')}): ${withoutFinalStop(listOf(p.reasonsEs)[i])}`,
      );
      return `El traslado ${p.transferId} no puede pasar al ${stateEs(p.to)}: la evaluación hecha ahora da «${wordOf(OUTCOME_WORDS, p.outcome, 'es')}», y para pasar al ${stateEs(p.to)} debe dar «elegible» (${TRANSFERS}). ${named.join('; ')}. Resuelva ${named.length === 1 ? 'esa regla' : 'esas reglas'} o cancele el traslado con el motivo ineligible.`;
    },
  ),
  'transfer.capacity_not_loaded': msg(
    (p: { transferId: string }) =>
      `Cannot decide acceptance of transfer ${p.transferId} without the agreement's bed allotment and the places already reserved (whole numbers); load both in the same transaction.`,
    (p) =>
      `No se puede decidir la aceptación del traslado ${p.transferId} sin el cupo de camas del acuerdo y las plazas ya reservadas (números enteros); cargue ambos en la misma transacción.`,
  ),
  'transfer.bed_allotment_full': msg(
    (p: { transferId: string; bedAllotment: number; reserved: number }) =>
      `Transfer ${p.transferId} cannot be accepted: all ${p.bedAllotment} places of the agreement's bed allotment are reserved (${p.reserved}), and acceptance can never over-commit (${TRANSFERS}). Reject it with reason no_space, or accept it once a place is released.`,
    (p) =>
      `El traslado ${p.transferId} no puede aceptarse: las ${p.bedAllotment} plazas del cupo de camas del acuerdo están reservadas (${p.reserved}), y una aceptación nunca puede superar el cupo (${TRANSFERS}). Recházelo con el motivo no_space o acéptelo cuando se libere una plaza.`,
  ),
  'transfer.id_source_missing': msg(
    (p: { action: string }) =>
      `A ${p.action.replace('_', ' ')} creates a transfer and needs an id source; pass newId.`,
    (p) =>
      `${capitalized(noun(p.action))} crea un traslado y necesita una fuente de identificadores; pase newId.`,
  ),
  'transfer.already_exists': msg(
    (p: { transferId: string; status: string }) =>
      `Transfer ${p.transferId} already exists (${p.status}); nominate the person again as a new transfer instead.`,
    (p) =>
      `El traslado ${p.transferId} ya existe (${statusEs(p.status)}); proponga de nuevo a la persona en un traslado nuevo.`,
  ),
  'transfer.nomination_incomplete': msg(
    () => 'A nomination names the person and the agreement; give personId and agreementId.',
    () => 'Una propuesta indica la persona y el acuerdo; dé personId y agreementId.',
  ),
  'transfer.not_found': msg(
    (p: { transferId: string }) =>
      `Transfer ${p.transferId} does not exist. Nominate the person first, or check the id.`,
    (p) =>
      `El traslado ${p.transferId} no existe. Proponga primero a la persona o compruebe el identificador.`,
  ),
  'transfer.state_mismatch': msg(
    (p: { transferId: string; loaded: string }) =>
      `The command names transfer ${p.transferId} but the state loaded is ${p.loaded}.`,
    (p) => `El comando indica el traslado ${p.transferId}, pero el estado cargado es el de ${p.loaded}.`,
  ),
  'transfer.wrong_state': msg(
    (p: {
      transferId: string;
      status: string;
      action: string;
      from: readonly string[];
      allowed: readonly string[];
    }) =>
      `Transfer ${p.transferId} is ${p.status}; ${p.action.replace('_', ' ')} needs it to be ${listOf(p.from).join(' or ')} (${TRANSFERS}). From ${p.status} the allowed actions are: ${listOf(p.allowed).join(', ') || `none (${p.status} is final)`}.`,
    (p) => {
      const allowed = listOf(p.allowed).map((a) => verb(a));
      return `El traslado ${p.transferId} está ${statusEs(p.status)}; para ${verb(p.action)} debe estar ${statusesEs(p.from)} (${TRANSFERS}). Desde el ${stateEs(p.status)}, las acciones permitidas son: ${allowed.join(', ') || `ninguna («${statusEs(p.status)}» es definitivo)`}.`;
    },
  ),
  'transfer.already_held': msg(
    (p: { transferId: string; holdId: string }) =>
      `Transfer ${p.transferId} is already on hold under hold ${p.holdId}.`,
    (p) => `El traslado ${p.transferId} ya está suspendido por la orden judicial ${p.holdId}.`,
  ),
  'transfer.return_order_incomplete': msg(
    () => 'A court-ordered return names the court and the case of the order; give both.',
    () => 'Un retorno ordenado por un tribunal indica el tribunal y la causa de la orden; dé ambos.',
  ),
  'transfer.handover_incomplete': msg(
    (p: { transferId: string; missing: readonly string[] }) =>
      `The handover of return transfer ${p.transferId} names the agency or authority that took the person and its officer; missing: ${listOf(p.missing).join(', ')}.`,
    (p) =>
      `La entrega del traslado de retorno ${p.transferId} indica el organismo o la autoridad que recibió a la persona y su funcionario; falta: ${listOf(p.missing).join(', ')}.`,
  ),
  'transfer.repatriation_not_received': msg(
    (p: { transferId: string; status: string }) =>
      `Transfer ${p.transferId} is ${p.status}: a repatriation starts from an outbound transfer that was received, for a person in custody.`,
    (p) =>
      `El traslado ${p.transferId} está ${statusEs(p.status)}: una repatriación parte de un traslado de ida recibido, para una persona bajo custodia.`,
  ),
  'transfer.repatriation_held': msg(
    (p: { transferId: string } & HoldsParams) =>
      `The person of transfer ${p.transferId} cannot be repatriated: they are under an active legal hold: ${holdsNamed(p, 'en')}. A repatriation is a removal abroad, and court orders bind: start it once the court lifts the hold.`,
    (p) =>
      `La persona del traslado ${p.transferId} no puede ser repatriada: está sujeta a una orden judicial vigente: ${holdsNamed(p, 'es')}. Una repatriación es una expulsión al extranjero y las órdenes judiciales son vinculantes: iníciela cuando el tribunal levante la orden.`,
  ),
  'transfer.repatriation_country': msg(
    (p: { country: string; nationalities: readonly string[] }) =>
      `A repatriation goes to a country of nationality; ${p.country} is not one (${listOf(p.nationalities).join(', ') || 'none recorded'}). Give one of them.`,
    (p) =>
      `Una repatriación va a un país de nacionalidad; ${p.country} no lo es (${listOf(p.nationalities).join(', ') || 'ninguna registrada'}). Indique una de ellas.`,
  ),
  'transfer.leaving_already_ordered': msg(
    (p: { person: string; transferId: string }) =>
      `${p.person} already has a return or repatriation under way (transfer ${p.transferId}); finish or follow that one.`,
    (p) =>
      `${p.person} ya tiene un retorno o una repatriación en curso (traslado ${p.transferId}); termine o siga ese.`,
  ),
  'transfer.acting_user_disabled': msg(
    (p: { name: string }) =>
      `User ${p.name} is disabled and cannot act; name an enabled user whose role may take this step (--as).`,
    (p) =>
      `El usuario ${p.name} está deshabilitado y no puede actuar; indique un usuario habilitado cuyo rol pueda dar este paso (--as).`,
  ),
  'transfer.leaving_not_in_custody': msg(
    (p: { person: string }) =>
      `${p.person} has no open custody interval: only a person in custody can be returned or repatriated from the facility.`,
    (p) =>
      `${p.person} no tiene un período de custodia abierto: solo una persona bajo custodia puede ser retornada o repatriada desde el centro.`,
  ),
  'transfer.replay_duplicate_nomination': msg(
    (p: { transferId: string }) => `Transfer ${p.transferId} was already nominated; replay its events once.`,
    (p) => `El traslado ${p.transferId} ya estaba propuesto; reproduzca sus eventos una sola vez.`,
  ),
  'transfer.event_out_of_order': msg(
    (p: { type: string; transferId: string; from: string | null; status: string | null }) =>
      `Event ${p.type} moves transfer ${p.transferId} from ${p.from}, but it is ${p.status ?? 'not nominated'}; reload the transfer and decide again.`,
    (p) =>
      `El evento ${p.type} pasa el traslado ${p.transferId} desde el ${stateEs(p.from)}, pero está ${p.status === null ? 'sin proponer' : statusEs(p.status)}; vuelva a cargar el traslado y decida de nuevo.`,
  ),

  // Transfer use cases (src/transfers/service.ts, facts.ts, cli.ts).
  'transfer.as_of_not_date': msg(
    (p: { asOf: string }) => `asOf ${p.asOf} is not a date; write it as YYYY-MM-DD.`,
    (p) => `asOf ${p.asOf} no es una fecha; escríbala como AAAA-MM-DD.`,
  ),
  'transfer.person_other_agreement': msg(
    (p: { personId: string }) => `Person ${p.personId} is on the roster of another agreement.`,
    (p) => `La persona ${p.personId} figura en la lista de otro acuerdo.`,
  ),
  'transfer.manifest_only': msg(
    (p: { action: string }) =>
      `A transfer is ${p.action === 'schedule' ? 'scheduled by adding it to a transport manifest' : p.action === 'depart' ? 'boarded person by person on its transport manifest, and departs with it' : 'received person by person, with an identity check, on its transport manifest'} (${MANIFEST}). Use /api/v1/manifests/{id}/… instead.`,
    (p) =>
      `Un traslado ${p.action === 'schedule' ? 'se programa añadiéndolo a un manifiesto de transporte' : p.action === 'depart' ? 'embarca persona por persona en su manifiesto de transporte y parte con él' : 'se recibe persona por persona, con verificación de identidad, en su manifiesto de transporte'} (${MANIFEST}). Use /api/v1/manifests/{id}/… en su lugar.`,
  ),
  'transfer.read_back_failed': msg(
    (p: { transferId: string }) => `transfer ${p.transferId} was recorded but cannot be read back`,
    (p) => `el traslado ${p.transferId} se registró, pero no puede volver a leerse`,
  ),
  'transfer.consent_already_verified': msg(
    (p: { verifiedBy: string; verifiedOn: string }) =>
      `Consent was already verified by ${p.verifiedBy} on ${p.verifiedOn}; verified consent cannot be withdrawn or replaced (docs/domain.md, People).`,
    (p) =>
      `El consentimiento ya fue verificado por ${p.verifiedBy} el ${p.verifiedOn}; un consentimiento verificado no puede retirarse ni sustituirse (docs/domain.md, People).`,
  ),
  'transfer.fact_unchanged': msg(
    (p: { fact: string }) =>
      `This ${p.fact === 'identityVerification' ? 'verification' : p.fact} is already recorded as given; nothing changed.`,
    (p) =>
      `${p.fact === 'identityVerification' ? 'Esta verificación ya consta' : p.fact === 'consent' ? 'Este consentimiento ya consta' : 'Esta notificación ya consta'} tal como se indica; no cambió nada.`,
  ),
  'transfer.status_unknown': msg(
    (p: { unknown: readonly string[]; statuses: readonly string[] }) =>
      `Unknown state ${listOf(p.unknown).join(', ')}; use one of: ${listOf(p.statuses).join(', ')}.`,
    (p) =>
      `Estado desconocido: ${listOf(p.unknown).join(', ')}; use uno de: ${listOf(p.statuses).join(', ')}.`,
  ),
  'transfer.list_limit': msg(
    (p: { given: string }) => `--limit ${p.given} must be a whole number from 1 to 1000.`,
    (p) => `--limit ${p.given} debe ser un número entero de 1 a 1000.`,
  ),

  // Legal holds (src/transfers/holds.ts and the state machine).
  'hold.lookup_one_of': msg(
    () => 'Find the person by their ref or by their A-number: give exactly one of the two.',
    () => 'Busque a la persona por su referencia o por su número A: indique exactamente uno de los dos.',
  ),
  'hold.lookup_a_number': msg(
    (p: { aNumber: string }) =>
      `${p.aNumber} is not an A-number: an A-number is A followed by 8 or 9 digits, e.g. A123456789.`,
    (p) =>
      `${p.aNumber} no es un número A: un número A es una A seguida de 8 o 9 dígitos, por ejemplo A123456789.`,
  ),
  'hold.type_unknown': msg(
    (p: { type: string; types: readonly string[] }) =>
      `Hold type ${p.type} is not one of: ${listOf(p.types).join(', ')}.`,
    (p) =>
      `El tipo de orden judicial ${p.type} no es ninguno de estos: ${listOf(p.types)
        .map((t) => `${t} (${wordOf(HOLD_TYPE_WORDS, t, 'es')})`)
        .join(', ')}.`,
  ),
  'hold.ref_incomplete': msg(
    (p: { missing: readonly string[] }) =>
      `A legal hold needs its ${listOf(p.missing).join(', ') || 'details'}; give the hold id, court and case.`,
    (p) =>
      `A la orden judicial le falta${listOf(p.missing).length > 0 ? `n estos datos: ${listOf(p.missing).join(', ')}` : 'n sus datos'}; indique el identificador de la orden, el tribunal y la causa.`,
  ),
  'hold.issued_not_date': msg(
    (p: { given: string }) => `The hold's issue date ${p.given} is not a date; write it as YYYY-MM-DD.`,
    (p) =>
      `La fecha de emisión de la orden judicial, ${p.given}, no es una fecha; escríbala como AAAA-MM-DD.`,
  ),
  'hold.lift_incomplete': msg(
    () => 'A lifted hold names the hold id and the lifted date (YYYY-MM-DD).',
    () =>
      'El levantamiento de una orden judicial indica el identificador de la orden y la fecha de levantamiento (AAAA-MM-DD).',
  ),
  'hold.not_holding_transfer': msg(
    (p: { transferId: string; holdId: string; holds: readonly string[] }) =>
      `Transfer ${p.transferId} is not held by hold ${p.holdId}; it is held by: ${listOf(p.holds).join(', ')}. Lift one of those.`,
    (p) =>
      `El traslado ${p.transferId} no está suspendido por la orden judicial ${p.holdId}; lo suspenden: ${listOf(p.holds).join(', ')}. Levante una de ellas.`,
  ),
  'hold.transfers_of_several_people': msg(
    (p: { count: number }) =>
      `A legal hold concerns one person; these transfers belong to ${p.count} people.`,
    (p) => `Una orden judicial afecta a una sola persona; estos traslados pertenecen a ${p.count} personas.`,
  ),
  'hold.already_recorded': msg(
    (p: { court: string; case: string; issued: string }) =>
      `This hold (${p.court}, ${p.case}, issued ${p.issued}) is already recorded.`,
    (p) => `Esta orden judicial (${p.court}, ${p.case}, dictada el ${p.issued}) ya está registrada.`,
  ),
  'hold.already_lifted': msg(
    (p: { lifted: string }) => `This hold was already lifted on ${p.lifted}.`,
    (p) => `Esta orden judicial ya se levantó el ${p.lifted}.`,
  ),
  'hold.lifted_before_issued': msg(
    () => 'A hold cannot be lifted before it was issued; check the date.',
    () => 'Una orden judicial no puede levantarse antes de haberse dictado; compruebe la fecha.',
  ),
  'hold.record_not_revised': msg(
    () => 'a hold change produced no new record version',
    () => 'un cambio de orden judicial no produjo ninguna versión nueva del expediente',
  ),
});
