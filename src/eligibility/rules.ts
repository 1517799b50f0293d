import { addDays, epochDayOf } from '../core/days.js';
import type { Conviction, PersonRecord } from '../people/model.js';
import type {
  ConvictionCategory,
  EligibilityPolicy,
  Lang,
  Reason,
  RuleEvaluation,
  RuleId,
  RuleResult,
} from './policy.js';
import { daysUntil, latestRelease } from './sentence.js';
import {
  CATEGORY,
  count,
  countryWords,
  distinct,
  HOLD,
  LEGAL_STATUS,
  listOf,
  orList,
  PROTECTION,
} from './wording.js';

/**
 * The rules of policy cecot-2025/v1 (docs/domain.md, Eligibility), one pure function per rule id. Each takes
 * the person, the policy and the as-of date (the planned transfer date), and returns its result, a
 * reason in English and Spanish stating the deciding facts, the rule's source and those facts.
 *
 * Affiliations never decide any rule (docs/domain.md, People → Affiliation: "No affiliation, on any basis,
 * counts toward eligibility"); `convicted` only says that they do not count.
 */

/** A rule: a pure function of the person, the policy and the as-of date. */
export type Rule = (person: PersonRecord, policy: EligibilityPolicy, asOf: string) => RuleEvaluation;

/** Each rule's source, exactly as docs/domain.md's tables give it. */
export const RULE_SOURCES: Readonly<Record<RuleId, string>> = {
  convicted: 'Offer of 2025-02-03: "only convicted criminals"',
  'dangerous-offense': 'Offer: "dangerous criminals"',
  'remaining-sentence': 'agreement term (cf. ETS 112 Art. 3(c))',
  'not-citizen': '18 U.S.C. 4100(b); citizens are not removable',
  'lawful-pathway':
    '18 U.S.C. 4100–4115; Inter-American Convention on Serving Criminal Sentences Abroad (US 2001, SV 2007); INA',
  'no-protection': 'INA 241(b)(3); CAT Art. 3; 8 CFR 208.16–18',
  'notice-period': 'Trump v. J.G.G. (2025-04-07); A.A.R.P. v. Trump (2025-05-16)',
  'no-active-hold': 'court orders bind',
  'identity-verified': 'UN Nelson Mandela Rules 7',
};

function evaluation(
  id: RuleId,
  result: RuleResult,
  en: string,
  es: string,
  facts: Record<string, unknown>,
): RuleEvaluation {
  return { id, result, reason: { en, es }, source: RULE_SOURCES[id], facts };
}

