import { defineMessages, msg } from './define.js';
import { grouped } from './format.js';

/** The things a refusal can name, in words: `notFound('transfer', id)` says "Transfer …" or "El traslado …". */
export const SUBJECTS = {
  agreement: { en: 'Agreement', es: 'El acuerdo' },
  agency: { en: 'Agency', es: 'La agencia' },
  cell: { en: 'Cell', es: 'La celda' },
  facility: { en: 'Facility', es: 'El centro' },
  hearing: { en: 'Hearing', es: 'La audiencia' },
  court: { en: 'Court', es: 'El tribunal' },
  incident: { en: 'Incident', es: 'El incidente' },
  invoice: { en: 'Invoice', es: 'La factura' },
  legal_hold: { en: 'Legal hold', es: 'La orden judicial' },
  legal_visit: { en: 'Legal visit', es: 'La visita legal' },
  manifest: { en: 'Manifest', es: 'El manifiesto' },
  module: { en: 'Module', es: 'El módulo' },
  person: { en: 'Person', es: 'La persona' },
  person_ref: { en: 'Person with ref', es: 'La persona con referencia' },
  room: { en: 'Hearing room', es: 'La sala de audiencias' },
  screening: { en: 'Screening', es: 'La evaluación' },
  transfer: { en: 'Transfer', es: 'El traslado' },
  user: { en: 'User', es: 'El usuario' },
} as const;
export type Subject = keyof typeof SUBJECTS;

/** Messages every feature uses: a subject not found, invalid requests, and the error titles. */
export const commonMessages = defineMessages({
  'common.not_found': msg(
    (p: { subject: string; id: string }) =>
      `${SUBJECTS[p.subject as Subject]?.en ?? p.subject} ${p.id} does not exist. Check the id, or list them to find it.`,
    (p) =>
      `${SUBJECTS[p.subject as Subject]?.es ?? p.subject} ${p.id} no existe. Compruebe el identificador o consulte la lista para encontrarlo.`,
  ),
  'request.invalid_fields': msg(
    (p: { count: number }) => `The request has ${p.count} invalid field(s); fix those named in issues.`,
    (p) => `La solicitud tiene ${p.count} campo(s) no válido(s); corrija los indicados en issues.`,
  ),
  'request.malformed_json': msg(
    (p: { reason: string }) => `The body is not valid JSON: ${p.reason}. Send one JSON object.`,
    (p) => `El cuerpo no es JSON válido: ${p.reason}. Envíe un objeto JSON.`,
  ),
  'request.empty_json': msg(
    () => 'The body is empty; send a JSON object.',
    () => 'El cuerpo está vacío; envíe un objeto JSON.',
  ),
  'request.unsupported_media_type': msg(
    (p: { reason: string }) => `${p.reason}. Send application/json.`,
    (p) => `${p.reason}. Envíe application/json.`,
  ),
  'request.invalid': msg(
    (p: { reason: string }) => p.reason,
    (p) => `Solicitud no válida: ${p.reason}`,
  ),
  'request.internal': msg(
    (p: { requestId: string }) => `Something went wrong on our side; the request id is ${p.requestId}.`,
    (p) => `Algo falló de nuestro lado; el identificador de la solicitud es ${p.requestId}.`,
  ),
  'request.no_api_route': msg(
    (p: { method: string; url: string }) => `No API route ${p.method} ${p.url}. See /api/docs.`,
    (p) => `No hay ninguna ruta de la API ${p.method} ${p.url}. Consulte /api/docs.`,
  ),
  'request.no_route': msg(
    (p: { method: string; url: string }) => `No route ${p.method} ${p.url}. See /api/docs.`,
    (p) => `No hay ninguna ruta ${p.method} ${p.url}. Consulte /api/docs.`,
  ),
  'input.whole_number': msg(
    (p: { name: string; min: number; value: string }) =>
      `${p.name} must be a whole number of at least ${p.min}, not "${p.value}".`,
    (p) => `${p.name} debe ser un número entero de al menos ${p.min}, no «${p.value}».`,
  ),
  'input.whole_number_range': msg(
    (p: { name: string; min: number; max: number; value: string }) =>
      `${p.name} must be a whole number from ${grouped(p.min, 'en')} to ${grouped(p.max, 'en')}, written in digits, not "${p.value}".`,
    (p) =>
      `${p.name} debe ser un número entero entre ${grouped(p.min, 'es')} y ${grouped(p.max, 'es')}, escrito con cifras, no «${p.value}».`,
  ),
  'input.lang': msg(
    (p: { value: string }) => `--lang ${p.value} is not supported; use en or es.`,
    (p) => `--lang ${p.value} no está disponible; use en o es.`,
  ),
});

/** The title of each error code, in each language (problem+json `title`). */
export const ERROR_TITLES = {
  invalid_input: { en: 'Invalid input', es: 'Datos no válidos' },
  malformed_json: { en: 'Malformed JSON', es: 'JSON mal formado' },
  unsupported_media_type: { en: 'Unsupported media type', es: 'Tipo de contenido no admitido' },
  invalid_request: { en: 'Invalid request', es: 'Solicitud no válida' },
  unauthenticated: { en: 'Authentication required', es: 'Se requiere autenticación' },
  forbidden: { en: 'Permission denied', es: 'Permiso denegado' },
  not_found: { en: 'Not found', es: 'No encontrado' },
  conflict: { en: 'Conflict', es: 'Conflicto' },
  rule_refusal: { en: 'Refused by a rule', es: 'Rechazado por una regla' },
  rate_limited: { en: 'Too many requests', es: 'Demasiadas solicitudes' },
  environment: { en: 'Environment problem', es: 'Problema del entorno' },
  internal: { en: 'Internal error', es: 'Error interno' },
} as const;
