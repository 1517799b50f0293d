import { localDate } from '../core/dates.js';
import { addDays } from '../core/days.js';
import { type CourtAccessInput, judgeAccessToCourts } from '../hearings/model.js';
import { judgeLegalAccess, type LegalAccessInput } from '../visits/model.js';
import { CONSULAR_NOTIFICATION, type ConsularDutyInput, judgeConsular } from './consular.js';
import { type IsolationPlacementInput, judgeIsolation } from './isolation.js';
import { STANDARDS, type StandardId } from './standards.js';

/**
 * The standards compliance monitor (docs/domain.md, Standards compliance). Pure: the regime log, the cells,
 * who was in which cell on which day, the notification obligations and the thresholds in; findings out,
 * each citing its rule and source, and a report grouped by rule. Nothing is guessed: a day whose entry
 * leaves a field unmeasured is counted as not evaluable, and a rule with no records to judge is reported
 * as not evaluated, with the reason.
 */

export { STANDARDS, type StandardId } from './standards.js';

/** Thresholds are configuration; these are docs/domain.md's defaults. */
export interface ComplianceThresholds {
  outdoorExerciseMinutes: number;
  /** Hours of darkness in a night: lights on this long (or longer) means lit constantly. */
  nightHours: number;
  drinkingWaterLitres: number;
  floorSpaceM2: number;
  /** Toilet area excluded from each cell's floor area (not recorded per cell; 0 unless configured). */
  toiletAreaM2: number;
  familyContactDays: number;
  notificationHours: number;
  /** "Without delay" (VCCR Art. 36(1)(b)) as hours after intake; see custody/consular.ts. */
  consularNotificationHours: number;
}

export const DEFAULT_THRESHOLDS: ComplianceThresholds = {
  outdoorExerciseMinutes: 60,
  nightHours: 8,
  drinkingWaterLitres: 3,
  floorSpaceM2: 4,
  toiletAreaM2: 0,
  familyContactDays: 30,
  notificationHours: 24,
  consularNotificationHours: CONSULAR_NOTIFICATION.dueWithinHours,
};

