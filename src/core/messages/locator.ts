import { defineMessages, msg } from './define.js';
import { orList } from './format.js';

/** The locator statuses in Spanish, as the web names them. */
const STATUS_ES: Readonly<Record<string, string>> = {
  in_custody: 'Bajo custodia',
  in_transit: 'En traslado',
  released: 'En libertad',
  returned: 'Devuelto',
  not_in_custody: 'No está bajo custodia',
};

/** The locator statuses in English. */
const STATUS_EN: Readonly<Record<string, string>> = {
  in_custody: 'In custody',
  in_transit: 'In transit',
  released: 'Released',
  returned: 'Returned',
  not_in_custody: 'Not in custody',
};

/** The public locator: refused queries, the limit per minute, and the agency to contact on a miss. */
export const locatorMessages = defineMessages({
  'locator.query_incomplete': msg(
    (p: { field: string }) =>
      `The query is incomplete (${p.field}): give aNumber and birthCountry, or name, birthCountry and birthDate.`,
    (p) =>
      `La consulta está incompleta (${p.field}): indique aNumber y birthCountry, o name, birthCountry y birthDate.`,
  ),
  'locator.query_both': msg(
    (p: { field: string }) =>
      `Ask by A-number or by name, not both at once (${p.field}): leave one of them out.`,
    (p) => `Consulte por número A o por nombre, no por ambos a la vez (${p.field}): omita uno de los dos.`,
  ),
  'locator.a_number_malformed': msg(
    (p: { field: string }) =>
      `${p.field} is not an A-number: write A followed by 8 or 9 digits, e.g. A123456789.`,
    (p) => `${p.field} no es un número A: escriba A seguida de 8 o 9 dígitos, p. ej. A123456789.`,
  ),
  'locator.birth_country_unknown': msg(
    (p: { field: string }) =>
      `${p.field} is not a country code: give the two-letter ISO 3166-1 code of the country of birth, e.g. SV.`,
    (p) =>
      `${p.field} no es un código de país: indique el código ISO 3166-1 de dos letras del país de nacimiento, p. ej. SV.`,
  ),
  'locator.birth_date_invalid': msg(
    (p: { field: string }) => `${p.field} is not a date: write it as YYYY-MM-DD, e.g. 1990-05-12.`,
    (p) => `${p.field} no es una fecha: escríbala como AAAA-MM-DD, p. ej. 1990-05-12.`,
  ),
  'locator.name_too_long': msg(
    (p: { field: string }) => `${p.field} is too long for a name; give the full name only.`,
    (p) => `${p.field} es demasiado largo para un nombre; indique solo el nombre completo.`,
  ),
  'locator.rate_limited': msg(
    (p: { retryAfterSeconds: number; limit: number; retryAt: string }) =>
      `Too many locator queries from this address (at most ${p.limit} a minute). Try again in ${p.retryAfterSeconds} seconds.`,
    (p) =>
      `Demasiadas consultas al localizador desde esta dirección (como máximo ${p.limit} por minuto). Vuelva a intentarlo dentro de ${p.retryAfterSeconds} segundos.`,
  ),
  'locator.contact': msg(
    (p: { agencies: readonly string[] }) =>
      `No person matches these details exactly. For help, contact ${orList(p.agencies, 'en')}.`,
    (p) =>
      `Ninguna persona coincide exactamente con estos datos. Para obtener ayuda, comuníquese con ${orList(p.agencies, 'es')}.`,
  ),
  'locator.contact_unknown': msg(
    () =>
      'No person matches these details exactly. For help, contact the agency that transferred the person.',
    () =>
      'Ninguna persona coincide exactamente con estos datos. Para obtener ayuda, comuníquese con la agencia que trasladó a la persona.',
  ),
  'locator.found_status': msg(
    (p: { status: string; since: string | null }) =>
      `${STATUS_EN[p.status] ?? p.status}${p.since ? ` since ${p.since}` : ''}.`,
    (p) => `${STATUS_ES[p.status] ?? p.status}${p.since ? ` desde el ${p.since}` : ''}.`,
  ),
  'locator.found_facility': msg(
    (p: { name: string; code: string; address: string | null }) =>
      `Facility: ${p.name} — ${p.code}${p.address ? `\nAddress: ${p.address}` : ''}`,
    (p) => `Centro: ${p.name} — ${p.code}${p.address ? `\nDirección: ${p.address}` : ''}`,
  ),
});
