import type { Lang } from '../i18n.js';
import { defineMessages, msg } from './define.js';
import { countOf } from './format.js';

type Words = Readonly<Record<Lang, string>>;

/**
 * What each action of the access policy (`auth/policy.ts`) lets a role do, as a refusal says it: "may not
 * <words>". The policy checks at compile time that every action it declares has words here.
 */
export const POLICY_ACTION_WORDS = {
  // The route-level actions.
  'agreements:read': { en: 'read agreements', es: 'consultar los acuerdos' },
  'agreements:write': { en: 'create or change agreements', es: 'crear o modificar acuerdos' },
  'facilities:read': { en: 'read facilities', es: 'consultar los centros' },
  'facilities:write': { en: 'create or change facilities', es: 'crear o modificar centros' },
  'people:read': { en: "read people's records", es: 'consultar los registros de personas' },
  'people:write': { en: 'add, change or withdraw people', es: 'añadir, modificar o retirar personas' },
  'people:import': { en: 'import a roster', es: 'importar una lista de personas' },
  'screenings:record': {
    en: "record screenings and a person's legal facts",
    es: 'registrar evaluaciones y los hechos legales de una persona',
  },
  'transfers:read': { en: 'read transfers', es: 'consultar los traslados' },
  'manifests:read': { en: 'read transport manifests', es: 'consultar los manifiestos de transporte' },
  'transfers:act': { en: 'act on transfers and manifests', es: 'actuar sobre traslados y manifiestos' },
  'holds:record': { en: 'record or lift legal holds', es: 'registrar o levantar órdenes judiciales' },
  'housing:allocate': { en: 'apply an allocation', es: 'aplicar una asignación de celdas' },
  'custody:record': { en: 'keep the custody records', es: 'llevar los registros de custodia' },
  'users:read': { en: 'list users and their tokens', es: 'consultar los usuarios y sus tokens' },
  'users:manage': { en: 'manage users', es: 'gestionar usuarios' },
  'parties:read': { en: 'read the parties', es: 'consultar las partes' },
  'parties:manage': { en: 'register parties', es: 'registrar partes' },
  'ledger:read': { en: 'read the ledger', es: 'consultar el registro verificable' },
  'ledger:person_proofs': {
    en: "read a person's ledger entries and their proofs",
    es: 'consultar las entradas del registro verificable sobre una persona y sus pruebas',
  },
  'ledger:entries': {
    en: "read the ledger's entry bundles",
    es: 'consultar los paquetes de entradas del registro verificable',
  },
  'dashboard:read': { en: 'see the dashboard', es: 'ver el panel' },
  'billing:read': { en: 'read invoices and payments', es: 'consultar facturas y pagos' },
  'locator_lookups:read': {
    en: 'read the record of locator lookups',
    es: 'consultar el registro de búsquedas en el localizador',
  },
  'statistics:publish': {
    en: 'publish the public statistics',
    es: 'publicar las estadísticas públicas',
  },
  'family:read': { en: 'see where their family member is held', es: 'ver dónde está su familiar' },
  'billing:write': {
    en: 'issue invoices and credit notes or record payments',
    es: 'emitir facturas y notas de crédito o registrar pagos',
  },
  // Representation.
  'representation:record': {
    en: 'record or end a representation',
    es: 'registrar o terminar una representación',
  },
  'representation:file': { en: 'file a notice of appearance', es: 'presentar un escrito de personación' },
  'representation:confirm': {
    en: 'confirm a notice of appearance',
    es: 'confirmar un escrito de personación',
  },
  // The steps of the transfer state machine.
  'transfer:nominate': { en: 'nominate a transfer', es: 'proponer un traslado' },
  'transfer:screen': { en: 'screen a transfer', es: 'evaluar un traslado' },
  'transfer:approve': { en: 'approve a transfer', es: 'aprobar un traslado' },
  'transfer:accept': { en: 'accept a transfer', es: 'aceptar un traslado' },
  'transfer:reject': { en: 'reject a transfer', es: 'rechazar un traslado' },
  'transfer:schedule': { en: 'schedule a transfer', es: 'programar un traslado' },
  'transfer:depart': { en: 'depart a transfer', es: 'hacer partir un traslado' },
  'transfer:receive': { en: 'receive a transfer', es: 'recibir un traslado' },
  'transfer:hold': { en: 'hold a transfer', es: 'suspender un traslado' },
  'transfer:lift_hold': { en: 'lift a hold on a transfer', es: 'levantar la suspensión de un traslado' },
  'transfer:cancel': { en: 'cancel a transfer', es: 'cancelar un traslado' },
  'transfer:order_return': { en: 'order the return of a transfer', es: 'ordenar el retorno de un traslado' },
  'transfer:repatriate': {
    en: 'start the repatriation of a person in custody',
    es: 'iniciar la repatriación de una persona bajo custodia',
  },
  // The decisions on a transport manifest.
  'manifest:create': { en: 'create a manifest', es: 'crear un manifiesto' },
  'manifest:add': { en: 'add a transfer to a manifest', es: 'añadir un traslado a un manifiesto' },
  'manifest:remove': { en: 'remove a transfer from a manifest', es: 'quitar un traslado de un manifiesto' },
  'manifest:board': { en: 'board a person on a manifest', es: 'embarcar a una persona de un manifiesto' },
  'manifest:depart': { en: "record a manifest's departure", es: 'registrar la salida de un manifiesto' },
  'manifest:arrive': { en: "record a manifest's arrival", es: 'registrar la llegada de un manifiesto' },
  'manifest:receive': {
    en: 'receive a person at intake from a manifest',
    es: 'recibir en el ingreso a una persona de un manifiesto',
  },
  'manifest:returned_before_departure': {
    en: 'declare a person on a manifest returned before departure',
    es: 'declarar devuelta antes de la salida a una persona de un manifiesto',
  },
  'manifest:medical_diversion': {
    en: 'declare a medical diversion on a manifest',
    es: 'declarar un desvío médico en un manifiesto',
  },
  'manifest:missing_after_transport': {
    en: 'declare a person on a manifest missing after transport',
    es: 'declarar desaparecida tras el transporte a una persona de un manifiesto',
  },
  'manifest:close': { en: 'close a manifest', es: 'cerrar un manifiesto' },
  // The decisions on a manifest out of the receiving facility.
  'return_manifest:create': { en: 'create a return manifest', es: 'crear un manifiesto de retorno' },
  'return_manifest:add': {
    en: 'add a transfer to a return manifest',
    es: 'añadir un traslado a un manifiesto de retorno',
  },
  'return_manifest:remove': {
    en: 'remove a transfer from a return manifest',
    es: 'quitar un traslado de un manifiesto de retorno',
  },
  'return_manifest:board': {
    en: 'board a person on a return manifest',
    es: 'embarcar a una persona de un manifiesto de retorno',
  },
  'return_manifest:depart': {
    en: "record a return manifest's departure",
    es: 'registrar la salida de un manifiesto de retorno',
  },
  'return_manifest:arrive': {
    en: "record a return manifest's arrival",
    es: 'registrar la llegada de un manifiesto de retorno',
  },
  'return_manifest:hand_over': {
    en: 'record the handover of a person from a return manifest',
    es: 'registrar la entrega de una persona de un manifiesto de retorno',
  },
  'return_manifest:returned_before_departure': {
    en: 'declare a person on a return manifest returned before departure',
    es: 'declarar devuelta antes de la salida a una persona de un manifiesto de retorno',
  },
  'return_manifest:medical_diversion': {
    en: 'declare a medical diversion on a return manifest',
    es: 'declarar un desvío médico en un manifiesto de retorno',
  },
  'return_manifest:missing_after_transport': {
    en: 'declare a person on a return manifest missing after transport',
    es: 'declarar desaparecida tras el transporte a una persona de un manifiesto de retorno',
  },
  'return_manifest:close': { en: 'close a return manifest', es: 'cerrar un manifiesto de retorno' },
  'repatriation_manifest:create': {
    en: 'create a repatriation manifest',
    es: 'crear un manifiesto de repatriación',
  },
  'repatriation_manifest:add': {
    en: 'add a transfer to a repatriation manifest',
    es: 'añadir un traslado a un manifiesto de repatriación',
  },
  'repatriation_manifest:remove': {
    en: 'remove a transfer from a repatriation manifest',
    es: 'quitar un traslado de un manifiesto de repatriación',
  },
  'repatriation_manifest:board': {
    en: 'board a person on a repatriation manifest',
    es: 'embarcar a una persona de un manifiesto de repatriación',
  },
  'repatriation_manifest:depart': {
    en: "record a repatriation manifest's departure",
    es: 'registrar la salida de un manifiesto de repatriación',
  },
  'repatriation_manifest:arrive': {
    en: "record a repatriation manifest's arrival",
    es: 'registrar la llegada de un manifiesto de repatriación',
  },
  'repatriation_manifest:hand_over': {
    en: 'record the handover of a person from a repatriation manifest',
    es: 'registrar la entrega de una persona de un manifiesto de repatriación',
  },
  'repatriation_manifest:returned_before_departure': {
    en: 'declare a person on a repatriation manifest returned before departure',
    es: 'declarar devuelta antes de la salida a una persona de un manifiesto de repatriación',
  },
  'repatriation_manifest:medical_diversion': {
    en: 'declare a medical diversion on a repatriation manifest',
    es: 'declarar un desvío médico en un manifiesto de repatriación',
  },
  'repatriation_manifest:missing_after_transport': {
    en: 'declare a person on a repatriation manifest missing after transport',
    es: 'declarar desaparecida tras el transporte a una persona de un manifiesto de repatriación',
  },
  'repatriation_manifest:close': {
    en: 'close a repatriation manifest',
    es: 'cerrar un manifiesto de repatriación',
  },
  // The facts the sending state's law turns on, and legal holds.
  'notice:record': { en: 'record notice', es: 'registrar la notificación' },
  'consent:record': { en: 'record consent', es: 'registrar el consentimiento' },
  'identity:verify': {
    en: 'record an identity verification',
    es: 'registrar una verificación de identidad',
  },
  'legal_hold:record': { en: 'record a legal hold', es: 'registrar una orden judicial' },
  'person:seal': { en: "seal a person's record", es: 'sellar el registro de una persona' },
  'housing:read': {
    en: 'see the cell a person is housed in',
    es: 'ver la celda en la que está alojada una persona',
  },
  'legal_hold:lift': { en: 'lift a legal hold', es: 'levantar una orden judicial' },
  // The receiving custody's records.
  'release:record': { en: 'record a release', es: 'registrar una liberación' },
  'notification:record': { en: 'record a notification', es: 'registrar una notificación' },
  'regime_log:record': { en: 'record the regime log', es: 'registrar el régimen' },
  'incident:report': { en: 'report an incident', es: 'registrar un incidente' },
  'incident:change_status': {
    en: 'change an incident’s status',
    es: 'cambiar el estado de un incidente',
  },
  'death_notice:record': {
    en: 'record a death notification',
    es: 'registrar la notificación de un fallecimiento',
  },
  'headcount:record': { en: 'record a headcount', es: 'registrar un recuento' },
  'isolation:record': { en: 'record an isolation placement', es: 'registrar un aislamiento' },
  'release_date:override': {
    en: 'override a release date',
    es: 'modificar manualmente una fecha de excarcelación',
  },
  'detention_explanation:record': {
    en: 'record a court order explaining detention',
    es: 'registrar una orden judicial que justifica la detención',
  },
  'consular:record': {
    en: 'record a consular notification',
    es: 'registrar una notificación consular',
  },
  // Legal visits.
  'legal_visits:read': { en: 'read legal visits', es: 'consultar las visitas legales' },
  'legal_visits:request': {
    en: 'request or cancel a legal visit',
    es: 'solicitar o cancelar una visita legal',
  },
  'legal_visits:manage': {
    en: 'schedule, refuse or record legal visits',
    es: 'programar, denegar o registrar visitas legales',
  },
  'legal_visit:request': { en: 'request a legal visit', es: 'solicitar una visita legal' },
  'legal_visit:cancel': { en: 'cancel a legal visit', es: 'cancelar una visita legal' },
  'legal_visit:schedule': { en: 'schedule a legal visit', es: 'programar una visita legal' },
  'legal_visit:refuse': { en: 'refuse a legal visit', es: 'denegar una visita legal' },
  'legal_visit:record_outcome': {
    en: 'record whether a legal visit was held',
    es: 'registrar si se celebró una visita legal',
  },
  // Video-link hearings.
  'hearings:read': { en: 'read video-link hearings', es: 'consultar las audiencias por videoenlace' },
  'hearings:write': {
    en: 'book, amend or cancel video-link hearings, or record their outcome',
    es: 'reservar, modificar o cancelar audiencias por videoenlace, o registrar su resultado',
  },
  'rooms:manage': {
    en: 'add hearing rooms, set their schedules and block them',
    es: 'añadir salas de audiencias, fijar sus horarios y bloquearlas',
  },
  'hearing:book': { en: 'book a video-link hearing', es: 'reservar una audiencia por videoenlace' },
  'hearing:amend': { en: 'amend a video-link hearing', es: 'modificar una audiencia por videoenlace' },
  'hearing:cancel': { en: 'cancel a video-link hearing', es: 'cancelar una audiencia por videoenlace' },
  'hearing:outcome': {
    en: "record a video-link hearing's outcome",
    es: 'registrar el resultado de una audiencia por videoenlace',
  },
} as const satisfies Readonly<Record<string, Words>>;