/** How serious a finding is. */
export const SEVERITIES = ['high', 'medium'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One finding: a rule not met by a cell or a person on a day. */
export interface Finding {
  rule: StandardId;
  source: string;
  severity: Severity;
  date: string;
  cell: string | null;
  person: string | null;
  detail: string;
}

/** What the monitor reads. */
export interface ComplianceInput {
  from: string;
  to: string;
  cells: readonly { id: string; code: string; areaM2: number; localOccupants: number }[];
  /** Regime entries from `familyContactDays` before `from` up to `to`. */
  regime: readonly {
    cellId: string;
    date: string;
    outdoorExerciseMinutes: number | null;
    nightLightHours: number | null;
    beddingProvided: boolean | null;
    drinkingWaterLitresPerPerson: number | null;
    familyContacts: number | null;
  }[];
  /** Transferees housed in each cell on each day of the period (cell id → date → count). */
  housed: ReadonlyMap<string, ReadonlyMap<string, number>>;
  notifications: readonly { ref: string; dueAt: string; fulfilledAt: string | null; date: string }[];
  /** Deaths in custody in the period, with when each party was told. */
  deaths?: readonly {
    ref: string | null;
    date: string;
    occurredAt: string;
    nextOfKinAt: string | null;
    authorityAt: string | null;
  }[];
  /** Isolation placements overlapping the period (open ones run to `now`). */
  isolation?: readonly IsolationPlacementInput[];
  /** The facility's time zone, to read placements' instants as days. */
  timeZone?: string;
  /** Each foreign national's consular notification duty, dated by intake. */
  consular?: readonly ConsularDutyInput[];
  /** Each legal visit request, dated by the day it was made (visits/model.ts). */
  legalVisits?: readonly LegalAccessInput[];
  /** Each video-link hearing with an outcome, dated by its day in the facility's zone (hearings/model.ts). */
  hearings?: readonly CourtAccessInput[];
  /** The instant of the report: an unfulfilled notification is late only once it is due. */
  now: string;
  thresholds: ComplianceThresholds;
}

/** The findings of one rule over the period. */
export interface RuleReport {
  id: StandardId;
  requirement: string;
  source: string;
  evaluated: number;
  notEvaluable: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  daysAffected: number;
  /** Findings per day of the period, every day listed (0 when none): the series a chart draws. */
  byDay: { date: string; findings: number }[];
  worstCells: { cell: string; findings: number }[];
  /** Why the rule could not be evaluated at all, when nothing was evaluated. */
  note: string | null;
}

export interface ComplianceReport {
  from: string;
  to: string;
  thresholds: ComplianceThresholds;
  rules: RuleReport[];
  findings: Finding[];
}

const SOURCE = Object.fromEntries(STANDARDS.map((s) => [s.id, s.source])) as Record<StandardId, string>;

const NOT_RECORDED: Partial<Record<StandardId, string>> = {
  'legal-access': 'no legal visit requests were made in this period',
  'access-to-courts': 'no video-link hearing had an outcome recorded in this period',
  'death-notification': 'no death in custody is recorded in this period',
  'isolation-limit': 'no one was in isolation in this period',
  'consular-notification': 'no foreign national was taken into custody in this period',
};

/** Why a rule was not judged when there is something to judge but nothing is due yet. */
const NOT_YET_DUE: Partial<Record<StandardId, string>> = {
  'transfer-notification': 'the notifications of this period are not yet due',
  'death-notification': 'a death is recorded, but its notifications are not yet due',
  'consular-notification': 'the consular notifications of this period are not yet due',
  'legal-access': 'the legal visit requests of this period are not yet 7 days old',
};

/** Evaluates every rule over the period and groups the findings by rule. */
export function evaluateCompliance(input: ComplianceInput): ComplianceReport {
  const t = input.thresholds;
  const findings: Finding[] = [];
  const evaluated = new Map<StandardId, number>();
  const notEvaluable = new Map<StandardId, number>();
  const count = (m: Map<StandardId, number>, id: StandardId, n = 1) => m.set(id, (m.get(id) ?? 0) + n);
  const cells = new Map(input.cells.map((c) => [c.id, c]));
  const find = (
    rule: StandardId,
    severity: Severity,
    date: string,
    cell: string | null,
    person: string | null,
    detail: string,
  ) => findings.push({ rule, source: SOURCE[rule], severity, date, cell, person, detail });

  // Family contact: the last day with a contact in each cell, walking the log in date order.
  const byCell = new Map<string, ComplianceInput['regime'][number][]>();
  for (const e of input.regime) {
    const list = byCell.get(e.cellId);
    if (list) list.push(e);
    else byCell.set(e.cellId, [e]);
  }
  for (const [cellId, entries] of byCell) {
    const cell = cells.get(cellId);
    if (!cell) continue;
    const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date));
    const firstLogged = sorted[0]?.date;
    let lastContact: string | null = null;
    for (const e of sorted) {
      if (e.familyContacts !== null && e.familyContacts > 0) lastContact = e.date;
      if (e.date < input.from || e.date > input.to) continue;
      // Daily rules, per cell and day.
      if (e.outdoorExerciseMinutes === null) count(notEvaluable, 'outdoor-exercise');
      else {
        count(evaluated, 'outdoor-exercise');
        if (e.outdoorExerciseMinutes < t.outdoorExerciseMinutes) {
          find(
            'outdoor-exercise',
            e.outdoorExerciseMinutes < t.outdoorExerciseMinutes / 2 ? 'high' : 'medium',
            e.date,
            cell.code,
            null,
            `${e.outdoorExerciseMinutes} min of outdoor exercise; at least ${t.outdoorExerciseMinutes} required`,
          );
        }
      }
      if (e.nightLightHours === null) count(notEvaluable, 'lighting');
      else {
        count(evaluated, 'lighting');
        if (e.nightLightHours >= t.nightHours) {
          find(
            'lighting',
            'high',
            e.date,
            cell.code,
            null,
            `lights on ${e.nightLightHours} h at night: the cell is lit constantly`,
          );
        }
      }
      if (e.beddingProvided === null) count(notEvaluable, 'bedding');
      else {
        count(evaluated, 'bedding');
        if (!e.beddingProvided) find('bedding', 'high', e.date, cell.code, null, 'no bedding provided');
      }
      if (e.drinkingWaterLitresPerPerson === null) count(notEvaluable, 'drinking-water');
      else {
        count(evaluated, 'drinking-water');
        if (e.drinkingWaterLitresPerPerson < t.drinkingWaterLitres) {
          find(
            'drinking-water',
            e.drinkingWaterLitresPerPerson < t.drinkingWaterLitres / 2 ? 'high' : 'medium',
            e.date,
            cell.code,
            null,
            `${e.drinkingWaterLitresPerPerson} L per person; at least ${t.drinkingWaterLitres} L required`,
          );
        }
      }
      const occupants = cell.localOccupants + (input.housed.get(cellId)?.get(e.date) ?? 0);
      if (occupants > 1) {
        count(evaluated, 'floor-space');
        const space = Math.max(cell.areaM2 - t.toiletAreaM2, 0) / occupants;
        if (space < t.floorSpaceM2) {
          find(
            'floor-space',
            space < t.floorSpaceM2 / 2 ? 'high' : 'medium',
            e.date,
            cell.code,
            null,
            `${space.toFixed(2)} m² per person (${occupants} people in ${cell.areaM2} m²); at least ${t.floorSpaceM2} m² required`,
          );
        }
      }
      // Family contact is judged once the log covers a whole window.
      const windowStart = addDays(e.date, -(t.familyContactDays - 1));
      if (firstLogged !== undefined && firstLogged <= windowStart) {
        count(evaluated, 'family-contact');
        if (lastContact === null || lastContact < windowStart) {
          find(
            'family-contact',
            'high',
            e.date,
            cell.code,
            null,
            lastContact === null
              ? `no family contact recorded in the cell since the log began (${firstLogged})`
              : `no family contact recorded in the cell since ${lastContact}, more than ${t.familyContactDays} days`,
          );
        }
      } else count(notEvaluable, 'family-contact');
    }
  }

  for (const n of input.notifications) {
    if (n.date < input.from || n.date > input.to) continue;
    if (n.fulfilledAt === null && n.dueAt > input.now) {
      count(notEvaluable, 'transfer-notification');
      continue;
    }
    count(evaluated, 'transfer-notification');
    if (n.fulfilledAt === null) {
      find(
        'transfer-notification',
        'high',
        n.date,
        null,
        n.ref,
        `family and counsel not notified; due ${n.dueAt}`,
      );
    } else if (n.fulfilledAt > n.dueAt) {
      find(
        'transfer-notification',
        'medium',
        n.date,
        null,
        n.ref,
        `notified ${n.fulfilledAt}, after the due time ${n.dueAt}`,
      );
    }
  }

  for (const d of input.deaths ?? []) {
    if (d.date < input.from || d.date > input.to) continue;
    const due = new Date(Date.parse(d.occurredAt) + 24 * 3_600_000).toISOString();
    for (const [party, at] of [
      ['next of kin', d.nextOfKinAt],
      ['the independent authority', d.authorityAt],
    ] as const) {
      if (at === null && due > input.now) {
        count(notEvaluable, 'death-notification');
        continue;
      }
      count(evaluated, 'death-notification');
      if (at === null)
        find(
          'death-notification',
          'high',
          d.date,
          null,
          d.ref,
          `${party} not notified of the death; due ${due}`,
        );
      else if (at > due)
        find('death-notification', 'high', d.date, null, d.ref, `${party} notified ${at}, after ${due}`);
    }
  }

  if (input.isolation && input.isolation.length > 0) {
    const nightLight = new Map(input.regime.map((e) => [`${e.cellId} ${e.date}`, e.nightLightHours]));
    const zone = input.timeZone ?? 'UTC';
    const isolation = judgeIsolation({
      from: input.from,
      to: input.to,
      now: input.now,
      placements: input.isolation,
      nightLight: (cellId, date) => nightLight.get(`${cellId} ${date}`) ?? null,
      nightHours: t.nightHours,
      dateOf: (instant) => localDate(instant, zone),
      addDays,
    });
    count(evaluated, 'isolation-limit', isolation.evaluated);
    for (const f of isolation.findings) find('isolation-limit', 'high', f.date, f.cell, f.person, f.detail);
  }

  // Rules judged per person's case (a duty, a request) by their own module: their counts and findings.
  const tally = (
    rule: StandardId,
    judged: {
      evaluated: number;
      notEvaluable: number;
      findings: readonly { severity: Severity; date: string; person: string; detail: string }[];
    },
  ) => {
    count(evaluated, rule, judged.evaluated);
    count(notEvaluable, rule, judged.notEvaluable);
    for (const f of judged.findings) find(rule, f.severity, f.date, null, f.person, f.detail);
  };
  const period = { from: input.from, to: input.to, now: input.now };
  tally(
    'consular-notification',
    judgeConsular({ ...period, dueWithinHours: t.consularNotificationHours, duties: input.consular ?? [] }),
  );
  // Legal access (Mandela Rule 61): per request, as consular notification is per duty.
  tally('legal-access', judgeLegalAccess({ ...period, visits: input.legalVisits ?? [] }));
  // Access to courts: repeated `not_produced` at video-link hearings (docs/domain.md, Video-link hearings).
  tally('access-to-courts', judgeAccessToCourts({ ...period, hearings: input.hearings ?? [] }));

  findings.sort(
    (a, b) =>
      a.rule.localeCompare(b.rule) ||
      a.date.localeCompare(b.date) ||
      (a.cell ?? a.person ?? '').localeCompare(b.cell ?? b.person ?? ''),
  );
  const days: string[] = [];
  for (let d = input.from; d <= input.to; d = addDays(d, 1)) days.push(d);
  const rules: RuleReport[] = STANDARDS.map((s) => {
    const mine = findings.filter((f) => f.rule === s.id);
    const perCell = new Map<string, number>();
    for (const f of mine) if (f.cell) perCell.set(f.cell, (perCell.get(f.cell) ?? 0) + 1);
    const perDay = new Map<string, number>();
    for (const f of mine) perDay.set(f.date, (perDay.get(f.date) ?? 0) + 1);
    const ev = evaluated.get(s.id) ?? 0;
    const ne = notEvaluable.get(s.id) ?? 0;
    return {
      id: s.id,
      requirement: s.requirement,
      source: s.source,
      evaluated: ev,
      notEvaluable: ne,
      findings: mine.length,
      bySeverity: {
        high: mine.filter((f) => f.severity === 'high').length,
        medium: mine.filter((f) => f.severity === 'medium').length,
      },
      daysAffected: perDay.size,
      byDay: days.map((date) => ({ date, findings: perDay.get(date) ?? 0 })),
      worstCells: [...perCell]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([cell, n]) => ({ cell, findings: n })),
      note:
        ev > 0
          ? null
          : ne > 0
            ? (NOT_YET_DUE[s.id] ?? 'the records for this period leave it unmeasured')
            : (NOT_RECORDED[s.id] ?? 'no records in this period'),
    };
  });
  return { from: input.from, to: input.to, thresholds: t, rules, findings };
}
