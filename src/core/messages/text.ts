import { defineMessages, msg } from './define.js';

/** Text and dates at the boundary (src/core/text.ts): what no field may hold, in either language. */
export const textMessages = defineMessages({
  'text.nul': msg(
    (p: { field: string }) =>
      `${p.field} contains the NUL character (U+0000), which no text field may hold; remove it (it is often left by a binary file or a bad conversion).`,
    (p) =>
      `${p.field} contiene el carácter NUL (U+0000), que ningún campo de texto admite; quítelo (suele venir de un archivo binario o de una conversión defectuosa).`,
  ),
  'text.surrogate': msg(
    (p: { field: string }) =>
      `${p.field} contains half of a UTF-16 surrogate pair (a broken character), which is not text; send the whole character or remove it.`,
    (p) =>
      `${p.field} contiene la mitad de un par sustituto UTF-16 (un carácter roto), que no es texto; envíe el carácter completo o quítelo.`,
  ),
  'text.fields': msg(
    (p: { count: number; fields: string }) =>
      `${p.count === 1 ? 'One field holds' : `${p.count} fields hold`} characters no text may hold (NUL or a broken UTF-16 character): ${p.fields}.`,
    (p) =>
      `${p.count === 1 ? 'Un campo contiene' : `${p.count} campos contienen`} caracteres que ningún texto admite (NUL o un carácter UTF-16 roto): ${p.fields}.`,
  ),
  'date.year_range': msg(
    () => 'has a year outside 0001 to 9999, the years a date may have; check the year',
    () => 'tiene un año fuera de 0001 a 9999, los años que admite una fecha; revise el año',
  ),
  'cursor.invalid': msg(
    () => 'The cursor is not one this list returned; start again without a cursor.',
    () => 'El cursor no es uno de los que devolvió esta lista; empiece de nuevo sin cursor.',
  ),
  'import.not_utf8': msg(
    (p: { fields: string }) =>
      `the bytes ${p.fields === '' ? '' : `of ${p.fields} `}are not UTF-8; save the file as UTF-8 (in Excel: "CSV UTF-8"), or, if it was written in Latin-1 (Windows-1252), import it with --encoding latin1 (over HTTP, send it as text/csv; charset=iso-8859-1)`,
    (p) =>
      `los bytes ${p.fields === '' ? '' : `de ${p.fields} `}no son UTF-8; guarde el archivo como UTF-8 (en Excel: «CSV UTF-8») o, si se escribió en Latin-1 (Windows-1252), impórtelo con --encoding latin1 (por HTTP, envíelo como text/csv; charset=iso-8859-1)`,
  ),
  'import.encoding': msg(
    (p: { value: string }) => `--encoding is utf8 or latin1, not "${p.value}".`,
    (p) => `--encoding es utf8 o latin1, no «${p.value}».`,
  ),
});
