import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import {
  decideCancel,
  decideOutcome,
  decideRefusal,
  decideRequest,
  decideSchedule,
  FINAL_STATES,
  judgeLegalAccess,
  LEGAL_VISIT_EVENTS,
  type LegalAccessInput,
  stateAfter,
  VISIT_STATES,
  type Visit,
} from './model.js';

const NOW = new Date('2025-04-14T15:00:00Z');
const ids = () => 'v-1';

function requested(overrides: Partial<Visit> = {}): Visit {
  return {
    id: 'v-1',
    personId: 'p-1',
    status: 'requested',
    requestedAt: NOW.toISOString(),
    startsAt: null,
    endsAt: null,
    ...overrides,
  };
}

function key(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.messageKey;
    throw error;
  }
  return 'accepted';
}

/** Every step a visit may be given, with well-formed input, at `now`. */
const STEPS = {
  schedule: (v: Visit, now: Date) =>
    decideSchedule(v, { room: 'SALA-1', startsAt: v.requestedAt, endsAt: '2030-01-01T00:00:00Z' }, now),
  refuse: (v: Visit, now: Date) => decideRefusal(v, { reasonCode: 'security', reason: 'lockdown' }, now),
  held: (v: Visit, now: Date) => decideOutcome(v, { outcome: 'held' }, now),
  notHeld: (v: Visit, now: Date) =>
    decideOutcome(v, { outcome: 'not_held', reasonCode: 'client_declined', reason: 'declined' }, now),
  cancel: (v: Visit, now: Date) => decideCancel(v, {}, now),
} as const;
const EVENT_OF = {
  schedule: LEGAL_VISIT_EVENTS.scheduled,
  refuse: LEGAL_VISIT_EVENTS.refused,
  held: LEGAL_VISIT_EVENTS.outcome,
  notHeld: LEGAL_VISIT_EVENTS.outcome,
  cancel: LEGAL_VISIT_EVENTS.cancelled,
} as const;

describe('legal visits: the decisions', () => {
  it('takes a request with a kind and a window, and refuses a bad one', () => {
    const input = {
      personId: 'p-1',
      facilityId: 'f-1',
      officeId: 'o-1',
      kind: 'video',
      windowFrom: '2025-04-15T14:00:00Z',
      windowTo: '2025-04-16T22:00:00Z',
    };
    expect(decideRequest(input, NOW, ids)).toMatchObject({
      visitId: 'v-1',
      kind: 'video',
      at: NOW.toISOString(),
    });
    expect(key(() => decideRequest({ ...input, kind: 'letter' }, NOW, ids))).toBe('legal_visit.kind_unknown');
    expect(key(() => decideRequest({ ...input, windowTo: input.windowFrom }, NOW, ids))).toBe(
      'legal_visit.window_order',
    );
    expect(key(() => decideRequest({ ...input, windowFrom: 'soon' }, NOW, ids))).toBe(
      'legal_visit.time_invalid',
    );
    expect(
      key(() =>
        decideRequest(
          { ...input, windowFrom: '2025-04-01T00:00:00Z', windowTo: '2025-04-02T00:00:00Z' },
          NOW,
          ids,
        ),
      ),
    ).toBe('legal_visit.window_past');
  });

  it('schedules in a named room, after the request, and records the outcome only once started', () => {
    const v = requested();
    const slot = { room: 'SALA-1', startsAt: '2025-04-16T15:00:00Z', endsAt: '2025-04-16T16:00:00Z' };
    expect(decideSchedule(v, slot, NOW)).toMatchObject({ room: 'SALA-1' });
    expect(key(() => decideSchedule(v, { ...slot, room: '  ' }, NOW))).toBe('legal_visit.room_missing');
    expect(key(() => decideSchedule(v, { ...slot, endsAt: slot.startsAt }, NOW))).toBe(
      'legal_visit.slot_order',
    );
    expect(key(() => decideSchedule(v, { ...slot, startsAt: '2025-04-13T15:00:00Z' }, NOW))).toBe(
      'legal_visit.before_request',
    );
    const scheduled = requested({ status: 'scheduled', startsAt: slot.startsAt, endsAt: slot.endsAt });
    expect(key(() => decideOutcome(scheduled, { outcome: 'held' }, NOW))).toBe('legal_visit.not_started');
    const later = new Date('2025-04-16T16:00:00Z');
    expect(key(() => decideOutcome(scheduled, { outcome: 'not_held' }, later))).toBe(
      'legal_visit.reason_unknown',
    );
    expect(
      key(() =>
        decideOutcome(scheduled, { outcome: 'not_held', reasonCode: 'link_failed', reason: ' ' }, later),
      ),
    ).toBe('legal_visit.reason_missing');
    expect(key(() => decideRefusal(v, { reasonCode: 'security', reason: '' }, NOW))).toBe(
      'legal_visit.reason_missing',
    );
  });
});

