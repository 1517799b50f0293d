import { defineMessages, msg } from './define.js';

/** Backup and restore: the backup file, the target of a restore, the tools they run. */
export const backupMessages = defineMessages({
  'backup.not_a_backup': msg(
    (p: { path: string }) =>
      `${p.path} is not a Custodia backup (it does not start with the backup header). Give a file written by \`custodia backup\`.`,
    (p) =>
      `${p.path} no es una copia de seguridad de Custodia (no empieza con la cabecera de copia). Indique un archivo escrito por \`custodia backup\`.`,
  ),
  'backup.bad_manifest': msg(
    (p: { path: string; reason: string }) =>
      `The manifest of backup ${p.path} cannot be read: ${p.reason}. The file is damaged or from an unknown version of Custodia.`,
    (p) =>
      `No se puede leer el manifiesto de la copia ${p.path}: ${p.reason}. El archivo está dañado o es de una versión desconocida de Custodia.`,
  ),
  'backup.truncated': msg(
    (p: { path: string; expected: number; actual: number }) =>
      `Backup ${p.path} is truncated: its manifest announces ${p.expected} bytes of data but the file holds ${p.actual}. Copy the whole file again.`,
    (p) =>
      `La copia ${p.path} está truncada: su manifiesto anuncia ${p.expected} bytes de datos, pero el archivo contiene ${p.actual}. Vuelva a copiar el archivo completo.`,
  ),
  'backup.damaged': msg(
    (p: { path: string }) =>
      `Backup ${p.path} is damaged: its data does not match the SHA-256 recorded in its manifest. Use another copy.`,
    (p) =>
      `La copia ${p.path} está dañada: sus datos no coinciden con el SHA-256 anotado en su manifiesto. Use otra copia.`,
  ),
  'backup.unsupported_version': msg(
    (p: { path: string; version: string }) =>
      `${p.path} is a Custodia backup of format version ${p.version}, which this version of Custodia cannot read (it reads version 1). Restore it with the Custodia version that wrote it.`,
    (p) =>
      `${p.path} es una copia de seguridad de Custodia con formato versión ${p.version}, que esta versión de Custodia no sabe leer (lee la versión 1). Restáurela con la versión de Custodia que la escribió.`,
  ),
  'backup.newer_schema': msg(
    (p: { path: string; schema: string; version: string; latest: string }) =>
      `Backup ${p.path} was made by Custodia ${p.version}, whose database schema (${p.schema}) is newer than this version knows (${p.latest}). Restore it with Custodia ${p.version} or later.`,
    (p) =>
      `La copia ${p.path} la hizo Custodia ${p.version}, cuyo esquema de base de datos (${p.schema}) es más reciente que el que conoce esta versión (${p.latest}). Restáurela con Custodia ${p.version} o posterior.`,
  ),
  'backup.bad_payload': msg(
    (p: { path: string; reason: string }) =>
      `Backup ${p.path} matches its checksum, but its data is not a PGlite data directory (${p.reason}). It was not written by \`custodia backup\`, or was altered together with its manifest.`,
    (p) =>
      `La copia ${p.path} coincide con su suma de comprobación, pero sus datos no son un directorio de datos de PGlite (${p.reason}). No la escribió \`custodia backup\`, o se alteró junto con su manifiesto.`,
  ),
  'backup.wrong_engine': msg(
    (p: { path: string; backup: string; target: string; toServer: boolean }) =>
      `Backup ${p.path} holds a ${p.backup} database and cannot be restored into ${p.toServer ? 'the PostgreSQL database' : 'the data directory'} ${p.target}. ` +
      'Restore a PGlite backup without DATABASE_URL, and a PostgreSQL backup with DATABASE_URL set to an empty database.',
    (p) =>
      `La copia ${p.path} contiene una base de datos ${p.backup} y no se puede restaurar en ${p.toServer ? 'la base de datos PostgreSQL' : 'el directorio de datos'} ${p.target}. ` +
      'Restaure una copia PGlite sin DATABASE_URL, y una copia PostgreSQL con DATABASE_URL apuntando a una base de datos vacía.',
  ),
  'backup.target_not_empty': msg(
    (p: { target: string }) =>
      `${p.target} is not empty. Restore only into a new, empty directory or database, so nothing is overwritten.`,
    (p) =>
      `${p.target} no está vacío. Restaure solo en un directorio o una base de datos nuevos y vacíos, para no sobrescribir nada.`,
  ),
  'backup.file_exists': msg(
    (p: { path: string }) =>
      `${p.path} already exists; give a new file name so no earlier backup is overwritten.`,
    (p) => `${p.path} ya existe; indique un nombre de archivo nuevo para no sobrescribir una copia anterior.`,
  ),
  'backup.key_mismatch': msg(
    (p: { path: string; expected: string; actual: string }) =>
      `The key in ${p.path} is not the key that signed this backup's checkpoints (expected ${p.expected}, got ${p.actual}). Give the installation's own ledger-signer.key.`,
    (p) =>
      `La clave de ${p.path} no es la que firmó los puntos de control de esta copia (se esperaba ${p.expected}, se recibió ${p.actual}). Indique el ledger-signer.key de la propia instalación.`,
  ),
  'backup.tool_failed': msg(
    (p: { tool: string; reason: string }) =>
      `${p.tool} failed: ${p.reason}. Check that PostgreSQL's client tools (version 15 or newer) are installed and that DATABASE_URL is reachable.`,
    (p) =>
      `${p.tool} falló: ${p.reason}. Compruebe que las herramientas cliente de PostgreSQL (versión 15 o posterior) están instaladas y que DATABASE_URL es accesible.`,
  ),
  'backup.server_failed': msg(
    (p: { url: string; reason: string }) =>
      `The running server (${p.url}) could not make the backup: ${p.reason}.`,
    (p) => `El servidor en marcha (${p.url}) no pudo hacer la copia: ${p.reason}.`,
  ),
  'backup.key_not_included': msg(
    (p: { keyPath: string }) =>
      `The signing key is not in the backup. Back up ${p.keyPath} separately (it does not change): a restore needs it to start.`,
    (p) =>
      `La clave de firma no está en la copia. Guarde aparte una copia de ${p.keyPath} (no cambia): una restauración la necesita para arrancar.`,
  ),
  'backup.key_included': msg(
    (p: { path: string }) =>
      `WARNING: ${p.path} CONTAINS THE LEDGER SIGNING KEY. Whoever holds it can sign checkpoints as this installation. It was written with mode 0600; store it encrypted and apart from ordinary backups.`,
    (p) =>
      `ATENCIÓN: ${p.path} CONTIENE LA CLAVE DE FIRMA DEL REGISTRO. Quien la tenga puede firmar puntos de control como esta instalación. Se escribió con modo 0600; guárdela cifrada y aparte de las copias ordinarias.`,
  ),
  'backup.key_not_restored': msg(
    (p: { keyFile: string; dataDir: string }) =>
      `The signing key was not restored: copy the installation's ${p.keyFile} into ${p.dataDir} (mode 0600) before starting Custodia, or restore again with --key FILE. The installation needs its key to start.`,
    (p) =>
      `La clave de firma no se restauró: copie el ${p.keyFile} de la instalación en ${p.dataDir} (modo 0600) antes de arrancar Custodia, o restaure de nuevo con --key ARCHIVO. La instalación necesita su clave para arrancar.`,
  ),
});
