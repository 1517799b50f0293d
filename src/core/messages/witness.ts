import { defineMessages, msg } from './define.js';

/** A witness's answer as a sentence: one final period, whether or not the witness ended with one. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** Witnesses: the witness's answers (C2SP tlog-witness) and the log's view of its witnesses. */
export const witnessMessages = defineMessages({
  'witness.key_unreadable': msg(
    (p: { path: string; reason: string }) =>
      `The witness key ${p.path} cannot be read: ${p.reason}. Restore it from a backup; a new key would not match the verifier key the logs trust.`,
    (p) =>
      `No se puede leer la clave del testigo ${p.path}: ${p.reason}. Restáurela desde una copia de seguridad; una clave nueva no coincidiría con la clave de verificación en la que confían los registros.`,
  ),
  'witness.key_exposed': msg(
    (p: { path: string; mode: string }) =>
      `The witness key ${p.path} is readable by other users (mode ${p.mode}). Run \`chmod 600 ${p.path}\`.`,
    (p) =>
      `Otros usuarios pueden leer la clave del testigo ${p.path} (modo ${p.mode}). Ejecute \`chmod 600 ${p.path}\`.`,
  ),
  'witness.state_unreadable': msg(
    (p: { path: string; reason: string }) =>
      `The witness file ${p.path} cannot be read: ${p.reason}. Restore it from a backup; without it the witness no longer knows what it cosigned.`,
    (p) =>
      `No se puede leer el archivo del testigo ${p.path}: ${p.reason}. Restáurelo desde una copia de seguridad; sin él, el testigo ya no sabe qué cofirmó.`,
  ),
  'witness.bad_log_key': msg(
    (p: { key: string; reason: string }) =>
      `"${p.key}" is not a log's verifier key: ${p.reason} Ask the log's operator for the output of \`custodia ledger key\`.`,
    (p) =>
      `«${p.key}» no es la clave de verificación de un registro: ${p.reason} Pida al operador del registro la salida de \`custodia ledger key\`.`,
  ),
  'witness.origin_mismatch': msg(
    (p: { origin: string; name: string }) =>
      `The key is named "${p.name}" but --origin is "${p.origin}": a log's key is named after its origin. Give the origin the key names, or the key of that log.`,
    (p) =>
      `La clave se llama «${p.name}» pero --origin es «${p.origin}»: la clave de un registro lleva el nombre de su origen. Indique el origen que nombra la clave, o la clave de ese registro.`,
  ),
  'witness.followed': msg(
    (p: { origin: string }) =>
      `This witness now follows ${p.origin}: it will cosign checkpoints that log signs.`,
    (p) => `Este testigo sigue ahora ${p.origin}: cofirmará los puntos de control que firme ese registro.`,
  ),
  'witness.serving': msg(
    (p: { url: string; key: string; logs: number }) =>
      `Witness listening on ${p.url} (POST ${p.url}/add-checkpoint), following ${p.logs} log(s). Its verifier key: ${p.key}`,
    (p) =>
      `Testigo escuchando en ${p.url} (POST ${p.url}/add-checkpoint), siguiendo ${p.logs} registro(s). Su clave de verificación: ${p.key}`,
  ),
  'witness.malformed': msg(
    (p: { reason: string }) =>
      `The request is malformed: ${p.reason} (c2sp.org/tlog-witness, add-checkpoint).`,
    (p) => `La solicitud está mal formada: ${p.reason} (c2sp.org/tlog-witness, add-checkpoint).`,
  ),
  'witness.unknown_origin': msg(
    (p: { origin: string }) =>
      `This witness does not follow the log "${p.origin}". Its operator can add it with \`custodia witness follow --origin ${p.origin} --key <the log's verifier key>\`.`,
    (p) =>
      `Este testigo no sigue el registro «${p.origin}». Su operador puede añadirlo con \`custodia witness follow --origin ${p.origin} --key <la clave de verificación del registro>\`.`,
  ),
  'witness.unsigned': msg(
    (p: { origin: string }) =>
      `The checkpoint has no valid signature by the key this witness trusts for ${p.origin}. If the log changed keys, its operator must give the witness the new verifier key.`,
    (p) =>
      `El punto de control no tiene una firma válida de la clave en la que este testigo confía para ${p.origin}. Si el registro cambió de clave, su operador debe dar al testigo la nueva clave de verificación.`,
  ),
  'witness.old_size_larger': msg(
    (p: { oldSize: number; size: number }) =>
      `The old size ${p.oldSize} is larger than the checkpoint's size ${p.size}.`,
    (p) => `El tamaño anterior ${p.oldSize} es mayor que el tamaño del punto de control, ${p.size}.`,
  ),
  'witness.empty_tree_root': msg(
    (p: { origin: string; size: number; known: number }) =>
      `The checkpoint of ${p.origin} has size ${p.size} but not the root of the empty tree.`,
    (p) => `El punto de control de ${p.origin} tiene tamaño ${p.size} pero no la raíz del árbol vacío.`,
  ),
  'witness.proof_not_empty': msg(
    (p: { origin: string; size: number; known: number }) =>
      `No consistency proof is needed from size ${p.known} to ${p.size} of ${p.origin}, but one was sent.`,
    (p) =>
      `No hace falta ninguna prueba de consistencia del tamaño ${p.known} al ${p.size} de ${p.origin}, pero se envió una.`,
  ),
  'witness.root_mismatch': msg(
    (p: { origin: string; size: number; known: number }) =>
      `This witness cosigned ${p.origin} at ${p.known} entries with another root: the log shows two different trees of the same size. Refused; keep this answer as evidence.`,
    (p) =>
      `Este testigo cofirmó ${p.origin} a ${p.known} entradas con otra raíz: el registro muestra dos árboles distintos del mismo tamaño. Rechazado; conserve esta respuesta como prueba.`,
  ),
  'witness.bad_proof': msg(
    (p: { origin: string; size: number; known: number }) =>
      `The consistency proof from ${p.known} to ${p.size} entries of ${p.origin} does not verify against the checkpoint this witness cosigned: the log is not an extension of what it showed before. Refused; keep this answer as evidence.`,
    (p) =>
      `La prueba de consistencia de ${p.known} a ${p.size} entradas de ${p.origin} no se verifica frente al punto de control que cofirmó este testigo: el registro no es una extensión de lo que mostró antes. Rechazado; conserve esta respuesta como prueba.`,
  ),
  'witness.no_cosigned_checkpoint': msg(
    () => 'This witness has cosigned no checkpoint of that log.',
    () => 'Este testigo no ha cofirmado ningún punto de control de ese registro.',
  ),
  'witness.bad_witness_key': msg(
    (p: { key: string; reason: string }) =>
      `"${p.key}" is not a witness's cosigner verifier key: ${p.reason} Ask the witness's operator for the output of \`custodia witness key\` (name+hex(keyid)+base64(0x04‖pubkey)).`,
    (p) =>
      `«${p.key}» no es la clave de verificación de cofirma de un testigo: ${p.reason} Pida al operador del testigo la salida de \`custodia witness key\` (nombre+hex(id)+base64(0x04‖clave pública)).`,
  ),
  'witness.bad_url': msg(
    (p: { url: string }) =>
      `"${p.url}" is not an http or https URL. Give the witness's submission prefix, e.g. https://witness.example/ (checkpoints go to <url>/add-checkpoint).`,
    (p) =>
      `«${p.url}» no es una URL http o https. Indique el prefijo de envío del testigo, por ejemplo https://witness.example/ (los puntos de control van a <url>/add-checkpoint).`,
  ),
  'witness.added': msg(
    (p: { name: string; url: string }) =>
      `Witness ${p.name} added: checkpoints will be submitted to ${p.url}/add-checkpoint. Run \`custodia ledger witness\` to submit the newest one now.`,
    (p) =>
      `Testigo ${p.name} añadido: los puntos de control se enviarán a ${p.url}/add-checkpoint. Ejecute \`custodia ledger witness\` para enviar ahora el más reciente.`,
  ),
  'witness.none_configured': msg(
    () => 'No witness is configured. Add one with `custodia ledger witnesses add --url URL --key VKEY`.',
    () =>
      'No hay ningún testigo configurado. Añada uno con `custodia ledger witnesses add --url URL --key VKEY`.',
  ),
  'witness.outcome_cosigned': msg(
    (p: { witness: string; size: number }) => `${p.witness} cosigned the checkpoint of ${p.size} entries.`,
    (p) => `${p.witness} cofirmó el punto de control de ${p.size} entradas.`,
  ),
  'witness.outcome_unreachable': msg(
    (p: { witness: string; url: string; detail: string }) =>
      `${p.witness} (${p.url}) could not be reached after several attempts: ${p.detail}. Nothing was refused; try again later.`,
    (p) =>
      `No se pudo contactar con ${p.witness} (${p.url}) tras varios intentos: ${p.detail}. No se rechazó nada; vuelva a intentarlo más tarde.`,
  ),
  'witness.outcome_refused': msg(
    (p: { witness: string; url: string; size: number; detail: string }) =>
      `${p.witness} (${p.url}) REFUSED the checkpoint of ${p.size} entries: ${sentence(p.detail)} A witness refuses a checkpoint inconsistent with one it cosigned: if this database was restored from an older copy, the log was rolled back and the witness saw it.`,
    (p) =>
      `${p.witness} (${p.url}) RECHAZÓ el punto de control de ${p.size} entradas: ${sentence(p.detail)} Un testigo rechaza un punto de control incoherente con uno que cofirmó: si esta base de datos se restauró desde una copia anterior, el registro retrocedió y el testigo lo vio.`,
  ),
  'witness.list_summary': msg(
    (p: { count: number; quorum: number; witnessedSize: number | string }) =>
      `${p.count} witness(es); a checkpoint counts as witnessed with ${p.quorum} cosignature(s) (CUSTODIA_WITNESS_QUORUM); newest witnessed size: ${p.witnessedSize}.`,
    (p) =>
      `${p.count} testigo(s); un punto de control cuenta como atestiguado con ${p.quorum} cofirma(s) (CUSTODIA_WITNESS_QUORUM); tamaño atestiguado más reciente: ${p.witnessedSize}.`,
  ),
  'witness.refused_summary': msg(
    (p: { names: string }) => `Refused by: ${p.names}.`,
    (p) => `Rechazado por: ${p.names}.`,
  ),
});
