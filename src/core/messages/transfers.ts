import type { Lang } from '../i18n.js';
import { defineMessages, msg } from './define.js';
import { listOf, orList, type Words, wordOf } from './format.js';

/**
 * The refusals of transfers, legal holds and transport manifests (src/transfers), in English and Spanish.
 * Each rule refusal names the rule, the fact that failed it and the rule's source; the source is cited as
 * written (a DOMAIN.md section, a statute), in both languages.
 */

const TRANSFERS = 'DOMAIN.md, Transfers';
const MANIFEST = 'DOMAIN.md, Transfers → Transport manifest';

/** A transfer's states, as an adjective after "está" (the words of the web's transfer states). */
export const TRANSFER_STATUS_WORDS: Words = {
  nominated: { en: 'nominated', es: 'propuesto' },
  screened: { en: 'screened', es: 'evaluado' },
  approved: { en: 'approved', es: 'aprobado' },
  accepted: { en: 'accepted', es: 'aceptado' },
  scheduled: { en: 'scheduled', es: 'programado' },
  in_transit: { en: 'in_transit', es: 'en tránsito' },
  received: { en: 'received', es: 'recibido' },
  on_hold: { en: 'on_hold', es: 'suspendido' },
  cancelled: { en: 'cancelled', es: 'cancelado' },
  rejected: { en: 'rejected', es: 'rechazado' },
  returned: { en: 'returned', es: 'devuelto' },
};

/** A transfer action as an infinitive ("para aprobar…"), and with an indefinite article ("una cancelación"). */
const ACTION_WORDS: Readonly<Record<string, { verb: string; noun: string }>> = {
  nominate: { verb: 'proponer', noun: 'una propuesta' },
  screen: { verb: 'evaluar', noun: 'una evaluación' },
  approve: { verb: 'aprobar', noun: 'una aprobación' },
  accept: { verb: 'aceptar', noun: 'una aceptación' },
  reject: { verb: 'rechazar', noun: 'un rechazo' },
  schedule: { verb: 'programar', noun: 'una programación' },
  depart: { verb: 'partir', noun: 'una salida' },
  receive: { verb: 'recibir', noun: 'una recepción' },
  hold: { verb: 'registrar una orden judicial', noun: 'una orden judicial' },
  lift_hold: { verb: 'levantar una orden judicial', noun: 'un levantamiento de orden judicial' },
  cancel: { verb: 'cancelar', noun: 'una cancelación' },
  order_return: { verb: 'ordenar el retorno', noun: 'una orden de retorno' },
};

function verb(action: string): string {
  return Object.hasOwn(ACTION_WORDS, action) ? (ACTION_WORDS[action]?.verb ?? action) : action;
}

function noun(action: string): string {
  return Object.hasOwn(ACTION_WORDS, action) ? (ACTION_WORDS[action]?.noun ?? action) : action;
}

/** Legal hold types in words (as src/eligibility/wording.ts words them). */
export const HOLD_TYPE_WORDS: Words = {
  tro: { en: 'temporary restraining order', es: 'orden de restricción temporal' },
  habeas_petition: { en: 'habeas corpus petition', es: 'petición de hábeas corpus' },
  stay_of_removal: { en: 'stay of removal', es: 'suspensión de la deportación' },
  court_order: { en: 'court order', es: 'orden judicial' },
};

const REASON_LIST_WORDS: Words = {
  cancellation: { en: 'cancellation', es: 'cancelación' },
  rejection: { en: 'rejection', es: 'rechazo' },
  hold_type: { en: 'hold type', es: 'tipo de orden judicial' },
};

const OUTCOME_WORDS: Words = {
  eligible: { en: 'eligible', es: 'elegible' },
  pending: { en: 'pending', es: 'pendiente' },
  ineligible: { en: 'ineligible', es: 'no elegible' },
};

const RULE_RESULT_WORDS: Words = {
  pass: { en: 'pass', es: 'cumple' },
  fail: { en: 'fail', es: 'no cumple' },
  pending: { en: 'pending', es: 'pendiente' },
  not_applicable: { en: 'not_applicable', es: 'no aplica' },
};

/** A manifest's states (the web's words, lower case). */
const MANIFEST_STATUS_WORDS: Words = {
  open: { en: 'open', es: 'abierto' },
  departed: { en: 'departed', es: 'partió' },
  arrived: { en: 'arrived', es: 'llegó' },
  closed: { en: 'closed', es: 'cerrado' },
};

/** The states of a person's entry on a manifest (the web's words, lower case). */
const ENTRY_STATUS_WORDS: Words = {
  added: { en: 'added', es: 'añadido' },
  boarded: { en: 'boarded', es: 'embarcado' },
  received: { en: 'received', es: 'recibido' },
  exception: { en: 'exception', es: 'excepción' },
};

/** The explained exceptions of a manifest, in words; Spanish adds the code to give, in parentheses. */
const EXCEPTION_WORDS: Words = {
  returned_before_departure: { en: 'returned_before_departure', es: 'devuelto antes de la salida' },
  medical_diversion: { en: 'medical_diversion', es: 'desvío médico' },
  missing_after_transport: { en: 'missing_after_transport', es: 'desaparecido tras el transporte' },
};

function exceptionEs(kind: string): string {
  return `«${wordOf(EXCEPTION_WORDS, kind, 'es')}» (${kind})`;
}

/**
 * The manifest decisions a manifest's state can refuse, each with what it is called and what to do
 * instead. `what.en` is also the `what` of the refusal's details.
 */
