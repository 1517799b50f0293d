import { describe, expect, it } from 'vitest';
import { type PersonRecord, personRecordSchema } from '../people/model.js';
import { AS_OF, aConviction, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { CECOT_2025_V1, screen } from './engine.js';
import {
  type ConvictionCategory,
  type EligibilityPolicy,
  type Outcome,
  RULE_IDS,
  type RuleId,
  type RuleResult,
} from './policy.js';
import { RULE_SOURCES, RULES } from './rules.js';

/** Each rule's legal source, as the agreement and the sending state's law give it, copied verbatim. */
const DOMAIN_SOURCES: Record<RuleId, string> = {
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

/** A valid person: the eligible fixture with overrides, checked by the person schema. */
function person(overrides: Partial<PersonRecord> = {}): PersonRecord {
  return personRecordSchema.parse(anEligiblePerson(overrides));
}

const hold = (lifted: string | null, issued = '2025-03-01') => ({
  type: 'tro' as const,
  court: 'D.D.C.',
  case: '1:25-cv-00766',
  issued,
  lifted,
});

interface Case {
  name: string;
  overrides: Partial<PersonRecord>;
  asOf?: string;
  rule: RuleId;
  result: RuleResult;
  outcome: Outcome;
  /** Facts the rule must report (a subset). */
  facts?: Record<string, unknown>;
  /** Text the English and Spanish reasons must contain. */
  en?: string;
  es?: string;
}

const noConviction = { convictions: [], removalOrder: null };

const CASES: Case[] = [
  // convicted
  {
    name: 'a final conviction',
    overrides: {},
    rule: 'convicted',
    result: 'pass',
    outcome: 'eligible',
    facts: { finalConvictions: ['c1'] },
    en: '1 final conviction: Murder in aid of racketeering',
    es: '1 condena firme: Murder in aid of racketeering',
  },
  {
    name: 'no conviction: pending charges and an MS-13 affiliation do not count',
    overrides: {
      ...noConviction,
      pendingCharges: [
        { court: 'Harris County', caseNumber: '2024-1', offense: 'Assault', category: 'violent' },
        { court: 'Harris County', caseNumber: '2024-2', offense: 'Robbery', category: 'property' },
      ],
    },
    rule: 'convicted',
    result: 'fail',
    outcome: 'ineligible',
    facts: { finalConvictions: [], pendingCharges: 2, affiliations: ['MS-13'] },
    en: 'No final conviction. 2 pending charges and 1 affiliation (MS-13) do not count.',
    es: 'Ninguna condena firme. 2 cargos pendientes y 1 afiliación (MS-13) no cuentan.',
  },
  {
    name: 'a Tren de Aragua designation changes nothing without a conviction',
    overrides: {
      ...noConviction,
      affiliations: [
        { organization: 'Tren de Aragua', basis: 'tattoos', source: 'ICE I-213', date: '2025-03-01' },
      ],
    },
    rule: 'convicted',
    result: 'fail',
    outcome: 'ineligible',
    en: 'No final conviction. 1 affiliation (Tren de Aragua) does not count.',
    es: 'Ninguna condena firme. 1 afiliación (Tren de Aragua) no cuenta.',
  },
  {
    name: 'nothing recorded at all',
    overrides: { ...noConviction, affiliations: [] },
    rule: 'convicted',
    result: 'fail',
    outcome: 'ineligible',
    en: 'No conviction is recorded.',
    es: 'No consta ninguna condena.',
  },
  {
    name: 'a conviction under appeal (final: false) is not a conviction yet',
    overrides: { convictions: [aConviction({ final: false, judgmentDate: '2025-01-10' })], affiliations: [] },
    rule: 'convicted',
    result: 'fail',
    outcome: 'ineligible',
    facts: { nonFinalConvictions: ['c1'] },
    en: '1 conviction under appeal or collateral review (not final) does not count',
    es: '1 condena con apelación o revisión colateral pendiente (no firme) no cuenta',
  },
  // dangerous-offense
  {
    name: 'a final violent conviction',
    overrides: {},
    rule: 'dangerous-offense',
    result: 'pass',
    outcome: 'eligible',
    en: 'Murder in aid of racketeering (violent)',
    es: 'Murder in aid of racketeering (violento)',
  },
  {
    name: 'immigration-only convictions',
    overrides: {
      convictions: [
        aConviction({ offense: 'Illegal reentry', statute: '8 U.S.C. 1326', category: 'immigration' }),
        aConviction({
          id: 'c2',
          offense: 'Illegal entry',
          statute: '8 U.S.C. 1325',
          category: 'immigration',
        }),
      ],
    },
    rule: 'dangerous-offense',
    result: 'fail',
    outcome: 'ineligible',
    facts: { finalCategories: ['immigration'], dangerousFinalConvictions: [] },
    en: 'Final convictions only in the immigration category; none in violent, weapons, trafficking, terrorism, organized crime or sexual.',
    es: 'Condenas firmes solo en la categoría migratorio; ninguna en violento, armas, tráfico, terrorismo, crimen organizado o sexual.',
  },
  {
    name: 'a violent conviction under appeal does not count as dangerous',
    overrides: {
      convictions: [
        aConviction({ category: 'property', offense: 'Theft' }),
        aConviction({ id: 'c2', final: false }),
      ],
    },
    rule: 'dangerous-offense',
    result: 'fail',
    outcome: 'ineligible',
    facts: { dangerousNonFinalConvictions: ['c2'] },
    en: '1 conviction in a dangerous category under appeal or collateral review does not count.',
    es: '1 condena en una categoría peligrosa con apelación o revisión colateral pendiente no cuenta.',
  },
  // remaining-sentence
  {
    name: '120 days left',
    overrides: {
      convictions: [aConviction({ sentence: { days: 400, start: '2024-07-12', creditDays: 35 } })],
    },
    rule: 'remaining-sentence',
    result: 'fail',
    outcome: 'ineligible',
    facts: { releaseDate: '2025-07-12', remainingDays: 120, minDays: 180 },
    en: '120 days left on 2025-03-14, fewer than the 180 required',
    es: 'quedan 120 días al 2025-03-14, menos de los 180 requeridos',
  },
  {
    name: 'exactly 180 days left passes',
    overrides: { convictions: [aConviction({ sentence: { days: 180, start: AS_OF, creditDays: 0 } })] },
    rule: 'remaining-sentence',
    result: 'pass',
    outcome: 'eligible',
    facts: { remainingDays: 180 },
  },
  {
    name: 'a 250-year sentence',
    overrides: {
      convictions: [aConviction({ sentence: { days: 91_310, start: '2024-03-14', creditDays: 0 } })],
    },
    rule: 'remaining-sentence',
    result: 'pass',
    outcome: 'eligible',
    facts: { releaseDate: '2274-03-14', remainingDays: 90_945, life: false },
    en: 'Release date 2274-03-14',
  },
  {
    name: 'a life sentence',
    overrides: {
      convictions: [aConviction({ sentence: { life: true, start: '2015-01-01', creditDays: 0 } })],
    },
    rule: 'remaining-sentence',
    result: 'pass',
    outcome: 'eligible',
    facts: { life: true, releaseDate: null },
    en: 'A final life sentence (conviction c1): no release date.',
    es: 'Cadena perpetua firme (condena c1): sin fecha de excarcelación.',
  },
  {
    name: 'a sentence already served',
    overrides: {
      convictions: [aConviction({ sentence: { days: 365, start: '2019-01-01', creditDays: 0 } })],
    },
    rule: 'remaining-sentence',
    result: 'fail',
    outcome: 'ineligible',
    facts: { remainingDays: 0 },
    en: 'ended before 2025-03-14',
    es: 'terminaron antes del 2025-03-14',
  },
  {
    name: 'a final conviction with no sentence',
    overrides: { convictions: [aConviction({ sentence: null })] },
    rule: 'remaining-sentence',
    result: 'fail',
    outcome: 'ineligible',
    facts: { releaseDate: null, remainingDays: null },
    en: 'No final conviction with a sentence',
    es: 'Ninguna condena firme con pena',
  },
  {
    name: 'a life sentence under appeal does not count',
    overrides: {
      convictions: [
        aConviction({ sentence: { days: 100, start: AS_OF, creditDays: 0 } }),
        aConviction({ id: 'c2', final: false, sentence: { life: true, start: '2024-01-01', creditDays: 0 } }),
      ],
    },
    rule: 'remaining-sentence',
    result: 'fail',
    outcome: 'ineligible',
    facts: { remainingDays: 100 },
  },
  // not-citizen
  {
    name: 'a US citizen',
    overrides: { legalStatus: 'citizen', nationalities: ['US'], removalOrder: null },
    rule: 'not-citizen',
    result: 'fail',
    outcome: 'ineligible',
    facts: { legalStatus: 'citizen' },
    en: 'citizens are not removable',
    es: 'los ciudadanos no son deportables',
  },
  {
    name: 'a dual US–SV citizen is still a citizen',
    overrides: { legalStatus: 'citizen', nationalities: ['US', 'SV'] },
    rule: 'not-citizen',
    result: 'fail',
    outcome: 'ineligible',
  },
  {
    name: 'a lawful permanent resident',
    overrides: { legalStatus: 'lawful_permanent_resident' },
    rule: 'not-citizen',
    result: 'pass',
    outcome: 'eligible',
    en: 'lawful permanent resident (not a citizen)',
    es: 'residente permanente legal (no es ciudadano)',
  },
  // lawful-pathway
  {
    name: 'a final removal order',
    overrides: {},
    rule: 'lawful-pathway',
    result: 'pass',
    outcome: 'eligible',
    en: 'by removal (final removal order of 2024-01-10, destination SV)',
    es: 'por deportación (orden de deportación firme del 2024-01-10, destino SV)',
  },
  {
    name: 'no lawful pathway: a Venezuelan with no removal order',
    overrides: { nationalities: ['VE'], removalOrder: null },
    rule: 'lawful-pathway',
    result: 'fail',
    outcome: 'ineligible',
    en: 'Neither lawful pathway. Treaty transfer: not a national of SV (nationalities: VE); no consent recorded; dual criminality not established. Removal: no removal order.',
    es: 'Ninguna vía legal. Traslado según tratado: no es nacional de SV (nacionalidades: VE); sin consentimiento registrado; doble incriminación no establecida. Deportación: sin orden de deportación.',
  },
  {
    name: 'a removal order that is not final',
    overrides: { removalOrder: { final: false, date: '2025-02-01', destination: 'SV' } },
    rule: 'lawful-pathway',
    result: 'fail',
    outcome: 'ineligible',
    en: 'the removal order of 2025-02-01 is not final',
    es: 'la orden de deportación del 2025-02-01 no es firme',
  },
  {
    name: 'an SV national with consent and dual criminality, no removal order',
    overrides: {
      removalOrder: null,
      consent: { verifiedBy: 'U.S. Magistrate Judge, S.D. Tex.', verifiedOn: '2025-02-10' },
      dualCriminality: true,
    },
    rule: 'lawful-pathway',
    result: 'pass',
    outcome: 'eligible',
    facts: { treatyTransfer: expect.objectContaining({ available: true, consentInForce: true }) },
    en: 'by treaty transfer (a national of SV, consent verified on 2025-02-10',
    es: 'por traslado según tratado (nacional de SV, consentimiento verificado el 2025-02-10',
  },
  {
    name: 'consent verified after the as-of date is not a pathway',
    overrides: {
      removalOrder: null,
      consent: { verifiedBy: 'U.S. Magistrate Judge, S.D. Tex.', verifiedOn: '2025-03-20' },
      dualCriminality: true,
    },
    rule: 'lawful-pathway',
    result: 'fail',
    outcome: 'ineligible',
    en: 'consent verified only on 2025-03-20, after 2025-03-14',
    es: 'consentimiento verificado recién el 2025-03-20, después del 2025-03-14',
  },
  {
    name: 'consent without dual criminality',
    overrides: {
      removalOrder: null,
      consent: { verifiedBy: 'U.S. Magistrate Judge', verifiedOn: '2025-02-10' },
      dualCriminality: false,
    },
    rule: 'lawful-pathway',
    result: 'fail',
    outcome: 'ineligible',
    en: 'Treaty transfer: no dual criminality. Removal: no removal order.',
    es: 'Traslado según tratado: sin doble incriminación. Deportación: sin orden de deportación.',
  },
  // no-protection
  {
    name: 'withholding of removal to SV',
    overrides: { protections: [{ type: 'withholding_of_removal', country: 'SV', date: '2019-10-10' }] },
    rule: 'no-protection',
    result: 'fail',
    outcome: 'ineligible',
    facts: { coveringProtections: [{ type: 'withholding_of_removal', country: 'SV' }] },
    en: 'Protected from transfer to SV: withholding of removal (SV).',
    es: 'Protegido contra el traslado a SV: restricción de la deportación (SV).',
  },
  {
    name: 'CAT deferral to all countries',
    overrides: { protections: [{ type: 'cat_deferral', country: 'ALL' }] },
    rule: 'no-protection',
    result: 'fail',
    outcome: 'ineligible',
    en: 'deferral of removal under CAT (all countries)',
    es: 'aplazamiento de la deportación según la CAT (todos los países)',
  },
  {
    name: 'a pending asylum application against another country',
    overrides: { protections: [{ type: 'asylum_pending', country: 'VE' }] },
    rule: 'no-protection',
    result: 'fail',
    outcome: 'ineligible',
    en: 'pending asylum application (VE)',
    es: 'solicitud de asilo pendiente (VE)',
  },
  {
    name: 'legal status asylum seeker is a pending asylum claim',
    overrides: { legalStatus: 'asylum_seeker' },
    rule: 'no-protection',
    result: 'fail',
    outcome: 'ineligible',
    facts: { asylumSeeker: true },
    en: 'legal status asylum seeker (a pending asylum claim)',
    es: 'situación legal solicitante de asilo (una solicitud de asilo pendiente)',
  },
  {
    name: 'withholding of removal to Venezuela only',
    overrides: { protections: [{ type: 'withholding_of_removal', country: 'VE' }] },
    rule: 'no-protection',
    result: 'pass',
    outcome: 'eligible',
    en: 'Withholding of removal (VE) covers other countries only.',
    es: 'Restricción de la deportación (VE) solo cubre otros países.',
  },
  // notice-period
  {
    name: 'notice served 41 days before, on counsel too',
    overrides: {},
    rule: 'notice-period',
    result: 'pass',
    outcome: 'eligible',
    facts: { daysBeforeTransfer: 41, minDays: 21 },
    en: 'Notice served on 2025-02-01, 41 days before 2025-03-14',
    es: 'Notificación entregada el 2025-02-01, 41 días antes del 2025-03-14',
  },
  {
    name: 'notice served exactly 21 days before',
    overrides: { notice: { servedOn: '2025-02-21', counselNotified: true } },
    rule: 'notice-period',
    result: 'pass',
    outcome: 'eligible',
  },
  {
    name: 'notice served 10 days before',
    overrides: { notice: { servedOn: '2025-03-04', counselNotified: true } },
    rule: 'notice-period',
    result: 'pending',
    outcome: 'pending',
    facts: { daysBeforeTransfer: 10, earliestTransferDate: '2025-03-25' },
    en: 'only 10 days before 2025-03-14 (at least 21 required). The transfer could lawfully happen no earlier than 2025-03-25.',
    es: 'solo 10 días antes del 2025-03-14 (se requieren al menos 21). El traslado podría realizarse legalmente no antes del 2025-03-25.',
  },
  {
    name: 'notice served after the as-of date',
    overrides: { notice: { servedOn: '2025-03-20', counselNotified: true } },
    rule: 'notice-period',
    result: 'pending',
    outcome: 'pending',
    facts: { earliestTransferDate: '2025-04-10' },
    en: 'notice served on 2025-03-20, after 2025-03-14',
  },
  {
    name: 'counsel not notified',
    overrides: { notice: { servedOn: '2025-02-01', counselNotified: false } },
    rule: 'notice-period',
    result: 'pending',
    outcome: 'pending',
    en: 'counsel has not been notified',
    es: 'no se ha notificado al abogado',
  },
  {
    name: 'no notice',
    overrides: { notice: null },
    rule: 'notice-period',
    result: 'fail',
    outcome: 'ineligible',
    facts: { servedOn: null },
    en: 'has not been served',
    es: 'No se ha notificado',
  },
  // no-active-hold
  {
    name: 'a TRO issued and not lifted',
    overrides: { holds: [hold(null)] },
    rule: 'no-active-hold',
    result: 'fail',
    outcome: 'ineligible',
    en: '1 active legal hold on 2025-03-14: temporary restraining order, D.D.C., 1:25-cv-00766, issued 2025-03-01, not lifted.',
    es: '1 medida judicial vigente al 2025-03-14: orden de restricción temporal, D.D.C., 1:25-cv-00766, dictada el 2025-03-01, no levantada.',
  },
  {
    name: 'a hold lifted after the as-of date was in force on it',
    overrides: { holds: [hold('2025-03-20')] },
    rule: 'no-active-hold',
    result: 'fail',
    outcome: 'ineligible',
    en: 'lifted only on 2025-03-20',
    es: 'levantada recién el 2025-03-20',
  },
  {
    name: 'a hold lifted before the as-of date',
    overrides: { holds: [hold('2025-03-10')] },
    rule: 'no-active-hold',
    result: 'pass',
    outcome: 'eligible',
    facts: { activeHolds: [] },
    en: '1 hold lifted on or before that date',
    es: '1 medida levantada a más tardar en esa fecha',
  },
  {
    name: 'a hold lifted on the as-of date',
    overrides: { holds: [hold(AS_OF)] },
    rule: 'no-active-hold',
    result: 'pass',
    outcome: 'eligible',
  },
  {
    name: 'a habeas petition issued after the as-of date, not lifted',
    overrides: { holds: [{ ...hold(null, '2025-03-15'), type: 'habeas_petition' }] },
    rule: 'no-active-hold',
    result: 'fail',
    outcome: 'ineligible',
    en: 'habeas corpus petition',
    es: 'petición de hábeas corpus',
  },
  // identity-verified
  {
    name: 'a biometric match recorded',
    overrides: {},
    rule: 'identity-verified',
    result: 'pass',
    outcome: 'eligible',
    en: 'Identity verified on 2025-02-20 by a biometric match.',
    es: 'Identidad verificada el 2025-02-20 mediante coincidencia biométrica.',
  },
  {
    name: 'missing identity verification',
    overrides: { identityVerification: null },
    rule: 'identity-verified',
    result: 'pending',
    outcome: 'pending',
    facts: { verifiedOn: null },
  },
  {
    name: 'identity verified only after the as-of date',
    overrides: { identityVerification: { method: 'two_identifiers', date: '2025-03-15' } },
    rule: 'identity-verified',
    result: 'pending',
    outcome: 'pending',
    en: 'after 2025-03-14',
  },
];

describe('each rule on realistic cases', () => {
  it('the fixture passes every rule', () => {
    const s = screen(person(), CECOT_2025_V1, AS_OF);
    expect(s.rules.map((r) => [r.id, r.result])).toEqual(RULE_IDS.map((id) => [id, 'pass']));
    expect(s.outcome).toBe('eligible');
  });

  it.each(CASES)('$rule: $name → $result', (c) => {
    const record = person(c.overrides);
    const asOf = c.asOf ?? AS_OF;
    const evaluation = RULES[c.rule](record, CECOT_2025_V1, asOf);
    expect(evaluation.id).toBe(c.rule);
    expect(evaluation.result).toBe(c.result);
    expect(evaluation.source).toBe(DOMAIN_SOURCES[c.rule]);
    expect(evaluation.reason.en.length).toBeGreaterThan(10);
    expect(evaluation.reason.es.length).toBeGreaterThan(10);
    expect(evaluation.reason.es).not.toBe(evaluation.reason.en);
    if (c.facts) expect(evaluation.facts).toMatchObject(c.facts);
    if (c.en) expect(evaluation.reason.en).toContain(c.en);
    if (c.es) expect(evaluation.reason.es).toContain(c.es);
    // The whole screening: the case's rule is reported as evaluated alone, and decides the outcome.
    const screening = screen(record, CECOT_2025_V1, asOf);
    expect(screening.rules.find((r) => r.id === c.rule)).toEqual(evaluation);
    expect(screening.outcome).toBe(c.outcome);
  });

  it('covers every rule with a pass and a fail or pending case', () => {
    for (const id of RULE_IDS) {
      const results = new Set(CASES.filter((c) => c.rule === id).map((c) => c.result));
      expect(results.has('pass'), id).toBe(true);
      expect(results.has('fail') || results.has('pending'), id).toBe(true);
    }
  });
});

describe('dangerous-offense words follow the policy of each call', () => {
  it('names the categories of whichever policy screens, even when policies alternate or change', () => {
    const record = person({
      convictions: [
        aConviction({ offense: 'Illegal reentry', statute: '8 U.S.C. 1326', category: 'immigration' }),
      ],
    });
    const categories: ConvictionCategory[] = ['violent', 'weapons'];
    const narrow = { ...CECOT_2025_V1, params: { ...CECOT_2025_V1.params, dangerousCategories: categories } };
    const reason = (policy: EligibilityPolicy) => RULES['dangerous-offense'](record, policy, AS_OF).reason;
    const wide = reason(CECOT_2025_V1);
    expect(wide.en).toContain('none in violent, weapons, trafficking, terrorism, organized crime or sexual.');
    expect(reason(narrow)).toEqual({
      en: 'Final conviction only in the immigration category; none in violent or weapons.',
      es: 'Condena firme solo en la categoría migratorio; ninguna en violento o armas.',
    });
    expect(reason(CECOT_2025_V1)).toEqual(wide);
    // The same array, changed in place between two screenings.
    categories.push('sexual');
    expect(reason(narrow).en).toContain('none in violent, weapons or sexual.');
    categories.splice(0, 3, 'terrorism');
    expect(reason(narrow).es).toContain('ninguna en terrorismo.');
  });
});

describe('sources', () => {
  it("are exactly the legal sources the agreement and the sending state's law give (docs/domain.md, Eligibility)", () => {
    expect(RULE_SOURCES).toEqual(DOMAIN_SOURCES);
  });
});