describe('legal visits: properties', () => {
  const stepName = fc.constantFrom(...(Object.keys(STEPS) as (keyof typeof STEPS)[]));

  it('no step leaves a final state, and a visit is held at most once', () => {
    fc.assert(
      fc.property(fc.array(stepName, { maxLength: 8 }), (steps) => {
        let v = requested();
        let held = 0;
        const late = new Date('2031-01-01T00:00:00Z');
        for (const step of steps) {
          const before = v.status;
          const outcome = key(() => STEPS[step](v, late));
          if (FINAL_STATES.includes(before)) expect(outcome).toBe('legal_visit.wrong_state');
          if (outcome !== 'accepted') continue;
          const next = stateAfter(EVENT_OF[step], { outcome: step === 'held' ? 'held' : 'not_held' });
          expect(next).toBeDefined();
          if (next === 'held') held++;
          v =
            next === 'scheduled'
              ? { ...v, status: next, startsAt: v.requestedAt, endsAt: '2030-01-01T00:00:00Z' }
              : { ...v, status: next ?? v.status };
        }
        expect(held).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('every accepted request and schedule has well-formed times: from before to, nothing before the request', () => {
    const instant = fc
      .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-01-01T00:00:00Z') })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, instant, instant, instant, (a, b, c, d) => {
        const now = new Date(Date.parse('2025-06-01T00:00:00Z'));
        let request: ReturnType<typeof decideRequest>;
        try {
          request = decideRequest(
            { personId: 'p', facilityId: 'f', officeId: null, kind: 'phone', windowFrom: a, windowTo: b },
            now,
            ids,
          );
        } catch {
          return;
        }
        expect(Date.parse(request.windowFrom)).toBeLessThan(Date.parse(request.windowTo));
        expect(Date.parse(request.windowTo)).toBeGreaterThan(now.getTime());
        try {
          const s = decideSchedule(
            requested({ requestedAt: request.at }),
            { room: 'R', startsAt: c, endsAt: d },
            now,
          );
          expect(Date.parse(s.startsAt)).toBeLessThan(Date.parse(s.endsAt));
          expect(Date.parse(s.startsAt)).toBeGreaterThanOrEqual(Date.parse(request.at));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }),
    );
  });

  it('every state the projector can reach is one of the states', () => {
    for (const type of Object.values(LEGAL_VISIT_EVENTS))
      expect(VISIT_STATES).toContain(stateAfter(type, { outcome: 'held' }));
  });
});

describe('legal-access (Mandela Rule 61), per request', () => {
  const base = { person: 'E-1', date: '2025-04-14', requestedAt: '2025-04-14T15:00:00Z' };
  const judge = (visits: LegalAccessInput[], now = '2025-05-30T00:00:00Z') =>
    judgeLegalAccess({ from: '2025-04-01', to: '2025-04-30', now, visits });

  it('meets a visit held within 7 days; finds a refusal, a visit not held, one held late and one pending', () => {
    const r = judge([
      { ...base, status: 'held', startsAt: '2025-04-18T15:00:00Z', closedAt: '2025-04-18T16:00:00Z' },
      { ...base, person: 'E-2', status: 'refused', startsAt: null, closedAt: '2025-04-15T15:00:00Z' },
      {
        ...base,
        person: 'E-3',
        status: 'not_held',
        startsAt: '2025-04-16T15:00:00Z',
        closedAt: '2025-04-16T16:00:00Z',
      },
      {
        ...base,
        person: 'E-4',
        status: 'held',
        startsAt: '2025-04-25T15:00:00Z',
        closedAt: '2025-04-25T16:00:00Z',
      },
      { ...base, person: 'E-5', status: 'requested', startsAt: null, closedAt: null },
    ]);
    expect(r.evaluated).toBe(5);
    expect(r.findings.map((f) => [f.person, f.severity])).toEqual([
      ['E-2', 'high'],
      ['E-3', 'high'],
      ['E-4', 'medium'],
      ['E-5', 'high'],
    ]);
  });

  it('leaves a request whose 7 days have not run unjudged, and one cancelled within them out', () => {
    const r = judge(
      [
        { ...base, status: 'scheduled', startsAt: '2025-04-18T15:00:00Z', closedAt: null },
        { ...base, status: 'cancelled', startsAt: null, closedAt: '2025-04-15T15:00:00Z' },
        { ...base, date: '2025-03-31', status: 'refused', startsAt: null, closedAt: '2025-04-01T00:00:00Z' },
      ],
      '2025-04-16T00:00:00Z',
    );
    expect(r).toEqual({ evaluated: 0, notEvaluable: 1, findings: [] });
  });
});