export const MANIFEST_STEPS = {
  add: {
    what: { en: 'adding a transfer', es: 'para añadir un traslado' },
    fix: {
      en: 'Put the transfer on another, open manifest.',
      es: 'Ponga el traslado en otro manifiesto que esté abierto.',
    },
  },
  remove: {
    what: { en: 'removing a transfer', es: 'para quitar un traslado' },
    fix: {
      en: 'After departure, account for the person with an exception.',
      es: 'Después de la salida, justifique a la persona con una excepción.',
    },
  },
  board: {
    what: { en: 'boarding', es: 'para embarcar' },
    fix: {
      en: 'Boarding is confirmed before departure; it cannot be added afterwards.',
      es: 'El embarque se confirma antes de la salida; no puede añadirse después.',
    },
  },
  depart: {
    what: { en: 'departure', es: 'para la salida' },
    fix: { en: 'A manifest departs once.', es: 'Un manifiesto parte una sola vez.' },
  },
  arrive: {
    what: { en: 'arrival', es: 'para la llegada' },
    fix: { en: 'A manifest arrives once.', es: 'Un manifiesto llega una sola vez.' },
  },
  arrive_before_departure: {
    what: { en: 'arrival', es: 'para la llegada' },
    fix: { en: 'Record the departure first.', es: 'Registre primero la salida.' },
  },
  receive: {
    what: { en: 'intake', es: 'para el ingreso' },
    fix: {
      en: 'Intake is confirmed person by person after arrival is recorded.',
      es: 'El ingreso se confirma persona por persona una vez registrada la llegada.',
    },
  },
  close: {
    what: { en: 'closing', es: 'para cerrarlo' },
    fix: { en: 'Record the arrival, then reconcile.', es: 'Registre la llegada y luego concilie.' },
  },
  returned_before_departure: {
    what: {
      en: 'a returned_before_departure exception',
      es: `para una excepción de ${exceptionEs('returned_before_departure')}`,
    },
    fix: {
      en: 'After departure use medical_diversion or missing_after_transport.',
      es: `Después de la salida use ${exceptionEs('medical_diversion')} o ${exceptionEs('missing_after_transport')}.`,
    },
  },
  medical_diversion: {
    what: {
      en: 'a medical_diversion exception',
      es: `para una excepción de ${exceptionEs('medical_diversion')}`,
    },
    fix: {
      en: 'Before departure use returned_before_departure.',
      es: `Antes de la salida use ${exceptionEs('returned_before_departure')}.`,
    },
  },
  missing_after_transport: {
    what: {
      en: 'a missing_after_transport exception',
      es: `para una excepción de ${exceptionEs('missing_after_transport')}`,
    },
    fix: {
      en: 'Before departure use returned_before_departure.',
      es: `Antes de la salida use ${exceptionEs('returned_before_departure')}.`,
    },
  },
} as const satisfies Readonly<
  Record<string, { what: Readonly<Record<Lang, string>>; fix: Readonly<Record<Lang, string>> }>
>;
/** A manifest decision a manifest's state can refuse. */
export type ManifestStep = keyof typeof MANIFEST_STEPS;

function isManifestStep(step: string): step is ManifestStep {
  return Object.hasOwn(MANIFEST_STEPS, step);
}

function stepOf(step: string, lang: Lang, part: 'what' | 'fix'): string {
  return isManifestStep(step) ? MANIFEST_STEPS[step][part][lang] : step;
}

/** Legal holds as parallel lists: type, court, case and issue date of each. */
type HoldsParams = {
  holdTypes: readonly string[];
  courts: readonly string[];
  cases: readonly string[];
  issued: readonly string[];
};

function holdsNamed(p: HoldsParams, lang: Lang): string {
  return listOf(p.holdTypes)
    .map((type, i) => {
      const court = listOf(p.courts)[i];
      const kase = listOf(p.cases)[i];
      const issued = listOf(p.issued)[i];
      return lang === 'en'
        ? `${type} ${court} ${kase} (issued ${issued})`
        : `${wordOf(HOLD_TYPE_WORDS, type, 'es')} ${court} ${kase} (dictada el ${issued})`;
    })
    .join('; ');
}

function statusEs(status: string | null): string {
  return wordOf(TRANSFER_STATUS_WORDS, status, 'es');
}

/** A state named as such: `estado «en tránsito»`. */
function stateEs(status: string | null): string {
  return `estado «${statusEs(status)}»`;
}

function statusesEs(statuses: readonly string[]): string {
  return orList(
    listOf(statuses).map((s) => statusEs(s)),
    'es',
  );
}

function manifestStatusEs(status: string): string {
  return `«${wordOf(MANIFEST_STATUS_WORDS, status, 'es')}»`;
}

function entryStatusEs(status: string): string {
  return `«${wordOf(ENTRY_STATUS_WORDS, status, 'es')}»`;
}

/** A reason without its closing full stop, to be joined into a longer sentence ("…; …."). */
function withoutFinalStop(reason: string | undefined): string {
  return (reason ?? '').replace(/\.$/, '');
}

/** The refusals of the transfer state machine, legal holds and transport manifests. */
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
      `The screening says ${p.outcome} but its rule results give ${p.implied} (DOMAIN.md, Eligibility); pass the screening exactly as the engine produced it.`,
    (p) =>
      `La evaluación dice «${wordOf(OUTCOME_WORDS, p.outcome, 'es')}», pero los resultados de sus reglas dan «${wordOf(OUTCOME_WORDS, p.implied, 'es')}» (DOMAIN.md, Eligibility); pase la evaluación tal como la produjo el motor.`,
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
      `Consent was already verified by ${p.verifiedBy} on ${p.verifiedOn}; verified consent cannot be withdrawn or replaced (DOMAIN.md, People).`,
    (p) =>
      `El consentimiento ya fue verificado por ${p.verifiedBy} el ${p.verifiedOn}; un consentimiento verificado no puede retirarse ni sustituirse (DOMAIN.md, People).`,
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
});

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