/** How far a grant reaches, as a refusal says it: "may do it only <words>". */
const SCOPE_WORDS: Readonly<Record<string, Words>> = {
  own_clients: { en: 'for its own clients', es: 'sobre sus propios representados' },
  own_courts: { en: "for its own courts' cases", es: 'sobre las causas de sus propios tribunales' },
  own_person: {
    en: 'for the person it is the family contact of',
    es: 'sobre la persona de la que es contacto familiar',
  },
  unsealed: { en: 'for records no court has sealed', es: 'sobre registros que ningún tribunal ha sellado' },
};

function actionWords(action: string, lang: Lang): string {
  const words: Words | undefined = (POLICY_ACTION_WORDS as Readonly<Record<string, Words>>)[action];
  return words ? words[lang] : action;
}

/** "a", "a or b", "a, b or c"; "o" in Spanish. */
function orList(items: readonly string[], lang: Lang): string {
  const list = Array.isArray(items) ? items : [String(items)];
  const or = lang === 'en' ? ' or ' : ' o ';
  if (list.length <= 2) return list.join(or);
  return `${list.slice(0, -1).join(', ')}${or}${list.at(-1)}`;
}

/** Who may, after "only": the roles, or the internal jobs when no user role may. */
function whoMay(roles: readonly string[], lang: Lang): string {
  if (Array.isArray(roles) && roles.length === 0) {
    return lang === 'en'
      ? 'internal jobs and the command-line operator may'
      : 'pueden hacerlo los procesos internos y el operador de la línea de órdenes';
  }
  return lang === 'en' ? `${orList(roles, 'en')} may` : `puede hacerlo ${orList(roles, 'es')}`;
}

