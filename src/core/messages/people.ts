import { defineMessages, msg } from './define.js';

/**
 * The refusals of the roster and its imports (src/people), in English and Spanish. The problems of single
 * fields (an error's `issues`) are named by field and stay as the parser words them.
 */
export const peopleMessages = defineMessages({
  'people.record_invalid': msg(
    (p: { count: number }) => `The person record has ${p.count} problem(s); fix the fields named below.`,
    (p) =>
      `El expediente de la persona tiene ${p.count} ${p.count === 1 ? 'problema' : 'problemas'}; corrija los campos indicados a continuación.`,
  ),
  'people.ref_taken': msg(
    (p: { ref: string; personId: string }) =>
      `A person with ref ${p.ref} already exists under this agreement (id ${p.personId}); update that record instead.`,
    (p) =>
      `Ya existe una persona con la referencia ${p.ref} en este acuerdo (id ${p.personId}); actualice ese expediente en su lugar.`,
  ),
  'people.register_no_event': msg(
    () => 'registering a new ref produced no event',
    () => 'registrar una referencia nueva no produjo ningún evento',
  ),
  'people.ref_immutable': msg(
    (p: { ref: string }) => `The ref cannot change (it is ${p.ref}); register a new person for a new ref.`,
    (p) =>
      `La referencia no puede cambiar (es ${p.ref}); registre una persona nueva para una referencia nueva.`,
  ),
  'people.withdrawal_reason_missing': msg(
    () => 'A withdrawal needs a reason, e.g. entered_in_error.',
    () => 'Para retirar a una persona del registro se necesita un motivo, p. ej. entered_in_error.',
  ),
  'people.already_withdrawn': msg(
    (p: { personId: string }) => `Person ${p.personId} is already withdrawn.`,
    (p) => `La persona ${p.personId} ya fue retirada del registro.`,
  ),
  'people.cursor_unknown': msg(
    () => 'The cursor is not one this list returned; start again without a cursor.',
    () => 'El cursor no es uno de los que devolvió esta lista; empiece de nuevo sin cursor.',
  ),
  'import.format_from_name': msg(
    (p: { path: string }) =>
      `Cannot tell the format of ${p.path}: the name must end in .ndjson, .jsonl or .json (one JSON person per line) or .csv. Rename the file, or give the format explicitly.`,
    (p) =>
      `No se puede saber el formato de ${p.path}: el nombre debe terminar en .ndjson, .jsonl o .json (una persona en JSON por línea) o en .csv. Cambie el nombre del archivo o indique el formato explícitamente.`,
  ),
  'import.format_unknown': msg(
    (p: { format: string }) => `Unknown import format ${p.format}; use ndjson or csv.`,
    (p) => `Formato de importación desconocido: ${p.format}; use ndjson o csv.`,
  ),
  'import.content_type': msg(
    () => 'Send the file as the body with Content-Type application/x-ndjson or text/csv.',
    () => 'Envíe el archivo como cuerpo con Content-Type application/x-ndjson o text/csv.',
  ),
});
