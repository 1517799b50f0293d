import { defineMessages, msg } from './define.js';
import { listOf } from './format.js';

/**
 * The refusals of eligibility policies and screenings (src/eligibility), in English and Spanish. A policy
 * refusal names the policy, the rule and the parameter at fault; the sending state's law is the source of
 * the rules a policy may not drop.
 */
export const eligibilityMessages = defineMessages({
  'eligibility.as_of_not_date': msg(
    (p: { asOf: string }) => `--as-of ${p.asOf} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14.`,
    (p) => `--as-of ${p.asOf} no es una fecha; escríbala como AAAA-MM-DD, p. ej. 2025-03-14.`,
  ),
  'eligibility.no_policy_in_force': msg(
    (p: { agreement: string; asOf: string; first: string | null }) =>
      `No eligibility policy of ${p.agreement} is in force on ${p.asOf}` +
      (p.first
        ? `; the first takes effect on ${p.first}. Screen as of that date or later.`
        : '; add a policy version first.'),
    (p) =>
      `Ninguna política de elegibilidad de ${p.agreement} está en vigor el ${p.asOf}` +
      (p.first
        ? `; la primera entra en vigor el ${p.first}. Evalúe a esa fecha o a una posterior.`
        : '; añada primero una versión de la política.'),
  ),
  'eligibility.policy_min_days': msg(
    (p: { policyId: string; rule: string; given: string }) =>
      `Policy ${p.policyId}: rule ${p.rule} has minDays ${p.given}; give a whole number of days, 0 or more, e.g. {"minDays":180}.`,
    (p) =>
      `Política ${p.policyId}: la regla ${p.rule} tiene minDays ${p.given}; indique un número entero de días, 0 o más, p. ej. {"minDays":180}.`,
  ),
  'eligibility.policy_categories': msg(
    (p: { policyId: string; given: string; categories: readonly string[] }) =>
      `Policy ${p.policyId}: rule dangerous-offense has categories ${p.given}; give a non-empty list from: ${listOf(p.categories).join(', ')}.`,
    (p) =>
      `Política ${p.policyId}: la regla dangerous-offense tiene las categorías ${p.given}; indique una lista no vacía de: ${listOf(p.categories).join(', ')}.`,
  ),
  'eligibility.policy_unknown_rule': msg(
    (p: { policyId: string; given: string; known: readonly string[] }) =>
      `Policy ${p.policyId}: unknown rule id ${p.given}; the engine implements: ${listOf(p.known).join(', ')}. Correct the id, or add the rule to src/eligibility/rules.ts first.`,
    (p) =>
      `Política ${p.policyId}: identificador de regla desconocido ${p.given}; el motor aplica: ${listOf(p.known).join(', ')}. Corrija el identificador o añada primero la regla a src/eligibility/rules.ts.`,
  ),
  'eligibility.policy_rule_twice': msg(
    (p: { policyId: string; rule: string }) =>
      `Policy ${p.policyId}: rule ${p.rule} is listed twice; list each rule once.`,
    (p) => `Política ${p.policyId}: la regla ${p.rule} figura dos veces; incluya cada regla una sola vez.`,
  ),
  'eligibility.policy_unknown_param': msg(
    (p: { policyId: string; rule: string; given: string; allowed: readonly string[] }) =>
      `Policy ${p.policyId}: rule ${p.rule} has an unknown parameter ${p.given}; its parameters are: ${listOf(p.allowed).length > 0 ? listOf(p.allowed).join(', ') : 'none'}.`,
    (p) =>
      `Política ${p.policyId}: la regla ${p.rule} tiene un parámetro desconocido ${p.given}; sus parámetros son: ${listOf(p.allowed).length > 0 ? listOf(p.allowed).join(', ') : 'ninguno'}.`,
  ),
  'eligibility.policy_omits_law': msg(
    (p: { policyId: string; missing: readonly string[] }) =>
      `Policy ${p.policyId}: it leaves out the sending state's law (${listOf(p.missing).join(', ')}); a policy may not drop these rules. Add them.`,
    (p) =>
      `Política ${p.policyId}: omite la ley del Estado remitente (${listOf(p.missing).join(', ')}); una política no puede prescindir de estas reglas. Añádalas.`,
  ),
  'screening.date_invalid': msg(
    (p: { given: string }) =>
      `The screening date ${p.given} is not a date; write the planned transfer date as YYYY-MM-DD, e.g. 2025-03-14.`,
    (p) =>
      `La fecha de la evaluación ${p.given} no es una fecha; escriba la fecha prevista del traslado como AAAA-MM-DD, p. ej. 2025-03-14.`,
  ),
  'screening.one_source': msg(
    () => 'Give exactly one of: a FILE, --ref R, or --all.',
    () => 'Indique exactamente uno de: un ARCHIVO, --ref R o --all.',
  ),
  'screening.output_empty': msg(
    () => 'No screenings to write and no header; pass { policy, asOf } to write an empty result list.',
    () =>
      'No hay evaluaciones que escribir ni encabezado; pase { policy, asOf } para escribir una lista de resultados vacía.',
  ),
  'screening.output_mixed': msg(
    (p: { ref: string; policy: string; asOf: string; expectedPolicy: string; expectedAsOf: string }) =>
      `Screening of ${p.ref} is under ${p.policy} as of ${p.asOf}, not ${p.expectedPolicy} as of ${p.expectedAsOf}; write each policy and date separately.`,
    (p) =>
      `La evaluación de ${p.ref} se hizo con ${p.policy} a fecha ${p.asOf}, no con ${p.expectedPolicy} a fecha ${p.expectedAsOf}; escriba cada política y fecha por separado.`,
  ),
});
