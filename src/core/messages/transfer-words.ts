import type { Lang } from '../i18n.js';
import { listOf, orList, type Words, wordOf } from './format.js';

/**
 * The words the refusals of transfers, legal holds and manifests share: states, actions, hold types,
 * outcomes and manifest steps in English and Spanish, and the sources they cite.
 */

export const TRANSFERS = 'docs/domain.md, Transfers';
export const MANIFEST = 'docs/domain.md, Transport manifests';

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
  ordered: { en: 'ordered', es: 'ordenado' },
};

/** A transfer action as an infinitive ("para aprobar…"), and with an indefinite article ("una cancelación"). */
export const ACTION_WORDS: Readonly<Record<string, { verb: string; noun: string }>> = {
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
  start_return: { verb: 'iniciar el retorno', noun: 'un retorno' },
  repatriate: { verb: 'repatriar', noun: 'una repatriación' },
};

export function verb(action: string): string {
  return Object.hasOwn(ACTION_WORDS, action) ? (ACTION_WORDS[action]?.verb ?? action) : action;
}

export function noun(action: string): string {
  return Object.hasOwn(ACTION_WORDS, action) ? (ACTION_WORDS[action]?.noun ?? action) : action;
}

/** Legal hold types in words (as src/eligibility/wording.ts words them). */
export const HOLD_TYPE_WORDS: Words = {
  tro: { en: 'temporary restraining order', es: 'orden de restricción temporal' },
  habeas_petition: { en: 'habeas corpus petition', es: 'petición de hábeas corpus' },
  stay_of_removal: { en: 'stay of removal', es: 'suspensión de la deportación' },
  court_order: { en: 'court order', es: 'orden judicial' },
};

export const REASON_LIST_WORDS: Words = {
  cancellation: { en: 'cancellation', es: 'cancelación' },
  rejection: { en: 'rejection', es: 'rechazo' },
  hold_type: { en: 'hold type', es: 'tipo de orden judicial' },
};

export const OUTCOME_WORDS: Words = {
  eligible: { en: 'eligible', es: 'elegible' },
  pending: { en: 'pending', es: 'pendiente' },
  ineligible: { en: 'ineligible', es: 'no elegible' },
};

export const RULE_RESULT_WORDS: Words = {
  pass: { en: 'pass', es: 'cumple' },
  fail: { en: 'fail', es: 'no cumple' },
  pending: { en: 'pending', es: 'pendiente' },
  not_applicable: { en: 'not_applicable', es: 'no aplica' },
};

/** A manifest's states (the web's words, lower case). */
export const MANIFEST_STATUS_WORDS: Words = {
  open: { en: 'open', es: 'abierto' },
  departed: { en: 'departed', es: 'partió' },
  arrived: { en: 'arrived', es: 'llegó' },
  closed: { en: 'closed', es: 'cerrado' },
};

/** The states of a person's entry on a manifest (the web's words, lower case). */
export const ENTRY_STATUS_WORDS: Words = {
  added: { en: 'added', es: 'añadido' },
  boarded: { en: 'boarded', es: 'embarcado' },
  received: { en: 'received', es: 'recibido' },
  handed_over: { en: 'handed_over', es: 'entregado' },
  exception: { en: 'exception', es: 'excepción' },
};

/** The explained exceptions of a manifest, in words; Spanish adds the code to give, in parentheses. */
export const EXCEPTION_WORDS: Words = {
  returned_before_departure: { en: 'returned_before_departure', es: 'devuelto antes de la salida' },
  medical_diversion: { en: 'medical_diversion', es: 'desvío médico' },
  missing_after_transport: { en: 'missing_after_transport', es: 'desaparecido tras el transporte' },
};

export function exceptionEs(kind: string): string {
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
  hand_over: {
    what: { en: 'a handover', es: 'para la entrega' },
    fix: {
      en: 'The handover is recorded person by person after arrival is recorded.',
      es: 'La entrega se registra persona por persona una vez registrada la llegada.',
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

export function isManifestStep(step: string): step is ManifestStep {
  return Object.hasOwn(MANIFEST_STEPS, step);
}

export function stepOf(step: string, lang: Lang, part: 'what' | 'fix'): string {
  return isManifestStep(step) ? MANIFEST_STEPS[step][part][lang] : step;
}

/** Legal holds as parallel lists: type, court, case and issue date of each. */
export type HoldsParams = {
  holdTypes: readonly string[];
  courts: readonly string[];
  cases: readonly string[];
  issued: readonly string[];
};

export function holdsNamed(p: HoldsParams, lang: Lang): string {
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

export function statusEs(status: string | null): string {
  return wordOf(TRANSFER_STATUS_WORDS, status, 'es');
}

/** A state named as such: `estado «en tránsito»`. */
export function stateEs(status: string | null): string {
  return `estado «${statusEs(status)}»`;
}

export function statusesEs(statuses: readonly string[]): string {
  return orList(
    listOf(statuses).map((s) => statusEs(s)),
    'es',
  );
}

export function manifestStatusEs(status: string): string {
  return `«${wordOf(MANIFEST_STATUS_WORDS, status, 'es')}»`;
}

export function entryStatusEs(status: string): string {
  return `«${wordOf(ENTRY_STATUS_WORDS, status, 'es')}»`;
}

/** A reason without its closing full stop, to be joined into a longer sentence ("…; …."). */
export function withoutFinalStop(reason: string | undefined): string {
  return (reason ?? '').replace(/\.$/, '');
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
