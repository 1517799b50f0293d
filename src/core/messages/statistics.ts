import { defineMessages, msg } from './define.js';

/** The public statistics: refused parameters, the limit per minute. */
export const statisticsMessages = defineMessages({
  'statistics.scope_missing': msg(
    () =>
      'Say which statistics you want: give facility (a facility code, e.g. SV-CECOT) or agreement (an agreement code or id, e.g. cecot-2025).',
    () =>
      'Indique qué estadísticas desea: dé facility (el código de un centro, p. ej. SV-CECOT) o agreement (el código o id de un acuerdo, p. ej. cecot-2025).',
  ),
  'statistics.scope_both': msg(
    () => 'Give facility or agreement, not both: leave one of them out.',
    () => 'Dé facility o agreement, no ambos: omita uno de los dos.',
  ),
  'statistics.date_malformed': msg(
    (p: { field: string; value: string }) =>
      `${p.field} is not a date (${p.value}): write YYYY-MM-DD, e.g. 2025-04-30.`,
    (p) => `${p.field} no es una fecha (${p.value}): escriba AAAA-MM-DD, p. ej. 2025-04-30.`,
  ),
  'statistics.date_missing': msg(
    (p: { field: string }) => `${p.field} is missing: give the period as from=YYYY-MM-DD and to=YYYY-MM-DD.`,
    (p) => `Falta ${p.field}: indique el periodo como from=AAAA-MM-DD y to=AAAA-MM-DD.`,
  ),
  'statistics.date_outside': msg(
    (p: { field: string; value: string; from: string; to: string }) =>
      `${p.field} ${p.value} is outside the period ${p.from} to ${p.to}: give a day within it.`,
    (p) =>
      `${p.field} ${p.value} queda fuera del periodo del ${p.from} al ${p.to}: indique un día dentro de él.`,
  ),
  'statistics.unknown_subject': msg(
    (p: { field: string; value: string }) =>
      `${p.field}: there is no ${p.field} ${p.value}. Check the code (e.g. ${p.field === 'facility' ? 'SV-CECOT' : 'cecot-2025'}).`,
    (p) =>
      `${p.field}: no existe ${p.field === 'facility' ? 'el centro' : 'el acuerdo'} ${p.value}. Revise el código (p. ej. ${p.field === 'facility' ? 'SV-CECOT' : 'cecot-2025'}).`,
  ),
  'statistics.format_unknown': msg(
    (p: { field: string; value: string }) => `${p.field} must be json or csv, not ${p.value}.`,
    (p) => `${p.field} debe ser json o csv, no ${p.value}.`,
  ),
  'statistics.rate_limited': msg(
    (p: { retryAfterSeconds: number; limit: number; retryAt: string }) =>
      `Too many statistics requests from this address (at most ${p.limit} a minute). Try again in ${p.retryAfterSeconds} seconds.`,
    (p) =>
      `Demasiadas solicitudes de estadísticas desde esta dirección (como máximo ${p.limit} por minuto). Vuelva a intentarlo dentro de ${p.retryAfterSeconds} segundos.`,
  ),
  // The CLI's report (`custodia statistics show`).
  'statistics.cli.heading': msg(
    (p: { subject: string; name: string; from: string; to: string }) =>
      `Public statistics: ${p.name} (${p.subject}), ${p.from} to ${p.to}`,
    (p) => `Estadísticas públicas: ${p.name} (${p.subject}), del ${p.from} al ${p.to}`,
  ),
  'statistics.cli.release': msg(
    (p: { published: boolean; id: string; entry: number | null; hash: string }) =>
      p.published
        ? `Published release ${p.id}, ledger entry ${p.entry}; hash ${p.hash}`
        : `Not published: computed now; hash ${p.hash}`,
    (p) =>
      p.published
        ? `Publicación ${p.id}, entrada ${p.entry} del registro verificable; hash ${p.hash}`
        : `Sin publicar: calculadas ahora; hash ${p.hash}`,
  ),
  'statistics.cli.recorded': msg(
    (p: { recorded: boolean }) =>
      p.recorded
        ? 'Recorded a new release in the ledger.'
        : 'The newest release already holds these figures: nothing recorded.',
    (p) =>
      p.recorded
        ? 'Se registró una nueva publicación en el registro verificable.'
        : 'La publicación más reciente ya contiene estas cifras: no se registró nada.',
  ),
  'statistics.cli.population': msg(
    (p: { date: string; total: string }) => `Population in custody at the end of ${p.date}: ${p.total}`,
    (p) => `Población bajo custodia al final del ${p.date}: ${p.total}`,
  ),
  'statistics.cli.by_nationality': msg(
    () => 'by nationality',
    () => 'por nacionalidad',
  ),
  'statistics.cli.by_legal_status': msg(
    () => 'by legal status',
    () => 'por situación migratoria',
  ),
  'statistics.cli.transfers': msg(
    () => 'Transfers by outcome and month',
    () => 'Traslados por resultado y mes',
  ),
  'statistics.cli.cancelled_by_reason': msg(
    () => 'cancelled, by reason',
    () => 'cancelados, por motivo',
  ),
  'statistics.cli.deaths': msg(
    (p: { count: string; adp: string; rate: string }) =>
      `Deaths in custody: ${p.count}; average daily population ${p.adp}; rate per 100,000: ${p.rate}`,
    (p) => `Muertes bajo custodia: ${p.count}; población media diaria ${p.adp}; tasa por 100.000: ${p.rate}`,
  ),
  'statistics.cli.compliance': msg(
    () => 'Standards: share of evaluated days that met each',
    () => 'Estándares: proporción de días evaluados que cumplieron cada uno',
  ),
  'statistics.cli.custody_length': msg(
    (p: { ended: string; median: string }) =>
      `Custody ended in the period: ${p.ended}; median length ${p.median} days`,
    (p) => `Custodias terminadas en el periodo: ${p.ended}; duración mediana ${p.median} días`,
  ),
  'statistics.cli.releases': msg(
    (p: { total: string }) => `Releases by reason: ${p.total}`,
    (p) => `Excarcelaciones por motivo: ${p.total}`,
  ),
  'statistics.cli.withheld': msg(
    () => 'breakdown withheld (total under 10)',
    () => 'desglose omitido (total inferior a 10)',
  ),
  'statistics.cli.legend': msg(
    () =>
      'Counts from 1 to 9 are shown as <10; x hides a count of 10 or more so that no <10 can be worked out from its total.',
    () =>
      'Los recuentos de 1 a 9 se muestran como <10; x oculta un recuento de 10 o más para que ningún <10 pueda deducirse de su total.',
  ),
});
