import { defineMessages, msg } from './define.js';

/** The ledger: checkpoints, the signing key, inclusion and consistency proofs. */
export const ledgerMessages = defineMessages({
  'ledger.no_checkpoint': msg(
    () => 'The ledger has no checkpoint yet; record an event first.',
    () => 'El registro verificable todavía no tiene ningún punto de control; registre primero un evento.',
  ),
  'ledger.key_exposed': msg(
    (p: { path: string; mode: string }) =>
      `The checkpoint key ${p.path} is readable by other users (mode ${p.mode}). Run \`chmod 600 ${p.path}\`.`,
    (p) =>
      `Otros usuarios pueden leer la clave de los puntos de control ${p.path} (modo ${p.mode}). Ejecute \`chmod 600 ${p.path}\`.`,
  ),
  'ledger.key_unreadable': msg(
    (p: { path: string; reason: string }) =>
      `The checkpoint key ${p.path} cannot be read: ${p.reason}. Restore it from a backup; a new key would not match the published verifier key.`,
    (p) =>
      `No se puede leer la clave de los puntos de control ${p.path}: ${p.reason}. Restáurela desde una copia de seguridad; una clave nueva no coincidiría con la clave de verificación publicada.`,
  ),
  'ledger.tree_size': msg(
    (p: { size: string; current: number }) =>
      `Tree size ${p.size} is not available: the ledger has ${p.current} entries. Give a size no larger than ${p.current}.`,
    (p) =>
      `El tamaño de árbol ${p.size} no está disponible: el registro tiene ${p.current} entradas. Indique un tamaño no mayor que ${p.current}.`,
  ),
  'ledger.index_out_of_range': msg(
    (p: { index: string; size: number }) =>
      `Index ${p.index} is not in a tree of size ${p.size}; give an index from 0 to ${p.size - 1}.`,
    (p) =>
      `El índice ${p.index} no está en un árbol de tamaño ${p.size}; indique un índice de 0 a ${p.size - 1}.`,
  ),
  'ledger.consistency_from': msg(
    (p: { from: string; to: number }) => `--from ${p.from} must be between 0 and --to ${p.to}.`,
    (p) => `--from ${p.from} debe estar entre 0 y --to ${p.to}.`,
  ),
});
