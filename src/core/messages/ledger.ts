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
  'ledger.key_missing': msg(
    (p: { path: string; size: number }) =>
      `The checkpoint key ${p.path} is missing, but this database already holds checkpoints signed up to ${p.size} entries. Nothing was done. Restore ${p.path} from your backup (mode 600). A new key would give the log a second identity that nobody holding its checkpoints can verify; to change keys, restore the old one and run \`custodia ledger key rotate\`, which records the new key in the ledger signed by the old.`,
    (p) =>
      `Falta la clave de los puntos de control ${p.path}, pero esta base de datos ya contiene puntos de control firmados hasta ${p.size} entradas. No se hizo nada. Restaure ${p.path} desde su copia de seguridad (modo 600). Una clave nueva daría al registro una segunda identidad que nadie que guarde sus puntos de control podría verificar; para cambiar de clave, restaure la antigua y ejecute \`custodia ledger key rotate\`, que registra la clave nueva en el registro firmada por la antigua.`,
  ),
  'ledger.key_mismatch': msg(
    (p: { path: string; size: number; keyId: string }) =>
      `The checkpoint key ${p.path} (key ID ${p.keyId}) did not sign this database's latest checkpoint (at ${p.size} entries). Nothing was done. Put back the key file that belongs to this database, from your backup; to change keys, run \`custodia ledger key rotate\` with the old key in place, which records the new key in the ledger signed by the old.`,
    (p) =>
      `La clave de los puntos de control ${p.path} (identificador ${p.keyId}) no firmó el último punto de control de esta base de datos (a ${p.size} entradas). No se hizo nada. Reponga, desde su copia de seguridad, el archivo de clave que corresponde a esta base de datos; para cambiar de clave, ejecute \`custodia ledger key rotate\` con la clave antigua en su sitio, que registra la clave nueva en el registro firmada por la antigua.`,
  ),
  'ledger.no_key': msg(
    (p: { path: string }) =>
      `There is no checkpoint key yet (${p.path}): the ledger is empty. Record an event first (for example \`custodia scenario load\` or \`custodia user add\`); read-only commands do not create a key.`,
    (p) =>
      `Todavía no hay clave de los puntos de control (${p.path}): el registro está vacío. Registre primero un evento (por ejemplo \`custodia scenario load\` o \`custodia user add\`); las órdenes de solo lectura no crean ninguna clave.`,
  ),
  'ledger.checkpoint_consistent': msg(
    (p: { file: string; size: number; ledgerSize: number }) =>
      `${p.file}: consistent. The ledger's first ${p.size} entries are the ones this checkpoint signed (the ledger now has ${p.ledgerSize}).`,
    (p) =>
      `${p.file}: coherente. Las primeras ${p.size} entradas del registro son las que firmó este punto de control (el registro tiene ahora ${p.ledgerSize}).`,
  ),
  'ledger.checkpoint_rolled_back': msg(
    (p: { file: string; size: number; ledgerSize: number }) =>
      `${p.file}: rolled back from ${p.size} to ${p.ledgerSize}. This installation signed a checkpoint at ${p.size} entries, but the ledger has only ${p.ledgerSize}: entries ${p.ledgerSize} to ${p.size - 1} are gone (an older copy of the database was restored, or entries were removed). Restore the newest backup whose ledger verifies against this checkpoint.`,
    (p) =>
      `${p.file}: revertido de ${p.size} a ${p.ledgerSize}. Esta instalación firmó un punto de control a ${p.size} entradas, pero el registro solo tiene ${p.ledgerSize}: faltan las entradas ${p.ledgerSize} a ${p.size - 1} (se restauró una copia anterior de la base de datos, o se eliminaron entradas). Restaure la copia de seguridad más reciente cuyo registro se verifique con este punto de control.`,
  ),
  'ledger.checkpoint_forked': msg(
    (p: { file: string; size: number; ledgerSize: number }) =>
      `${p.file}: forked at ${p.size}. This installation signed a checkpoint at ${p.size} entries whose root the ledger does not reproduce: an entry below index ${p.size} differs from the one signed. Find the first differing index by comparing \`custodia ledger export --to ${p.size}\` with an export from a copy that matches the checkpoint.`,
    (p) =>
      `${p.file}: bifurcado en ${p.size}. Esta instalación firmó un punto de control a ${p.size} entradas cuya raíz el registro no reproduce: alguna entrada con índice menor que ${p.size} difiere de la firmada. Para hallar el primer índice distinto, compare \`custodia ledger export --to ${p.size}\` con la exportación de una copia que coincida con el punto de control.`,
  ),
  'ledger.checkpoint_unsigned': msg(
    (p: { file: string; reason: string }) =>
      `${p.file}: not a checkpoint signed by this installation's key: ${p.reason}`,
    (p) => `${p.file}: no es un punto de control firmado con la clave de esta instalación: ${p.reason}`,
  ),
  'ledger.checkpoints_failed': msg(
    (p: { count: number }) =>
      `Ledger verification FAILED: the ledger does not match ${p.count === 1 ? 'a checkpoint' : `${p.count} checkpoints`} this installation signed:`,
    (p) =>
      `La verificación del registro FALLÓ: el registro no coincide con ${p.count === 1 ? 'un punto de control' : `${p.count} puntos de control`} que firmó esta instalación:`,
  ),
  'ledger.checkpoint_file': msg(
    (p: { path: string; reason: string }) =>
      `The checkpoint file ${p.path} cannot be read (${p.reason}). Give the path of a checkpoint saved with \`custodia ledger checkpoint > FILE\`.`,
    (p) =>
      `No se puede leer el archivo de punto de control ${p.path} (${p.reason}). Indique la ruta de un punto de control guardado con \`custodia ledger checkpoint > ARCHIVO\`.`,
  ),
  'ledger.key_rotated': msg(
    (p: { previous: string; next: string; size: number; path: string }) =>
      `The checkpoint key was rotated. Entry ${p.size - 1} records the new verifier key ${p.next}; the checkpoint at ${p.size} entries is signed by the old key (${p.previous}) and the new one, and later ones by the new key only. The new key is in ${p.path}: back it up now, and publish the new verifier key to whoever checks this log.`,
    (p) =>
      `Se rotó la clave de los puntos de control. La entrada ${p.size - 1} registra la nueva clave de verificación ${p.next}; el punto de control a ${p.size} entradas lo firman la clave antigua (${p.previous}) y la nueva, y los siguientes solo la nueva. La clave nueva está en ${p.path}: haga ya una copia de seguridad y publique la nueva clave de verificación a quien verifique este registro.`,
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
    (p: { from: string; to: number }) =>
      `--from ${p.from} must be between 1 and --to ${p.to}: a consistency proof from the empty tree proves nothing (every tree extends it), so there is none to give.`,
    (p) =>
      `--from ${p.from} debe estar entre 1 y --to ${p.to}: una prueba de consistencia desde el árbol vacío no prueba nada (todo árbol lo extiende), así que no hay ninguna que dar.`,
  ),
  'ledger.tile_path': msg(
    (p: { path: string }) =>
      `"tile/${p.path}" is not a tile path: use tile/<L>/<N>[.p/<W>], with N in 3-digit elements, all but the last prefixed with x (c2sp.org/tlog-tiles). Entry bundles (tile/entries/<N>[.p/<W>]) hold personal data: they need the sign-in of a monitor or of the installation's administrator.`,
    (p) =>
      `«tile/${p.path}» no es la ruta de una tesela: use tile/<L>/<N>[.p/<W>], con N en elementos de 3 cifras, todos salvo el último precedidos de x (c2sp.org/tlog-tiles). Los paquetes de entradas (tile/entries/<N>[.p/<W>]) contienen datos personales: requieren iniciar sesión como monitor o como administrador de la instalación.`,
  ),
  'ledger.tile_missing': msg(
    (p: { path: string; size: number }) =>
      `Tile ${p.path} is not in the tree of the latest checkpoint (${p.size} entries). Fetch the tiles the checkpoint's size requires; a partial tile's width is the size's remainder at that level.`,
    (p) =>
      `La tesela ${p.path} no está en el árbol del último punto de control (${p.size} entradas). Pida las teselas que requiere el tamaño del punto de control; la anchura de una tesela parcial es el resto del tamaño en ese nivel.`,
  ),
  'ledger.bundle_sealed': msg(
    (p: { path: string }) =>
      `Entry bundle ${p.path} holds entries about a record a court sealed, which a monitor may not read. The hash tile tile/0/${p.path} gives those entries' leaf hashes, enough to check the tree.`,
    (p) =>
      `El paquete de entradas ${p.path} contiene entradas sobre un expediente que un tribunal selló, que un monitor no puede consultar. La tesela tile/0/${p.path} da los hashes de hoja de esas entradas, suficientes para comprobar el árbol.`,
  ),
  'ledger.bundle_entry_too_long': msg(
    (p: { path: string; index: number; bytes: number }) =>
      `Entry ${p.index} of bundle ${p.path} is ${p.bytes} bytes long; an entry bundle holds entries of at most 65,535 bytes (c2sp.org/tlog-tiles). Read it with \`custodia ledger export\` on the installation.`,
    (p) =>
      `La entrada ${p.index} del paquete ${p.path} ocupa ${p.bytes} bytes; un paquete de entradas admite entradas de 65.535 bytes como máximo (c2sp.org/tlog-tiles). Léala con \`custodia ledger export\` en la instalación.`,
  ),
  'ledger.person_proofs_witnessed': msg(
    (p: { count: number; size: number; quorum: number }) =>
      `${p.count} ledger entries about this person. Proofs against the newest witnessed checkpoint (${p.size} entries, cosigned by at least ${p.quorum} witness(es)). Columns: index, recorded at, type, leaf hash, proof hashes; the checkpoint follows.`,
    (p) =>
      `${p.count} entradas del registro verificable sobre esta persona. Pruebas frente al punto de control atestiguado más reciente (${p.size} entradas, cofirmado por al menos ${p.quorum} testigo(s)). Columnas: índice, registrada el, tipo, hash de hoja, hashes de la prueba; sigue el punto de control.`,
  ),
  'ledger.person_proofs_unwitnessed': msg(
    (p: { count: number; size: number; quorum: number }) =>
      `${p.count} ledger entries about this person. No checkpoint is witnessed yet (${p.quorum} cosignature(s) needed): proofs against the newest signed checkpoint (${p.size} entries), NOT witnessed. Columns: index, recorded at, type, leaf hash, proof hashes; the checkpoint follows.`,
    (p) =>
      `${p.count} entradas del registro verificable sobre esta persona. Aún no hay ningún punto de control atestiguado (se necesitan ${p.quorum} cofirma(s)): pruebas frente al último punto de control firmado (${p.size} entradas), SIN atestiguar. Columnas: índice, registrada el, tipo, hash de hoja, hashes de la prueba; sigue el punto de control.`,
  ),
});
