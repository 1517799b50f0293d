import { defineMessages, msg } from './define.js';
import { listOf, orList, type Words, wordOf } from './format.js';

/**
 * The refusals of agreements, their policy and fee schedule versions (src/agreements), in English and
 * Spanish.
 */

/** An agreement's states (the web's words, lower case). */
const AGREEMENT_STATUS_WORDS: Words = {
  draft: { en: 'draft', es: 'borrador' },
  in_force: { en: 'in_force', es: 'en vigor' },
  suspended: { en: 'suspended', es: 'suspendido' },
  terminated: { en: 'terminated', es: 'terminado' },
};

function statusEs(status: string): string {
  return `«${wordOf(AGREEMENT_STATUS_WORDS, status, 'es')}»`;
}

/** The refusals of agreements. */
export const agreementMessages = defineMessages({
  'agreement.code_taken': msg(
    (p: { code: string }) => `Agreement ${p.code} already exists; choose another code.`,
    (p) => `El acuerdo ${p.code} ya existe; elija otro código.`,
  ),
  'agreement.agencies_unknown': msg(
    (p: { unknown: readonly string[] }) =>
      `Unknown agencies: ${listOf(p.unknown).join(', ')}. Register them first.`,
    (p) => `Agencias desconocidas: ${listOf(p.unknown).join(', ')}. Regístrelas primero.`,
  ),
  'agreement.status_transition': msg(
    (p: { from: string; to: string; allowed: readonly string[] }) =>
      `An agreement cannot go from ${p.from} to ${p.to}. From ${p.from} it may go to: ${
        listOf(p.allowed).join(', ') || 'nothing (terminated is final)'
      }.`,
    (p) =>
      `Un acuerdo no puede pasar de ${statusEs(p.from)} a ${statusEs(p.to)}. Desde ${statusEs(p.from)} puede pasar a: ${
        orList(
          listOf(p.allowed).map((s) => statusEs(s)),
          'es',
        ) || 'nada (terminado es definitivo)'
      }.`,
  ),
  'agreement.policy_backdated': msg(
    (p: { effectiveFrom: string; current: string }) =>
      `A new policy version cannot take effect (${p.effectiveFrom}) before the current one (${p.current}); old screenings must keep their policy.`,
    (p) =>
      `Una versión nueva de la política no puede entrar en vigor (${p.effectiveFrom}) antes que la actual (${p.current}); las evaluaciones anteriores deben conservar su política.`,
  ),
  'agreement.fee_schedule_backdated': msg(
    (p: { effectiveFrom: string; current: string }) =>
      `A new fee schedule cannot take effect (${p.effectiveFrom}) before the current one (${p.current}).`,
    (p) =>
      `Una nueva tabla de tarifas no puede entrar en vigor (${p.effectiveFrom}) antes que la actual (${p.current}).`,
  ),
});