/** Negative when `a` is before `b`, 0 when the same day, positive after. */
function compareDates(a: string, b: string): number {
  const first = epochDayOf(a);
  return first - epochDayOf(b);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  const end = epochDayOf(to);
  return end - epochDayOf(from);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeConviction(c: Conviction, lang: Lang): string {
  const judgment = lang === 'en' ? `judgment of ${c.judgmentDate}` : `sentencia del ${c.judgmentDate}`;
  return `${c.offense} (${c.court}, ${c.caseNumber}, ${judgment})`;
}

/**
 * `convicted`: at least one conviction with a final judgment. A conviction under appeal or collateral
 * review, a pending charge and an affiliation do not count. Source: the offer of 2025-02-03, "only
 * convicted criminals".
 */
export const convicted: Rule = (person) => {
  const finals = person.convictions.filter((c) => c.final);
  const nonFinal = person.convictions.filter((c) => !c.final);
  const charges = person.pendingCharges.length;
  const organizations = distinct(person.affiliations.map((a) => a.organization));
  const facts = {
    finalConvictions: finals.map((c) => c.id),
    nonFinalConvictions: nonFinal.map((c) => c.id),
    pendingCharges: charges,
    affiliations: organizations,
  };
  if (finals.length > 0) {
    return evaluation(
      'convicted',
      'pass',
      `${count(finals.length, 'final conviction', 'final convictions')}: ${finals.map((c) => describeConviction(c, 'en')).join('; ')}.`,
      `${count(finals.length, 'condena firme', 'condenas firmes')}: ${finals.map((c) => describeConviction(c, 'es')).join('; ')}.`,
      facts,
    );
  }
  const en: string[] = [];
  const es: string[] = [];
  let counted = 0;
  if (nonFinal.length > 0) {
    en.push(
      count(
        nonFinal.length,
        'conviction under appeal or collateral review (not final)',
        'convictions under appeal or collateral review (not final)',
      ),
    );
    es.push(
      count(
        nonFinal.length,
        'condena con apelación o revisión colateral pendiente (no firme)',
        'condenas con apelación o revisión colateral pendiente (no firmes)',
      ),
    );
    counted += nonFinal.length;
  }
  if (charges > 0) {
    en.push(count(charges, 'pending charge', 'pending charges'));
    es.push(count(charges, 'cargo pendiente', 'cargos pendientes'));
    counted += charges;
  }
  if (person.affiliations.length > 0) {
    const names = organizations.join(', ');
    en.push(`${count(person.affiliations.length, 'affiliation', 'affiliations')} (${names})`);
    es.push(`${count(person.affiliations.length, 'afiliación', 'afiliaciones')} (${names})`);
    counted += person.affiliations.length;
  }
  if (en.length === 0) {
    return evaluation('convicted', 'fail', 'No conviction is recorded.', 'No consta ninguna condena.', facts);
  }
  const one = counted === 1;
  return evaluation(
    'convicted',
    'fail',
    `No final conviction. ${listOf(en, 'en')} ${one ? 'does' : 'do'} not count.`,
    `Ninguna condena firme. ${capitalized(listOf(es, 'es'))} no ${one ? 'cuenta' : 'cuentan'}.`,
    facts,
  );
};

function categoryItem(c: Conviction, lang: Lang): string {
  return `${c.offense} (${CATEGORY[c.category][lang]})`;
}

/** The dangerous categories last put in words, and the words: every person of a screening has the same. */
let lastDangerous: { categories: readonly ConvictionCategory[]; words: Reason } | undefined;

function sameCategories(a: readonly ConvictionCategory[], b: readonly ConvictionCategory[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `violent, weapons, … or sexual` in English and Spanish. */
function dangerousInWords(categories: readonly ConvictionCategory[]): Reason {
  if (lastDangerous !== undefined && sameCategories(categories, lastDangerous.categories)) {
    return lastDangerous.words;
  }
  const words = {
    en: orList(
      categories.map((c) => CATEGORY[c].en),
      'en',
    ),
    es: orList(
      categories.map((c) => CATEGORY[c].es),
      'es',
    ),
  };
  lastDangerous = { categories: [...categories], words };
  return words;
}

/**
 * `dangerous-offense`: a final conviction in one of the policy's dangerous categories (by default
 * violent, weapons, trafficking, terrorism, organized_crime, sexual). Source: the offer, "dangerous
 * criminals".
 */
export const dangerousOffense: Rule = (person, policy) => {
  const dangerous = policy.params.dangerousCategories;
  const finals = person.convictions.filter((c) => c.final);
  const hits = finals.filter((c) => dangerous.includes(c.category));
  const nonFinalHits = person.convictions.filter((c) => !c.final && dangerous.includes(c.category));
  const finalCategories = distinct(finals.map((c) => c.category));
  const facts = {
    dangerousCategories: [...dangerous],
    finalCategories,
    dangerousFinalConvictions: hits.map((c) => c.id),
    dangerousNonFinalConvictions: nonFinalHits.map((c) => c.id),
  };
  if (hits.length > 0) {
    const many = hits.length > 1;
    return evaluation(
      'dangerous-offense',
      'pass',
      `${many ? 'Final convictions in dangerous categories' : 'Final conviction in a dangerous category'}: ${hits.map((c) => categoryItem(c, 'en')).join('; ')}.`,
      `${many ? 'Condenas firmes en categorías peligrosas' : 'Condena firme en una categoría peligrosa'}: ${hits.map((c) => categoryItem(c, 'es')).join('; ')}.`,
      facts,
    );
  }
  const { en: dangerousEn, es: dangerousEs } = dangerousInWords(dangerous);
  let en: string;
  let es: string;
  if (finals.length === 0) {
    en = `No final conviction, so none in a dangerous category (${dangerousEn}).`;
    es = `Ninguna condena firme, por lo tanto ninguna en una categoría peligrosa (${dangerousEs}).`;
  } else {
    const one = finalCategories.length === 1;
    const foundEn = listOf(
      finalCategories.map((c) => CATEGORY[c].en),
      'en',
    );
    const foundEs = listOf(
      finalCategories.map((c) => CATEGORY[c].es),
      'es',
    );
    en = `${finals.length === 1 ? 'Final conviction' : 'Final convictions'} only in the ${foundEn} ${one ? 'category' : 'categories'}; none in ${dangerousEn}.`;
    es = `${finals.length === 1 ? 'Condena firme' : 'Condenas firmes'} solo en ${one ? 'la categoría' : 'las categorías'} ${foundEs}; ninguna en ${dangerousEs}.`;
  }
  if (nonFinalHits.length > 0) {
    const one = nonFinalHits.length === 1;
    en += ` ${count(nonFinalHits.length, 'conviction', 'convictions')} in a dangerous category under appeal or collateral review ${one ? 'does' : 'do'} not count.`;
    es += ` ${count(nonFinalHits.length, 'condena', 'condenas')} en una categoría peligrosa con apelación o revisión colateral pendiente no ${one ? 'cuenta' : 'cuentan'}.`;
  }
  return evaluation('dangerous-offense', 'fail', en, es, facts);
};

/**
 * `remaining-sentence`: time left on final sentences at the transfer date ≥ the policy's minimum
 * (180 days), or life. Source: agreement term (cf. ETS 112 Art. 3(c), which asks for at least six
 * months still to be served).
 */
export const remainingSentence: Rule = (person, policy, asOf) => {
  const min = policy.params.minRemainingDays;
  const latest = latestRelease(person);
  if (!latest) {
    return evaluation(
      'remaining-sentence',
      'fail',
      `No final conviction with a sentence: nothing left to serve on ${asOf}; at least ${min} days are required.`,
      `Ninguna condena firme con pena: nada que cumplir al ${asOf}; se requieren al menos ${min} días.`,
      { releaseDate: null, life: false, remainingDays: null, minDays: min },
    );
  }
  const { convictionId, release } = latest;
  if (release.kind === 'life') {
    const facts = {
      releaseDate: null,
      life: true,
      beyondRepresentable: release.beyondRepresentable === true,
      remainingDays: null,
      minDays: min,
      convictionId,
    };
    if (release.beyondRepresentable) {
      return evaluation(
        'remaining-sentence',
        'pass',
        `The final sentences (conviction ${convictionId}) end after the last date a calendar can represent (+275760-09-13): treated as life.`,
        `Las penas firmes (condena ${convictionId}) terminan después de la última fecha representable (+275760-09-13): se tratan como cadena perpetua.`,
        facts,
      );
    }
    return evaluation(
      'remaining-sentence',
      'pass',
      `A final life sentence (conviction ${convictionId}): no release date.`,
      `Cadena perpetua firme (condena ${convictionId}): sin fecha de excarcelación.`,
      facts,
    );
  }
  const days = daysUntil(release, asOf);
  const facts = { releaseDate: release.date, life: false, remainingDays: days, minDays: min, convictionId };
  if (days >= min) {
    return evaluation(
      'remaining-sentence',
      'pass',
      `Release date ${release.date} (conviction ${convictionId}): ${count(days, 'day', 'days')} left on ${asOf}, at least ${min} required.`,
      `Fecha de excarcelación ${release.date} (condena ${convictionId}): ${days === 1 ? 'queda 1 día' : `quedan ${days} días`} al ${asOf}; se requieren al menos ${min}.`,
      facts,
    );
  }
  if (compareDates(release.date, asOf) < 0) {
    return evaluation(
      'remaining-sentence',
      'fail',
      `Release date ${release.date} (conviction ${convictionId}): the final sentences ended before ${asOf}; 0 days left, at least ${min} required.`,
      `Fecha de excarcelación ${release.date} (condena ${convictionId}): las penas firmes terminaron antes del ${asOf}; quedan 0 días, se requieren al menos ${min}.`,
      facts,
    );
  }
  return evaluation(
    'remaining-sentence',
    'fail',
    `Release date ${release.date} (conviction ${convictionId}): ${count(days, 'day', 'days')} left on ${asOf}, fewer than the ${min} required.`,
    `Fecha de excarcelación ${release.date} (condena ${convictionId}): ${days === 1 ? 'queda 1 día' : `quedan ${days} días`} al ${asOf}, menos de los ${min} requeridos.`,
    facts,
  );
};

/**
 * `not-citizen`: the legal status in the sending state is not `citizen`. Source: 18 U.S.C. 4100(b)
 * (a treaty transfer goes only to a country of which the offender is a citizen or national, with
 * consent); citizens are not removable under the INA, so no removal order can reach them.
 */
export const notCitizen: Rule = (person) => {
  const status = person.legalStatus;
  const facts = { legalStatus: status };
  if (status === 'citizen') {
    return evaluation(
      'not-citizen',
      'fail',
      'A citizen of the sending state: no statute or treaty lets the sending state send a citizen abroad to be imprisoned, and citizens are not removable.',
      'Ciudadano del Estado remitente: ninguna ley ni tratado permite enviar a un ciudadano al extranjero para ser encarcelado, y los ciudadanos no son deportables.',
      facts,
    );
  }
  return evaluation(
    'not-citizen',
    'pass',
    `Legal status in the sending state: ${LEGAL_STATUS[status].en} (not a citizen).`,
    `Situación legal en el Estado remitente: ${LEGAL_STATUS[status].es} (no es ciudadano).`,
    facts,
  );
};

/**
 * `lawful-pathway`: (a) treaty transfer — a national of the receiving state, consent verified on or
 * before the transfer date, dual criminality (18 U.S.C. 4100–4115; Inter-American Convention on
 * Serving Criminal Sentences Abroad, in force for the US 2001 and SV 2007); or (b) removal — a final
 * removal order (INA).
 */
export const lawfulPathway: Rule = (person, policy, asOf) => {
  const receiving = policy.receivingJurisdiction;
  const national = person.nationalities.includes(receiving);
  const consent = person.consent;
  // Consent counts from its verification: consent verified after the transfer date did not exist then.
  const consentInForce = consent !== null && compareDates(consent.verifiedOn, asOf) <= 0;
  const dualCriminality = person.dualCriminality === true;
  const treaty = national && consentInForce && dualCriminality;
  const order = person.removalOrder;
  const removal = order?.final === true;
  const facts = {
    receivingJurisdiction: receiving,
    treatyTransfer: {
      available: treaty,
      national,
      nationalities: [...person.nationalities],
      consentVerifiedOn: consent?.verifiedOn ?? null,
      consentInForce,
      dualCriminality: person.dualCriminality,
    },
    removal: { available: removal, removalOrder: order },
  };
  if (treaty || removal) {
    const en: string[] = [];
    const es: string[] = [];
    if (treaty && consent) {
      en.push(
        `by treaty transfer (a national of ${receiving}, consent verified on ${consent.verifiedOn} by ${consent.verifiedBy}, dual criminality established)`,
      );
      es.push(
        `por traslado según tratado (nacional de ${receiving}, consentimiento verificado el ${consent.verifiedOn} por ${consent.verifiedBy}, doble incriminación establecida)`,
      );
    }
    if (removal && order) {
      en.push(`by removal (final removal order of ${order.date}, destination ${order.destination})`);
      es.push(`por deportación (orden de deportación firme del ${order.date}, destino ${order.destination})`);
    }
    return evaluation(
      'lawful-pathway',
      'pass',
      `Lawful pathway ${listOf(en, 'en')}.`,
      `Vía legal ${listOf(es, 'es')}.`,
      facts,
    );
  }
  const en: string[] = [];
  const es: string[] = [];
  if (!national) {
    const list = person.nationalities.join(', ');
    en.push(`not a national of ${receiving} (nationalities: ${list})`);
    es.push(`no es nacional de ${receiving} (nacionalidades: ${list})`);
  }
  if (consent === null) {
    en.push('no consent recorded');
    es.push('sin consentimiento registrado');
  } else if (!consentInForce) {
    en.push(`consent verified only on ${consent.verifiedOn}, after ${asOf}`);
    es.push(`consentimiento verificado recién el ${consent.verifiedOn}, después del ${asOf}`);
  }
  if (person.dualCriminality === false) {
    en.push('no dual criminality');
    es.push('sin doble incriminación');
  } else if (person.dualCriminality === null) {
    en.push('dual criminality not established');
    es.push('doble incriminación no establecida');
  }
  const removalEn = order ? `the removal order of ${order.date} is not final` : 'no removal order';
  const removalEs = order
    ? `la orden de deportación del ${order.date} no es firme`
    : 'sin orden de deportación';
  return evaluation(
    'lawful-pathway',
    'fail',
    `Neither lawful pathway. Treaty transfer: ${en.join('; ')}. Removal: ${removalEn}.`,
    `Ninguna vía legal. Traslado según tratado: ${es.join('; ')}. Deportación: ${removalEs}.`,
    facts,
  );
};

type Protection = PersonRecord['protections'][number];

/** True when a protection bars transfer to `receiving`: it names it, or all countries, or is a pending asylum claim. */
function covers(p: Protection, receiving: string): boolean {
  return p.country === receiving || p.country === 'ALL' || p.type === 'asylum_pending';
}

function protectionItem(p: Protection, lang: Lang): string {
  return `${PROTECTION[p.type][lang]} (${countryWords(p.country, lang)})`;
}

/**
 * `no-protection`: no protection covering the receiving country (or all countries) and no pending
 * asylum claim, whether recorded as an `asylum_pending` protection against any country or as the legal
 * status `asylum_seeker`. Source: INA 241(b)(3); CAT Art. 3; 8 CFR 208.16–18.
 */
export const noProtection: Rule = (person, policy) => {
  const receiving = policy.receivingJurisdiction;
  const covering = person.protections.filter((p) => covers(p, receiving));
  const others = person.protections.filter((p) => !covers(p, receiving));
  const asylumSeeker = person.legalStatus === 'asylum_seeker';
  const facts = {
    receivingJurisdiction: receiving,
    coveringProtections: covering.map((p) => ({ type: p.type, country: p.country })),
    asylumSeeker,
    otherProtections: others.map((p) => ({ type: p.type, country: p.country })),
  };
  if (covering.length > 0 || asylumSeeker) {
    const en = covering.map((p) => protectionItem(p, 'en'));
    const es = covering.map((p) => protectionItem(p, 'es'));
    if (asylumSeeker) {
      en.push('legal status asylum seeker (a pending asylum claim)');
      es.push('situación legal solicitante de asilo (una solicitud de asilo pendiente)');
    }
    return evaluation(
      'no-protection',
      'fail',
      `Protected from transfer to ${receiving}: ${listOf(en, 'en')}.`,
      `Protegido contra el traslado a ${receiving}: ${listOf(es, 'es')}.`,
      facts,
    );
  }
  let en = `No protection covering ${receiving} or all countries, and no pending asylum claim.`;
  let es = `Ninguna protección que cubra ${receiving} o todos los países, y ninguna solicitud de asilo pendiente.`;
  if (others.length > 0) {
    const one = others.length === 1;
    en += ` ${capitalized(
      listOf(
        others.map((p) => protectionItem(p, 'en')),
        'en',
      ),
    )} ${one ? 'covers' : 'cover'} other countries only.`;
    es += ` ${capitalized(
      listOf(
        others.map((p) => protectionItem(p, 'es')),
        'es',
      ),
    )} solo ${one ? 'cubre' : 'cubren'} otros países.`;
  }
  return evaluation('no-protection', 'pass', en, es, facts);
};

/**
 * `notice-period`: written notice served on the person and on counsel at least the policy's minimum
 * (21 days) before the transfer date; not served fails, served too recently (or after the date, or
 * counsel not notified) is pending. Source: Trump v. J.G.G. (2025-04-07), notice "within a reasonable
 * time and in such a manner as will allow them to actually seek habeas relief"; A.A.R.P. v. Trump
 * (2025-05-16), 24 hours' notice is not enough.
 */
export const noticePeriod: Rule = (person, policy, asOf) => {
  const min = policy.params.minNoticeDays;
  const notice = person.notice;
  if (!notice) {
    return evaluation(
      'notice-period',
      'fail',
      `Written notice of the intended transfer has not been served; it must be served at least ${min} days before the transfer.`,
      `No se ha notificado por escrito el traslado previsto; la notificación debe entregarse al menos ${min} días antes del traslado.`,
      { servedOn: null, minDays: min },
    );
  }
  const { servedOn, counselNotified } = notice;
  const days = daysBetween(servedOn, asOf);
  const earliest = addDays(servedOn, min);
  const facts = {
    servedOn,
    daysBeforeTransfer: days,
    minDays: min,
    counselNotified,
    earliestTransferDate: earliest,
  };
  if (days >= min && counselNotified) {
    return evaluation(
      'notice-period',
      'pass',
      `Notice served on ${servedOn}, ${count(days, 'day', 'days')} before ${asOf} (at least ${min} required), on the person and on counsel.`,
      `Notificación entregada el ${servedOn}, ${days} ${days === 1 ? 'día' : 'días'} antes del ${asOf} (se requieren al menos ${min}), a la persona y a su abogado.`,
      facts,
    );
  }
  const en: string[] = [];
  const es: string[] = [];
  if (days < 0) {
    en.push(`notice served on ${servedOn}, after ${asOf}`);
    es.push(`notificación entregada el ${servedOn}, después del ${asOf}`);
  } else if (days < min) {
    en.push(
      `notice served on ${servedOn}, only ${count(days, 'day', 'days')} before ${asOf} (at least ${min} required)`,
    );
    es.push(
      `notificación entregada el ${servedOn}, solo ${days} ${days === 1 ? 'día' : 'días'} antes del ${asOf} (se requieren al menos ${min})`,
    );
  }
  if (!counselNotified) {
    en.push('counsel has not been notified');
    es.push('no se ha notificado al abogado');
  }
  return evaluation(
    'notice-period',
    'pending',
    `Notice period not met: ${en.join('; ')}. The transfer could lawfully happen no earlier than ${earliest}${counselNotified ? '' : ', and only once counsel is notified'}.`,
    `Plazo de notificación no cumplido: ${es.join('; ')}. El traslado podría realizarse legalmente no antes del ${earliest}${counselNotified ? '' : ', y solo después de notificar al abogado'}.`,
    facts,
  );
};

/** True when a legal hold is in force on `asOf`: not lifted, or lifted only after that date. */
export function isHoldInForce(hold: { lifted: string | null }, asOf: string): boolean {
  return hold.lifted === null || compareDates(hold.lifted, asOf) > 0;
}

type Hold = PersonRecord['holds'][number];

function holdShape(h: Hold) {
  return { type: h.type, court: h.court, case: h.case, issued: h.issued, lifted: h.lifted };
}

function holdItem(h: Hold, lang: Lang, asOf: string): string {
  const base = `${HOLD[h.type][lang]}, ${h.court}, ${h.case}, ${lang === 'en' ? 'issued' : 'dictada el'} ${h.issued}`;
  if (h.lifted === null) return `${base}, ${lang === 'en' ? 'not lifted' : 'no levantada'}`;
  if (compareDates(h.lifted, asOf) > 0) {
    return `${base}, ${lang === 'en' ? 'lifted only on' : 'levantada recién el'} ${h.lifted}`;
  }
  return `${base}, ${lang === 'en' ? 'lifted' : 'levantada el'} ${h.lifted}`;
}

/**
 * `no-active-hold`: no legal hold in force on the transfer date. A hold lifted after the as-of date was
 * still in force then. Source: court orders bind.
 */
export const noActiveHold: Rule = (person, _policy, asOf) => {
  const active = person.holds.filter((h) => isHoldInForce(h, asOf));
  const lifted = person.holds.filter((h) => !isHoldInForce(h, asOf));
  const facts = { activeHolds: active.map(holdShape), liftedHolds: lifted.map(holdShape) };
  if (active.length > 0) {
    return evaluation(
      'no-active-hold',
      'fail',
      `${count(active.length, 'active legal hold', 'active legal holds')} on ${asOf}: ${active.map((h) => holdItem(h, 'en', asOf)).join('; ')}.`,
      `${count(active.length, 'medida judicial vigente', 'medidas judiciales vigentes')} al ${asOf}: ${active.map((h) => holdItem(h, 'es', asOf)).join('; ')}.`,
      facts,
    );
  }
  let en = `No active legal hold on ${asOf}.`;
  let es = `Ninguna medida judicial vigente al ${asOf}.`;
  if (lifted.length > 0) {
    en += ` ${count(lifted.length, 'hold', 'holds')} lifted on or before that date: ${lifted.map((h) => holdItem(h, 'en', asOf)).join('; ')}.`;
    es += ` ${count(lifted.length, 'medida levantada', 'medidas levantadas')} a más tardar en esa fecha: ${lifted.map((h) => holdItem(h, 'es', asOf)).join('; ')}.`;
  }
  return evaluation('no-active-hold', 'pass', en, es, facts);
};

const METHOD = {
  biometric: { en: 'a biometric match', es: 'coincidencia biométrica' },
  two_identifiers: {
    en: 'two independent identifiers corroborated',
    es: 'dos identificadores independientes corroborados',
  },
} as const;

/**
 * `identity-verified`: a recorded verification (a biometric match, or two independent identifiers
 * corroborated) dated on or before the transfer date; otherwise pending. Source: UN Nelson Mandela
 * Rules, Rule 7 (no one is received without a valid commitment order and a record of identity).
 */
export const identityVerified: Rule = (person, _policy, asOf) => {
  const v = person.identityVerification;
  const facts = { verifiedOn: v?.date ?? null, method: v?.method ?? null };
  if (!v) {
    return evaluation(
      'identity-verified',
      'pending',
      'No identity verification recorded: a biometric match, or two independent identifiers corroborated, is needed.',
      'No consta verificación de identidad: se necesita una coincidencia biométrica o dos identificadores independientes corroborados.',
      facts,
    );
  }
  if (compareDates(v.date, asOf) > 0) {
    return evaluation(
      'identity-verified',
      'pending',
      `Identity verification recorded on ${v.date}, after ${asOf}: not verified on the transfer date.`,
      `Verificación de identidad registrada el ${v.date}, después del ${asOf}: no verificada en la fecha del traslado.`,
      facts,
    );
  }
  const byEn = v.by ? ` (recorded by ${v.by})` : '';
  const byEs = v.by ? ` (registrada por ${v.by})` : '';
  return evaluation(
    'identity-verified',
    'pass',
    `Identity verified on ${v.date} by ${METHOD[v.method].en}${byEn}.`,
    `Identidad verificada el ${v.date} mediante ${METHOD[v.method].es}${byEs}.`,
    facts,
  );
};

/** The rule functions, selected by id. */
export const RULES: Readonly<Record<RuleId, Rule>> = {
  convicted,
  'dangerous-offense': dangerousOffense,
  'remaining-sentence': remainingSentence,
  'not-citizen': notCitizen,
  'lawful-pathway': lawfulPathway,
  'no-protection': noProtection,
  'notice-period': noticePeriod,
  'no-active-hold': noActiveHold,
  'identity-verified': identityVerified,
};