function askWho(roles: readonly string[], lang: Lang): string {
  const one = Array.isArray(roles) && roles.length === 1;
  if (lang === 'en')
    return one ? 'Ask a user with that role to do it.' : 'Ask a user with one of those roles to do it.';
  return one ? 'Pídaselo a un usuario con ese rol.' : 'Pídaselo a un usuario con uno de esos roles.';
}

/** `12:03:30 UTC`: the time of an ISO instant, as a throttled sign-in is told to try again. */
function utcTime(iso: string): string {
  return `${String(iso).slice(11, 19)} UTC`;
}

/** `30 seconds`, `2 minutes`: how long until then (seconds up to two minutes, then whole minutes). */
function waitWords(seconds: number, lang: Lang): string {
  const s = Number(seconds);
  if (s < 120) return lang === 'en' ? countOf(s, 'second', 'seconds') : countOf(s, 'segundo', 'segundos');
  const m = Math.ceil(s / 60);
  return lang === 'en' ? countOf(m, 'minute', 'minutes') : countOf(m, 'minuto', 'minutos');
}

/** Sign-in, sessions, users and the access policy's refusals. */
export const authMessages = defineMessages({
  'policy.refused': msg(
    (p: { actor: string; role: string; action: string; allowedRoles: readonly string[] }) =>
      `${p.actor} (role ${p.role}) may not ${actionWords(p.action, 'en')}: only ${whoMay(p.allowedRoles, 'en')} (docs/domain.md, Roles). ${askWho(p.allowedRoles, 'en')}`,
    (p) =>
      `${p.actor} (rol ${p.role}) no puede ${actionWords(p.action, 'es')}: solo ${whoMay(p.allowedRoles, 'es')} (docs/domain.md, Roles). ${askWho(p.allowedRoles, 'es')}`,
  ),
  'policy.no_actor': msg(
    (p: { action: string; allowedRoles: readonly string[] }) =>
      `An unknown actor (role none) may not ${actionWords(p.action, 'en')}: only ${whoMay(p.allowedRoles, 'en')} (docs/domain.md, Roles). Sign in as a user with one of those roles.`,
    (p) =>
      `Un actor desconocido (sin rol) no puede ${actionWords(p.action, 'es')}: solo ${whoMay(p.allowedRoles, 'es')} (docs/domain.md, Roles). Inicie sesión como un usuario con uno de esos roles.`,
  ),
  'policy.out_of_scope': msg(
    (p: { actor: string; role: string; action: string; scope: string; subjectId: string | null }) =>
      `${p.actor} (role ${p.role}) may ${actionWords(p.action, 'en')} only ${SCOPE_WORDS[p.scope]?.en ?? p.scope}, and ${p.subjectId === null ? 'this request names no subject to check it against. Name the person or case.' : `${p.subjectId} is outside it.`}`,
    (p) =>
      `${p.actor} (rol ${p.role}) solo puede ${actionWords(p.action, 'es')} ${SCOPE_WORDS[p.scope]?.es ?? p.scope}, y ${p.subjectId === null ? 'esta solicitud no nombra ningún asunto con el que comprobarlo. Indique la persona o la causa.' : `${p.subjectId} queda fuera.`}`,
  ),
  'policy.route_closed': msg(
    () => 'This route declares no permission, so it is closed.',
    () => 'Esta ruta no declara ningún permiso, así que está cerrada.',
  ),
  'auth.sign_in': msg(
    () =>
      'Sign in first: send "Authorization: Bearer <token>" (see `custodia token create`) or log in at /api/v1/auth/login.',
    () =>
      'Inicie sesión primero: envíe «Authorization: Bearer <token>» (vea `custodia token create`) o inicie sesión en /api/v1/auth/login.',
  ),
  'auth.sign_in_first': msg(
    () => 'Sign in first.',
    () => 'Inicie sesión primero.',
  ),
  'auth.csrf': msg(
    () =>
      'Missing or wrong x-csrf-token header: send the csrfToken returned by login or /api/v1/auth/session.',
    () =>
      'Falta la cabecera x-csrf-token o es incorrecta: envíe el csrfToken que devuelven el inicio de sesión o /api/v1/auth/session.',
  ),
  'auth.bearer_malformed': msg(
    () => 'The Authorization header must be "Bearer <token>".',
    () => 'La cabecera Authorization debe ser «Bearer <token>».',
  ),
  'auth.token_unknown': msg(
    () => 'The API token is unknown or revoked; create a new one.',
    () => 'El token de la API es desconocido o fue revocado; cree uno nuevo.',
  ),
  'auth.login_failed': msg(
    () => 'The user name or password is wrong. Check both and try again.',
    () => 'El nombre de usuario o la contraseña no son correctos. Compruebe ambos e inténtelo de nuevo.',
  ),
  'auth.login_throttled_address': msg(
    (p: { retryAt: string; retryAfterSeconds: number }) =>
      `Too many failed sign-ins from this address. Try again at ${utcTime(p.retryAt)} (in ${waitWords(p.retryAfterSeconds, 'en')}).`,
    (p) =>
      `Demasiados intentos fallidos de inicio de sesión desde esta dirección. Inténtelo de nuevo a las ${utcTime(p.retryAt)} (dentro de ${waitWords(p.retryAfterSeconds, 'es')}).`,
  ),
  'auth.login_throttled_account': msg(
    (p: { retryAt: string; retryAfterSeconds: number }) =>
      `Too many failed sign-ins to this account. Try again at ${utcTime(p.retryAt)} (in ${waitWords(p.retryAfterSeconds, 'en')}).`,
    (p) =>
      `Demasiados intentos fallidos de inicio de sesión en esta cuenta. Inténtelo de nuevo a las ${utcTime(p.retryAt)} (dentro de ${waitWords(p.retryAfterSeconds, 'es')}).`,
  ),
  'auth.user_name_invalid': msg(
    (p: { name: string }) =>
      `User name "${p.name}": user names are 2–64 lower-case letters, digits, dots, dashes or underscores`,
    (p) =>
      `Nombre de usuario «${p.name}»: los nombres de usuario tienen de 2 a 64 letras minúsculas, dígitos, puntos, guiones o guiones bajos`,
  ),
  'auth.role_unknown': msg(
    (p: { role: string; roles: readonly string[] }) =>
      `Role "${p.role}" does not exist. Use one of: ${Array.isArray(p.roles) ? p.roles.join(', ') : p.roles}.`,
    (p) =>
      `El rol «${p.role}» no existe. Use uno de estos: ${Array.isArray(p.roles) ? p.roles.join(', ') : p.roles}.`,
  ),
  'auth.password_too_short': msg(
    (p: { min: number }) => `passwords need at least ${p.min} characters`,
    (p) => `las contraseñas necesitan al menos ${p.min} caracteres`,
  ),
  'auth.password_too_long': msg(
    (p: { max: number }) => `passwords are at most ${p.max} characters`,
    (p) => `las contraseñas tienen como máximo ${p.max} caracteres`,
  ),
  'auth.user_exists': msg(
    (p: { name: string }) => `User ${p.name} already exists; choose another name.`,
    (p) => `El usuario ${p.name} ya existe; elija otro nombre.`,
  ),
  'auth.token_expired': msg(
    (p: { expiredAt: string }) =>
      `The API token expired at ${p.expiredAt}; ask an admin for a new one (\`custodia token create\`).`,
    (p) =>
      `El token de la API caducó el ${p.expiredAt}; pida uno nuevo a un administrador (\`custodia token create\`).`,
  ),
  'auth.token_days_invalid': msg(
    (p: { days: string; max: number }) =>
      `A token expires in 1 to ${p.max} days ("30d"); "${p.days}" is not that.`,
    (p) => `Un token caduca en 1 a ${p.max} días («30d»); «${p.days}» no lo es.`,
  ),
  'auth.token_not_found': msg(
    (p: { id: string }) =>
      `API token ${p.id} does not exist; list a user's tokens with \`custodia token list\`.`,
    (p) =>
      `El token de la API ${p.id} no existe; consulte los tokens de un usuario con \`custodia token list\`.`,
  ),
  'auth.token_already_revoked': msg(
    (p: { id: string }) => `API token ${p.id} is already revoked.`,
    (p) => `El token de la API ${p.id} ya está revocado.`,
  ),
  'auth.must_change_password': msg(
    () =>
      'Your password was reset: set a new password first (POST /api/v1/auth/password). Until then nothing else is open to you.',
    () =>
      'Su contraseña fue restablecida: establezca primero una contraseña nueva (POST /api/v1/auth/password). Hasta entonces no tiene acceso a nada más.',
  ),
  'auth.current_password_wrong': msg(
    () => 'The current password is wrong.',
    () => 'La contraseña actual no es correcta.',
  ),
  'auth.last_admin': msg(
    (p: { name: string }) =>
      `${p.name} is the last enabled admin: enable or appoint another admin first, or nobody could manage users.`,
    (p) =>
      `${p.name} es el último administrador habilitado: habilite o nombre antes a otro administrador, o nadie podría gestionar los usuarios.`,
  ),
  'auth.user_already_disabled': msg(
    (p: { name: string }) => `User ${p.name} is already disabled.`,
    (p) => `El usuario ${p.name} ya está deshabilitado.`,
  ),
  'auth.user_not_disabled': msg(
    (p: { name: string }) => `User ${p.name} is not disabled.`,
    (p) => `El usuario ${p.name} no está deshabilitado.`,
  ),
  'auth.role_unchanged': msg(
    (p: { name: string; role: string }) => `User ${p.name} already has the role ${p.role}.`,
    (p) => `El usuario ${p.name} ya tiene el rol ${p.role}.`,
  ),
  'auth.user_not_found': msg(
    (p: { name: string }) => `User ${p.name} does not exist; create it with \`custodia user add\`.`,
    (p) => `El usuario ${p.name} no existe; créelo con \`custodia user add\`.`,
  ),
});
