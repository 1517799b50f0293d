import { defineMessages, msg } from './define.js';

/** The installation: the database, configuration, the command line, periods of dates, the scenario. */
export const systemMessages = defineMessages({
  'db.open_failed': msg(
    (p: { dir: string | null; reason: string }) =>
      `Could not open the embedded database in ${p.dir ?? 'memory'}: ${p.reason}. ` +
      'Check that the directory is writable and not used by another Custodia process, or pass --data DIR.',
    (p) =>
      `No se pudo abrir la base de datos integrada en ${p.dir ?? 'memoria'}: ${p.reason}. ` +
      'Compruebe que se puede escribir en el directorio y que ningún otro proceso de Custodia lo usa, o indique --data DIR.',
  ),
  'db.migration_failed': msg(
    (p: { migration: string; reason: string }) =>
      `Database migration ${p.migration} failed: ${p.reason}. ` +
      'The database may belong to a newer Custodia version or be damaged; restore from a backup or use a new --data directory.',
    (p) =>
      `Falló la migración ${p.migration} de la base de datos: ${p.reason}. ` +
      'Puede que la base de datos sea de una versión más reciente de Custodia o esté dañada; restáurela desde una copia de seguridad o use un directorio --data nuevo.',
  ),
  'db.in_use': msg(
    (p: { dir: string; pid: number }) =>
      `The embedded database in ${p.dir} is in use by process ${p.pid} (another custodia command or \`custodia serve\`). ` +
      'Stop that process first, or use a PostgreSQL server (DATABASE_URL) when several processes need the data.',
    (p) =>
      `La base de datos integrada en ${p.dir} la está usando el proceso ${p.pid} (otro comando custodia o \`custodia serve\`). ` +
      'Detenga primero ese proceso, o use un servidor PostgreSQL (DATABASE_URL) cuando varios procesos necesiten los datos.',
  ),
  'db.lock_failed': msg(
    (p: { path: string }) => `Could not lock ${p.path}; remove it if no custodia process is running.`,
    (p) => `No se pudo bloquear ${p.path}; elimínelo si no hay ningún proceso custodia en marcha.`,
  ),

  'config.database_url': msg(
    () => 'DATABASE_URL must be a postgres:// or postgresql:// URL; unset it to use the embedded database.',
    () =>
      'DATABASE_URL debe ser una URL postgres:// o postgresql://; quítela para usar la base de datos integrada.',
  ),
  'config.database_read_url': msg(
    () =>
      'DATABASE_READ_URL must be a postgres:// or postgresql:// URL naming a streaming replica of DATABASE_URL; unset it to read from the primary.',
    () =>
      'DATABASE_READ_URL debe ser una URL postgres:// o postgresql:// de una réplica en streaming de DATABASE_URL; quítela para leer del servidor principal.',
  ),
  'config.database_read_url_alone': msg(
    () =>
      'DATABASE_READ_URL names a replica of a PostgreSQL server, so it needs DATABASE_URL too; the embedded database has no replica.',
    () =>
      'DATABASE_READ_URL nombra una réplica de un servidor PostgreSQL, así que también necesita DATABASE_URL; la base de datos integrada no tiene réplica.',
  ),
  'config.positive_integer': msg(
    (p: { name: string; value: string }) => `${p.name} must be a positive whole number, not "${p.value}".`,
    (p) => `${p.name} debe ser un número entero positivo, no «${p.value}».`,
  ),
  'config.trust_proxy': msg(
    (p: { value: string }) =>
      `CUSTODIA_TRUST_PROXY is "true", "false" or a comma-separated list of proxy addresses, CIDR ranges or loopback, linklocal, uniquelocal; "${p.value}" is none of them.`,
    (p) =>
      `CUSTODIA_TRUST_PROXY es «true», «false» o una lista separada por comas de direcciones de proxy, rangos CIDR o loopback, linklocal, uniquelocal; «${p.value}» no es ninguno de ellos.`,
  ),
  'config.log_target': msg(
    (p: { value: string }) =>
      `The request log goes to "file" (under the data directory) or "stdout", not "${p.value}"; set --log or CUSTODIA_LOG to one of them.`,
    (p) =>
      `El registro de peticiones va a «file» (en el directorio de datos) o a «stdout», no a «${p.value}»; indique uno de los dos en --log o CUSTODIA_LOG.`,
  ),

  'period.reversed': msg(
    (p: { from: string; to: string }) => `from ${p.from} is after to ${p.to}; swap them.`,
    (p) => `from ${p.from} es posterior a to ${p.to}; intercambie las dos fechas.`,
  ),
  'period.too_long': msg(
    (p: { from: string; to: string; maxDays: number }) =>
      `The period ${p.from} to ${p.to} is longer than ${p.maxDays} days; ask for a shorter one.`,
    (p) => `El periodo del ${p.from} al ${p.to} dura más de ${p.maxDays} días; pida uno más corto.`,
  ),

  'cli.not_a_date': msg(
    (p: { name: string; value: string }) => `${p.name} ${p.value} is not a date; write it as YYYY-MM-DD.`,
    (p) => `${p.name} ${p.value} no es una fecha; escríbala como AAAA-MM-DD.`,
  ),
  'cli.cannot_read': msg(
    (p: { path: string; reason: string }) => `Cannot read ${p.path}: ${p.reason}`,
    (p) => `No se puede leer ${p.path}: ${p.reason}`,
  ),
  'cli.cannot_read_check_path': msg(
    (p: { path: string; reason: string }) => `Cannot read ${p.path}: ${p.reason}. Check the path.`,
    (p) => `No se puede leer ${p.path}: ${p.reason}. Compruebe la ruta.`,
  ),
  'cli.cannot_write': msg(
    (p: { path: string; reason: string }) => `Cannot write ${p.path}: ${p.reason}`,
    (p) => `No se puede escribir ${p.path}: ${p.reason}`,
  ),
  'cli.cannot_listen': msg(
    (p: { host: string; port: number; reason: string }) =>
      `Cannot listen on ${p.host}:${p.port}: ${p.reason}. Choose another --port or stop the other server.`,
    (p) =>
      `No se puede escuchar en ${p.host}:${p.port}: ${p.reason}. Elija otro --port o detenga el otro servidor.`,
  ),

  'scenario.unknown': msg(
    (p: { name: string }) => `Unknown scenario "${p.name}". The shipped scenario is cecot-2025.`,
    (p) => `Escenario desconocido: «${p.name}». El escenario incluido es cecot-2025.`,
  ),
  'scenario.regime_months': msg(
    () => '--regime-months goes from 0 to 9 (April to December 2025).',
    () => '--regime-months va de 0 a 9 (de abril a diciembre de 2025).',
  ),
  'scenario.billing_months': msg(
    () => '--billing-months goes from 0 to 8 (April to November 2025).',
    () => '--billing-months va de 0 a 8 (de abril a noviembre de 2025).',
  ),
  'scenario.cohort_range': msg(
    (p: { cohort: number }) =>
      `The eligible cohort must be 0 to 288 people (the bed allotment of 300, less the 12 Venezuelans of April); got ${p.cohort}.`,
    (p) =>
      `El grupo elegible debe ser de 0 a 288 personas (las 300 camas asignadas, menos los 12 venezolanos de abril); se indicaron ${p.cohort}.`,
  ),
  'scenario.not_empty': msg(
    (p: { name: string }) =>
      `The installation already holds data; load ${p.name} into an empty --data directory.`,
    (p) => `La instalación ya contiene datos; cargue ${p.name} en un directorio --data vacío.`,
  ),
});
