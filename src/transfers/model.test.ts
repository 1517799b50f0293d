import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../auth/model.js';
import { rolesAllowed } from '../auth/policy.js';
import { DomainError } from '../core/errors.js';
import { type MessageKey, type MessageParams, translate } from '../core/messages/index.js';
import {
  actionsFrom,
  applyHold,
  decideTransition,
  evolve,
  isOpen,
  type LegalHoldRef,
  liftHold,
  PRE_DEPARTURE_STATUSES,
  policyActionOf,
  replayTransfer,
  TERMINAL_STATUSES,
  TRANSFER_ACTIONS,
  TRANSFER_EVENTS,
  TRANSFER_STATUSES,
  TRANSITIONS,
  type TransferAction,
  type TransferCommand,
  type TransferContext,
  type TransferEvent,
  type TransferScreening,
  type TransferState,
  type TransferStatus,
} from './model.js';
import {
  CANCELLATION_REASONS,
  HOLD_TYPES,
  type HoldType,
  isReasonIn,
  REASON_LISTS,
  REJECTION_REASONS,
} from './reasons.js';
import { isTransferAction } from './states.js';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const AT = NOW.toISOString();
const ALL_ROLES: readonly string[] = [...ROLES, 'system', 'public'];
const FRESH_SCREENING_ACTIONS = ['approve', 'accept', 'schedule', 'depart'] as const;

const reason = (en: string) => ({ en, es: `es: ${en}` });

const screening = (overrides: Partial<TransferScreening> = {}): TransferScreening => ({
  outcome: 'eligible',
  rules: [
    { id: 'convicted', result: 'pass', reason: reason('a final conviction') },
    { id: 'no-active-hold', result: 'pass', reason: reason('no active hold') },
  ],
  screenedAt: AT,
  inputsHash: 'a'.repeat(64),
  policyVersion: 1,
  ...overrides,
});

const PENDING = screening({
  outcome: 'pending',
  rules: [
    { id: 'convicted', result: 'pass', reason: reason('a final conviction') },
    { id: 'notice-period', result: 'pending', reason: reason('notice served 10 days before') },
  ],
});

const INELIGIBLE = screening({
  outcome: 'ineligible',
  rules: [
    { id: 'no-active-hold', result: 'fail', reason: reason('a TRO issued this morning') },
    { id: 'identity-verified', result: 'pending', reason: reason('no verification recorded') },
  ],
});

const hold = (holdId = 'h1', type: HoldType = 'tro'): LegalHoldRef => ({
  holdId,
  type,
  court: 'D.D.C.',
  case: '1:25-cv-00766',
  issued: '2025-03-15',
});

const PLACE_HOLDING: readonly TransferStatus[] = [
  'accepted',
  'scheduled',
  'in_transit',
  'received',
  'returned',
];

const stateIn = (status: TransferStatus, overrides: Partial<TransferState> = {}): TransferState => ({
  transferId: 't1',
  personId: 'p1',
  agreementId: 'a1',
  status,
  heldFrom: status === 'on_hold' ? 'approved' : null,
  holds: status === 'on_hold' ? ['h0'] : [],
  holdsPlace: PLACE_HOLDING.includes(status),
  lastScreening: null,
  returnTransferId: null,
  direction: 'outbound',
  returnOf: null,
  courtOrder: null,
  country: null,
  handover: null,
  version: 3,
  updatedAt: '2025-03-14T00:00:00.000Z',
  ...overrides,
});

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

/** The parties of the tests' court users: the courts of the holds and orders they record. */
const COURTS = { partyIds: ['court-party'], courts: ['d.d.c.', 'd. md.'], people: [] };

const ctxFor = (role: string, overrides: Partial<TransferContext> = {}): TransferContext => ({
  now: NOW,
  actor: { id: `user-${role}`, role, parties: COURTS },
  screening: screening(),
  capacity: { bedAllotment: 300, reserved: 0 },
  activeHolds: [],
  newId: counter(),
  ...overrides,
});

/** A well-formed command for each action. */
const commandFor = (action: TransferAction, transferId = 't1'): TransferCommand => {
  switch (action) {
    case 'nominate':
      return { action, personId: 'p1', agreementId: 'a1' };
    case 'reject':
      return { action, transferId, reasonCode: 'no_space' };
    case 'cancel':
      return { action, transferId, reasonCode: 'unfit_to_travel' };
    case 'hold':
      return { action, transferId, hold: hold('h1') };
    case 'lift_hold':
      return { action, transferId, lift: { holdId: 'h0', lifted: '2025-03-15', court: 'D.D.C.' } };
    case 'order_return':
      return { action, transferId, courtOrder: { court: 'D. Md.', case: '8:25-cv-00951' } };
    default:
      return { action, transferId };
  }
};

const errorOf = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but the call succeeded');
};

const decide = (status: TransferStatus, action: TransferAction, overrides: Partial<TransferContext> = {}) =>
  decideTransition(
    stateIn(status),
    commandFor(action),
    ctxFor(rolesAllowed(policyActionOf(action))[0]!, overrides),
  );

describe('the transition table', () => {
  it('is the diagram of docs/domain.md, with the roles of docs/domain.md "Roles"', () => {
    const rows = TRANSFER_ACTIONS.map((a) => [
      a,
      TRANSITIONS[a].from.join('|'),
      TRANSITIONS[a].to,
      rolesAllowed(policyActionOf(a)).join('|'),
      TRANSITIONS[a].reason,
      TRANSITIONS[a].screening,
    ]);
    const pre = 'nominated|screened|approved|accepted|scheduled';
    expect(rows).toEqual([
      ['nominate', '', 'nominated', 'sending_officer', null, 'none'],
      ['screen', 'nominated', 'screened', 'sending_legal', null, 'fresh'],
      ['approve', 'screened', 'approved', 'sending_legal', null, 'fresh_eligible'],
      ['accept', 'approved', 'accepted', 'receiving_officer', null, 'fresh_eligible'],
      ['reject', 'approved', 'rejected', 'receiving_officer', 'rejection', 'none'],
      ['schedule', 'accepted', 'scheduled', 'sending_officer', null, 'fresh_eligible'],
      ['depart', 'scheduled', 'in_transit', 'sending_officer', null, 'fresh_eligible'],
      ['receive', 'in_transit', 'received', 'receiving_officer', null, 'none'],
      ['hold', `${pre}|on_hold`, 'on_hold', 'court|sending_legal', 'hold_type', 'none'],
      ['lift_hold', 'on_hold', 'screened', 'court|sending_legal', null, 'none'],
      ['cancel', `${pre}|on_hold`, 'cancelled', 'sending_officer|sending_legal', 'cancellation', 'none'],
      ['order_return', 'received', 'returned', 'court', null, 'none'],
    ]);
  });

  it('never lets admin make a transition, and gives a fresh eligible screening to exactly the four states', () => {
    for (const a of TRANSFER_ACTIONS) expect(rolesAllowed(policyActionOf(a))).not.toContain('admin');
    const fresh = TRANSFER_ACTIONS.filter((a) => TRANSITIONS[a].screening === 'fresh_eligible');
    expect(fresh.map((a) => TRANSITIONS[a].to)).toEqual(['approved', 'accepted', 'scheduled', 'in_transit']);
  });

  it('leaves terminal states only by a court-ordered return from received', () => {
    for (const s of TERMINAL_STATUSES) {
      expect(actionsFrom(s)).toEqual(s === 'received' ? ['order_return'] : []);
      expect(isOpen(s)).toBe(false);
    }
    for (const s of TRANSFER_STATUSES.filter((x) => !TERMINAL_STATUSES.includes(x as never))) {
      expect(isOpen(s)).toBe(true);
    }
  });

  describe.each(TRANSFER_ACTIONS)('%s, for every state and every role', (action) => {
    it('is allowed exactly when the table says so', () => {
      const rule = TRANSITIONS[action];
      for (const status of [null, ...TRANSFER_STATUSES]) {
        for (const role of ALL_ROLES) {
          const roleOk = (rolesAllowed(policyActionOf(action)) as readonly string[]).includes(role);
          const stateOk = status === null ? action === 'nominate' : rule.from.includes(status);
          const run = () =>
            decideTransition(status === null ? null : stateIn(status), commandFor(action), ctxFor(role));
          if (roleOk && stateOk) {
            const event = run();
            expect(event).toMatchObject({
              type: TRANSFER_EVENTS[action],
              action,
              from: status,
              to: rule.to,
              actorId: `user-${role}`,
              role,
              at: AT,
            });
          } else {
            const error = errorOf(run);
            const expected = !roleOk ? 'forbidden' : status === null ? 'not_found' : 'rule_refusal';
            expect([status, role, error.code]).toEqual([status, role, expected]);
          }
        }
      }
    });
  });

  it('explains a refusal by state with the allowed actions, and a refusal by role with the allowed roles', () => {
    const byState = errorOf(() => decide('cancelled', 'approve'));
    expect(byState.message).toMatch(/is cancelled; approve needs it to be screened/);
    expect(byState.message).toMatch(/none \(cancelled is final\)/);
    const byRole = errorOf(() =>
      decideTransition(stateIn('scheduled'), commandFor('depart'), ctxFor('admin')),
    );
    expect(byRole.message).toMatch(/only sending_officer may \(docs\/domain\.md, Roles\)/);
    expect(byRole.details).toMatchObject({ allowedRoles: ['sending_officer'], role: 'admin' });
  });
});

describe('a fresh eligible screening', () => {
  describe.each(FRESH_SCREENING_ACTIONS)('%s', (action) => {
    const from = TRANSITIONS[action].from[0]!;
    const to = TRANSITIONS[action].to;

    it('is required: none given is refused', () => {
      const e = errorOf(() => decide(from, action, { screening: undefined }));
      expect([e.code, e.details.rule]).toEqual(['rule_refusal', 'fresh-screening']);
      expect(e.message).toMatch(new RegExp(`cannot become ${to}.*screen the person again now`));
    });

    it.each([
      ['a millisecond old', new Date(NOW.getTime() - 1).toISOString()],
      ['a day old', '2025-03-14T12:00:00.000Z'],
      ['from the future', '2025-03-16T12:00:00.000Z'],
      ['undated', 'not a date'],
    ])('is refused when %s', (_what, screenedAt) => {
      const e = errorOf(() => decide(from, action, { screening: screening({ screenedAt }) }));
      expect([e.code, e.details.rule]).toEqual(['rule_refusal', 'fresh-screening']);
      expect(e.message).toMatch(/not at this decision/);
    });

    it('is refused when pending, naming the pending rule', () => {
      const e = errorOf(() => decide(from, action, { screening: PENDING }));
      expect([e.code, e.details.rule]).toEqual(['rule_refusal', 'fresh-eligible-screening']);
      expect(e.message).toMatch(/is pending.*notice-period \(pending\): notice served 10 days before/);
      expect(e.details.rules).toEqual([PENDING.rules[1]]);
    });

    it('is refused when ineligible, naming every failing and pending rule', () => {
      const e = errorOf(() => decide(from, action, { screening: INELIGIBLE }));
      expect(e.code).toBe('rule_refusal');
      expect(e.message).toMatch(/no-active-hold \(fail\): a TRO issued this morning/);
      expect(e.message).toMatch(/identity-verified \(pending\)/);
      expect((e.details.rules as unknown[]).length).toBe(2);
    });

    it('is refused as invalid input when the outcome contradicts its rules', () => {
      const e = errorOf(() => decide(from, action, { screening: { ...INELIGIBLE, outcome: 'eligible' } }));
      expect(e.code).toBe('invalid_input');
    });

    it('is recorded on the event when it passes', () => {
      expect(decide(from, action).screening).toEqual({
        outcome: 'eligible',
        inputsHash: 'a'.repeat(64),
        policyVersion: 1,
        screenedAt: AT,
      });
    });
  });

  it('screen records a fresh screening of any outcome, and refuses a stale one', () => {
    expect(decide('nominated', 'screen', { screening: INELIGIBLE }).screening?.outcome).toBe('ineligible');
    expect(decide('nominated', 'screen', { screening: PENDING }).to).toBe('screened');
    const stale = screening({ screenedAt: '2025-03-01T00:00:00.000Z' });
    expect(errorOf(() => decide('nominated', 'screen', { screening: stale })).details.rule).toBe(
      'fresh-screening',
    );
  });

  it('accepts a screening stamped with the same instant in another notation', () => {
    const sameInstant = screening({ screenedAt: '2025-03-15T06:00:00-06:00' });
    expect(decide('screened', 'approve', { screening: sameInstant }).to).toBe('approved');
  });

  it('for random screenings, a forward transition passes iff the screening is fresh and eligible', () => {
    const result = fc.constantFrom('pass', 'fail', 'pending', 'not_applicable' as const);
    fc.assert(
      fc.property(
        fc.constantFrom(...FRESH_SCREENING_ACTIONS),
        fc.array(result, { maxLength: 9 }),
        fc.integer({ min: -3, max: 3 }),
        (action, results, offsetMs) => {
          const rules = results.map((r, i) => ({ id: `rule-${i}`, result: r, reason: reason(`rule ${i}`) }));
          const outcome = results.includes('fail')
            ? ('ineligible' as const)
            : results.includes('pending')
              ? ('pending' as const)
              : ('eligible' as const);
          const s = screening({
            outcome,
            rules,
            screenedAt: new Date(NOW.getTime() + offsetMs).toISOString(),
          });
          const run = () => decide(TRANSITIONS[action].from[0]!, action, { screening: s });
          if (outcome === 'eligible' && offsetMs === 0) expect(run().to).toBe(TRANSITIONS[action].to);
          else expect(errorOf(run).code).toBe('rule_refusal');
        },
      ),
    );
  });
});

describe('reason codes', () => {
  it.each(CANCELLATION_REASONS)('cancel accepts %s and records it', (code) => {
    const e = decideTransition(
      stateIn('approved'),
      { action: 'cancel', transferId: 't1', reasonCode: code },
      ctxFor('sending_officer'),
    );
    expect(e.reasonCode).toBe(code);
  });

  it.each(REJECTION_REASONS)('reject accepts %s and records it', (code) => {
    const e = decideTransition(
      stateIn('approved'),
      { action: 'reject', transferId: 't1', reasonCode: code },
      ctxFor('receiving_officer'),
    );
    expect(e.reasonCode).toBe(code);
  });

  it.each([
    ['cancel', 'sending_officer'],
    ['reject', 'receiving_officer'],
  ] as const)('%s without a reason is invalid input listing the codes', (action, role) => {
    const e = errorOf(() =>
      decideTransition(stateIn('approved'), { action, transferId: 't1' }, ctxFor(role)),
    );
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/needs a reason code/);
    expect(e.message).toMatch(action === 'cancel' ? /hold_issued, ineligible/ : /no_space, more_information/);
  });

  it('refuses a code from the other list, or any string not in its list', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom(...REJECTION_REASONS, ...CANCELLATION_REASONS)),
        fc.constantFrom('cancel' as const, 'reject' as const),
        (code, action) => {
          const list = action === 'cancel' ? 'cancellation' : 'rejection';
          const run = () =>
            decideTransition(
              stateIn('approved'),
              { action, transferId: 't1', reasonCode: code },
              ctxFor(rolesAllowed(policyActionOf(action))[0]!),
            );
          if (isReasonIn(list, code)) expect(run().reasonCode).toBe(code);
          else expect(errorOf(run).code).toBe('invalid_input');
        },
      ),
    );
  });

  it('a hold needs a known hold type; its event records hold_issued and the hold', () => {
    for (const type of HOLD_TYPES) {
      const e = decideTransition(
        stateIn('scheduled'),
        { action: 'hold', transferId: 't1', hold: hold('h1', type) },
        ctxFor('court'),
      );
      expect([e.reasonCode, e.hold?.type, e.reservation]).toEqual(['hold_issued', type, -1]);
    }
    const e = errorOf(() =>
      decideTransition(
        stateIn('scheduled'),
        { action: 'hold', transferId: 't1', hold: hold('h1', 'injunction' as HoldType) },
        ctxFor('court'),
      ),
    );
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/tro, habeas_petition, stay_of_removal, court_order/);
  });
});

describe('acceptance and the bed allotment', () => {
  it('reserves one place', () => {
    expect(decide('approved', 'accept', { capacity: { bedAllotment: 300, reserved: 299 } }).reservation).toBe(
      1,
    );
  });

  it('is refused with no_space when every place is reserved', () => {
    const e = errorOf(() => decide('approved', 'accept', { capacity: { bedAllotment: 300, reserved: 300 } }));
    expect(e.code).toBe('rule_refusal');
    expect(e.details).toMatchObject({ rule: 'bed-allotment', reasonCode: 'no_space' });
    expect(e.message).toMatch(/Reject it with reason no_space/);
  });

  it('cannot be decided without the allotment', () => {
    expect(errorOf(() => decide('approved', 'accept', { capacity: undefined })).code).toBe('invalid_input');
  });

  it('gives the place back on cancellation or hold, and only when it holds one', () => {
    expect(decide('accepted', 'cancel').reservation).toBe(-1);
    expect(decide('scheduled', 'hold').reservation).toBe(-1);
    expect(decide('approved', 'cancel').reservation).toBeUndefined();
    expect(decide('approved', 'hold').reservation).toBeUndefined();
  });
});

describe('legal holds', () => {
  const court = { now: NOW, actor: { id: 'judge', role: 'court', parties: COURTS } };

  it('moves every pre-departure transfer on hold, reports in-transit and received ones, ignores closed ones', () => {
    const transfers = TRANSFER_STATUSES.map((s) => stateIn(s, { transferId: `t-${s}` }));
    const { events, alerts } = applyHold(transfers, hold('h1'), court);
    expect(events.map((e) => e.from)).toEqual([...PRE_DEPARTURE_STATUSES, 'on_hold']);
    for (const e of events)
      expect([e.to, e.reasonCode, e.hold?.holdId]).toEqual(['on_hold', 'hold_issued', 'h1']);
    expect(alerts.map((a) => [a.transferId, a.kind])).toEqual([
      ['t-in_transit', 'hold_on_person_in_transit'],
      ['t-received', 'hold_on_person_received'],
    ]);
    expect(alerts[0]!.message.es).toMatch(/en tránsito/);
  });

  it('remembers the state a transfer was in, and lifting returns it to screened, never further', () => {
    const scheduled = stateIn('scheduled');
    const [held] = applyHold([scheduled], hold('h1'), court).events;
    const onHold = evolve(scheduled, held!);
    expect([onHold.status, onHold.heldFrom, onHold.holds, onHold.holdsPlace]).toEqual([
      'on_hold',
      'scheduled',
      ['h1'],
      false,
    ]);
    const [lifted] = liftHold([onHold], { holdId: 'h1', lifted: '2025-03-20', court: 'D.D.C.' }, court);
    const after = evolve(onHold, lifted!);
    expect([after.status, after.heldFrom, after.holds]).toEqual(['screened', null, []]);
    expect(actionsFrom(after.status)).toEqual(['approve', 'hold', 'cancel']);
  });

  it('stacks holds: lifting one of two keeps the transfer on hold', () => {
    let t = stateIn('approved');
    t = evolve(t, applyHold([t], hold('h1'), court).events[0]!);
    t = evolve(t, applyHold([t], hold('h2', 'habeas_petition'), court).events[0]!);
    expect([t.holds, t.heldFrom]).toEqual([['h1', 'h2'], 'approved']);
    expect(applyHold([t], hold('h2'), court).events).toEqual([]);
    t = evolve(t, liftHold([t], { holdId: 'h1', lifted: '2025-03-20', court: 'D.D.C.' }, court)[0]!);
    expect([t.status, t.holds]).toEqual(['on_hold', ['h2']]);
    expect(liftHold([t], { holdId: 'h1', lifted: '2025-03-20', court: 'D.D.C.' }, court)).toEqual([]);
    t = evolve(t, liftHold([t], { holdId: 'h2', lifted: '2025-03-21', court: 'D.D.C.' }, court)[0]!);
    expect(t.status).toBe('screened');
  });

  it('is recorded by a court, or by sending_legal on its behalf, and by no one else', () => {
    const t = [stateIn('approved')];
    expect(applyHold(t, hold(), { now: NOW, actor: { id: 'l', role: 'sending_legal' } }).events).toHaveLength(
      1,
    );
    for (const role of ['admin', 'sending_officer', 'receiving_officer', 'counsel']) {
      expect(
        errorOf(() => applyHold(t, hold(), { now: NOW, actor: { id: 'x', role, parties: COURTS } })).code,
      ).toBe('forbidden');
      expect(
        errorOf(() =>
          liftHold(
            t,
            { holdId: 'h1', lifted: '2025-03-20', court: 'D.D.C.' },
            { now: NOW, actor: { id: 'x', role, parties: COURTS } },
          ),
        ).code,
      ).toBe('forbidden');
    }
  });

  it('concerns one person, and needs its court, case and issue date', () => {
    const two = [stateIn('approved'), stateIn('approved', { transferId: 't2', personId: 'p2' })];
    expect(errorOf(() => applyHold(two, hold(), court)).code).toBe('invalid_input');
    expect(errorOf(() => applyHold([], { ...hold(), case: ' ' }, court)).message).toMatch(/needs its case/);
    expect(errorOf(() => applyHold([], { ...hold(), issued: '2025-02-30' }, court)).code).toBe(
      'invalid_input',
    );
  });

  it('refuses boarding while any hold is active, whatever the screening says', () => {
    const e = errorOf(() => decide('scheduled', 'depart', { activeHolds: [hold('h9')] }));
    expect([e.code, e.details.rule]).toEqual(['rule_refusal', 'no-active-hold']);
    expect(e.message).toMatch(/cannot board.*tro D\.D\.C\. 1:25-cv-00766/);
    for (const action of ['approve', 'accept', 'schedule'] as const) {
      expect(
        errorOf(() => decide(TRANSITIONS[action].from[0]!, action, { activeHolds: [hold()] })).code,
      ).toBe('rule_refusal');
    }
  });

  it('cannot decide boarding without the active holds', () => {
    const e = errorOf(() => decide('scheduled', 'depart', { activeHolds: undefined }));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/active legal holds/);
  });

  it('lifts only a hold the transfer is under', () => {
    const e = errorOf(() =>
      decideTransition(
        stateIn('on_hold'),
        {
          action: 'lift_hold',
          transferId: 't1',
          lift: { holdId: 'nope', lifted: '2025-03-20', court: 'D.D.C.' },
        },
        ctxFor('court'),
      ),
    );
    expect(e.code).toBe('rule_refusal');
    expect(e.message).toMatch(/held by: h0/);
  });
});

describe('nomination, return and replay', () => {
  it('nominates with an id from newId, and refuses without one', () => {
    const e = decideTransition(null, commandFor('nominate'), ctxFor('sending_officer'));
    expect([e.transferId, e.from, e.to]).toEqual(['id-1', null, 'nominated']);
    const none = errorOf(() =>
      decideTransition(null, commandFor('nominate'), ctxFor('sending_officer', { newId: undefined })),
    );
    expect(none.code).toBe('invalid_input');
  });

  it('a court-ordered return starts a return transfer', () => {
    const e = decide('received', 'order_return');
    expect([e.to, e.returnTransferId, e.courtOrder?.case]).toEqual(['returned', 'id-1', '8:25-cv-00951']);
    expect(evolve(stateIn('received'), e).returnTransferId).toBe('id-1');
    const bare = { action: 'order_return', transferId: 't1' } as TransferCommand;
    expect(errorOf(() => decideTransition(stateIn('received'), bare, ctxFor('court'))).code).toBe(
      'invalid_input',
    );
  });

  it('refuses a command for another transfer, and an event out of order', () => {
    expect(
      errorOf(() =>
        decideTransition(stateIn('screened'), commandFor('approve', 't2'), ctxFor('sending_legal')),
      ).code,
    ).toBe('invalid_input');
    const approved = decide('screened', 'approve');
    expect(errorOf(() => evolve(stateIn('nominated'), approved)).code).toBe('conflict');
    expect(errorOf(() => evolve(null, approved)).code).toBe('conflict');
    expect(replayTransfer([])).toBeNull();
  });

  it('walks the happy path, recording role, screening and reservation on each event', () => {
    const steps: [TransferAction, string][] = [
      ['nominate', 'sending_officer'],
      ['screen', 'sending_legal'],
      ['approve', 'sending_legal'],
      ['accept', 'receiving_officer'],
      ['schedule', 'sending_officer'],
      ['depart', 'sending_officer'],
      ['receive', 'receiving_officer'],
    ];
    const newId = counter();
    const events: TransferEvent[] = [];
    let state: TransferState | null = null;
    for (const [action, role] of steps) {
      const event = decideTransition(state, commandFor(action, 'id-1'), ctxFor(role, { newId }));
      state = evolve(state, event);
      events.push(event);
    }
    expect(state).toMatchObject({ status: 'received', holdsPlace: true, version: 7 });
    expect(replayTransfer(events)).toEqual(state);
    expect(events.map((e) => e.type)).toEqual([
      'transfer.nominated',
      'transfer.screened',
      'transfer.approved',
      'transfer.accepted',
      'transfer.scheduled',
      'transfer.departed',
      'transfer.received',
    ]);
  });
});

// ---- properties over random command sequences ----

interface Step {
  /** Guided steps pick an action the table allows from the current state, with a valid reason. */
  guided: boolean;
  pick: number;
  action: TransferAction;
  roleFromTable: boolean;
  role: string;
  reasonCode: string | undefined;
  screening: 'fresh_eligible' | 'fresh_pending' | 'fresh_ineligible' | 'stale' | 'none';
  holds: 'unknown' | 'none' | 'one';
  full: boolean;
  holdId: 'h1' | 'h2';
}

const often = (weight: number) =>
  fc.oneof({ weight, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

const stepArb: fc.Arbitrary<Step> = fc.record({
  guided: often(4),
  pick: fc.nat(),
  action: fc.constantFrom(...TRANSFER_ACTIONS),
  roleFromTable: often(1),
  role: fc.constantFrom(...ALL_ROLES),
  reasonCode: fc.option(fc.constantFrom(...CANCELLATION_REASONS, ...REJECTION_REASONS, 'bogus'), {
    nil: undefined,
  }),
  screening: fc.oneof(
    { weight: 8, arbitrary: fc.constant('fresh_eligible' as const) },
    { weight: 1, arbitrary: fc.constantFrom('fresh_pending', 'fresh_ineligible', 'stale', 'none' as const) },
  ),
  holds: fc.constantFrom('unknown', 'none', 'none', 'none', 'one' as const),
  full: often(3).map((b) => !b),
  holdId: fc.constantFrom('h1' as const, 'h2' as const),
});

function runStep(state: TransferState | null, step: Step, newId: () => string) {
  const candidates: readonly TransferAction[] = state ? actionsFrom(state.status) : ['nominate'];
  // Guided steps mostly go forward, so runs reach departure, intake and return.
  const forward = candidates.find((a) => !['on_hold', 'cancelled', 'rejected'].includes(TRANSITIONS[a].to));
  const index = step.pick % (candidates.length * 8);
  const action = (step.guided ? (candidates[index] ?? forward ?? candidates[0]) : undefined) ?? step.action;
  const rule = TRANSITIONS[action];
  const role =
    step.guided || step.roleFromTable
      ? rolesAllowed(policyActionOf(action))[step.pick % rolesAllowed(policyActionOf(action)).length]!
      : step.role;
  const transferId = state?.transferId ?? 'x';
  const list = rule.reason === 'cancellation' || rule.reason === 'rejection' ? REASON_LISTS[rule.reason] : [];
  const reasonCode = step.guided ? list[step.pick % Math.max(1, list.length)] : step.reasonCode;
  const liftId = (step.guided ? state?.holds[0] : undefined) ?? step.holdId;
  const command: TransferCommand =
    action === 'nominate'
      ? { action: 'nominate', personId: 'p1', agreementId: 'a1' }
      : action === 'cancel' || action === 'reject'
        ? { action, transferId, reasonCode }
        : action === 'hold'
          ? { action: 'hold', transferId, hold: hold(step.holdId) }
          : action === 'lift_hold'
            ? {
                action: 'lift_hold',
                transferId,
                lift: { holdId: liftId, lifted: '2025-03-20', court: 'D.D.C.' },
              }
            : commandFor(action, transferId);
  const screenings = {
    fresh_eligible: screening(),
    fresh_pending: PENDING,
    fresh_ineligible: INELIGIBLE,
    stale: screening({ screenedAt: '2025-03-14T12:00:00.000Z' }),
    none: undefined,
  };
  const ctx = ctxFor(role, {
    newId,
    screening: screenings[step.screening],
    activeHolds: step.holds === 'unknown' ? undefined : step.holds === 'none' ? [] : [hold('h7')],
    capacity: { bedAllotment: 1, reserved: step.full ? 1 : 0 },
  });
  return { command, ctx, run: () => decideTransition(state, command, ctx) };
}

/** Every guarantee an event must carry, checked against the table and the context it was decided in. */
function expectLawful(event: TransferEvent, before: TransferState | null, ctx: TransferContext) {
  if (!isTransferAction(event.action)) throw new Error(`not a step of the table: ${event.action}`);
  const rule = TRANSITIONS[event.action];
  expect(rolesAllowed(policyActionOf(event.action))).toContain(event.role);
  expect(event.from).toBe(before?.status ?? null);
  if (event.from !== null) expect(rule.from).toContain(event.from);
  if (event.action === 'lift_hold') expect(['screened', 'on_hold']).toContain(event.to);
  else expect(event.to).toBe(rule.to);
  if (rule.reason === 'hold_type') {
    expect(event.reasonCode).toBe('hold_issued');
    expect(HOLD_TYPES).toContain(event.hold?.type);
  } else if (rule.reason) expect(isReasonIn(rule.reason, event.reasonCode ?? '')).toBe(true);
  else expect(event.reasonCode).toBeUndefined();
  if (rule.screening === 'none') expect(event.screening).toBeUndefined();
  else expect(event.screening?.screenedAt).toBe(event.at);
  if (rule.screening === 'fresh_eligible') expect(event.screening?.outcome).toBe('eligible');
  if (rule.holdCheck === 'required') expect(ctx.activeHolds).toEqual([]);
  if (rule.holdCheck === 'if_known') expect(ctx.activeHolds ?? []).toEqual([]);
  if (event.reservation === 1) expect(ctx.capacity!.reserved).toBeLessThan(ctx.capacity!.bedAllotment);
}

describe('properties of random command sequences', () => {
  it('produce only lawful events and legal states, and replaying the events gives the same state', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const newId = counter();
        let state: TransferState | null = null;
        const events: TransferEvent[] = [];
        for (const step of steps) {
          const { ctx, run } = runStep(state, step, newId);
          let event: TransferEvent;
          try {
            event = run();
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect(['forbidden', 'rule_refusal', 'invalid_input', 'not_found']).toContain(
              (e as DomainError).code,
            );
            continue;
          }
          expectLawful(event, state, ctx);
          state = evolve(state, event);
          events.push(event);
          expect(TRANSFER_STATUSES).toContain(state.status);
          expect(state.holds.length > 0).toBe(state.status === 'on_hold');
          const places = events.reduce((n, e) => n + (e.reservation ?? 0), 0);
          expect(places).toBe(state.holdsPlace ? 1 : 0);
        }
        expect(replayTransfer(events)).toEqual(state);
        expect(state?.version ?? 0).toBe(events.length);
      }),
      { numRuns: 500 },
    );
  });

  it('never reach in_transit while a hold is active; a lift never goes past screened, and re-approval follows', () => {
    type Op =
      | { kind: 'advance'; i: number }
      | { kind: 'hold'; type: HoldType }
      | { kind: 'lift'; pick: number }
      | { kind: 'cancel'; i: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      { weight: 10, arbitrary: fc.record({ kind: fc.constant('advance' as const), i: fc.nat(3) }) },
      {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('hold' as const), type: fc.constantFrom(...HOLD_TYPES) }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('lift' as const), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), i: fc.nat(3) }) },
    );
    const NEXT: Partial<Record<TransferStatus, [TransferAction, string]>> = {
      nominated: ['screen', 'sending_legal'],
      screened: ['approve', 'sending_legal'],
      approved: ['accept', 'receiving_officer'],
      accepted: ['schedule', 'sending_officer'],
      scheduled: ['depart', 'sending_officer'],
      in_transit: ['receive', 'receiving_officer'],
    };
    const court = { now: NOW, actor: { id: 'judge', role: 'court', parties: COURTS } };

    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(opArb, { maxLength: 60 }), (n, ops) => {
        const newId = counter();
        const transfers: TransferState[] = [];
        const log: TransferEvent[][] = [];
        for (let i = 0; i < n; i++) {
          const e = decideTransition(null, commandFor('nominate'), ctxFor('sending_officer', { newId }));
          transfers.push(evolve(null, e));
          log.push([e]);
        }
        let active: LegalHoldRef[] = [];
        let holdNo = 0;
        const record = (events: TransferEvent[]) => {
          for (const e of events) {
            const i = transfers.findIndex((t) => t.transferId === e.transferId);
            transfers[i] = evolve(transfers[i]!, e);
            log[i]!.push(e);
          }
        };
        for (const op of ops) {
          if (op.kind === 'hold') {
            const h = hold(`h${++holdNo}`, op.type);
            const { events, alerts } = applyHold(transfers, h, court);
            const inTransit = transfers.filter((t) => t.status === 'in_transit').map((t) => t.transferId);
            expect(
              alerts.filter((a) => a.kind === 'hold_on_person_in_transit').map((a) => a.transferId),
            ).toEqual(inTransit);
            record(events);
            active = [...active, h];
          } else if (op.kind === 'lift') {
            if (active.length === 0) continue;
            const h = active[op.pick % active.length]!;
            active = active.filter((x) => x !== h);
            const events = liftHold(
              transfers,
              { holdId: h.holdId, lifted: '2025-03-20', court: 'D.D.C.' },
              court,
            );
            for (const e of events) expect(e.to).toBe(active.length === 0 ? 'screened' : 'on_hold');
            record(events);
          } else {
            const t = transfers[op.i % n]!;
            const [action, role] =
              op.kind === 'cancel' ? (['cancel', 'sending_officer'] as const) : (NEXT[t.status] ?? []);
            if (!action || !role || !TRANSITIONS[action].from.includes(t.status)) continue;
            // The screening is always eligible here: the hold alone must stop the transfer.
            const command =
              action === 'cancel'
                ? ({ action, transferId: t.transferId, reasonCode: 'hold_issued' } as const)
                : commandFor(action, t.transferId);
            try {
              record([decideTransition(t, command, ctxFor(role, { activeHolds: active }))]);
            } catch (e) {
              expect((e as DomainError).details.rule).toBe(
                TRANSITIONS[action].holdCheck === 'none' ? undefined : 'no-active-hold',
              );
              expect(active.length).toBeGreaterThan(0);
            }
          }
          if (active.length > 0) {
            // While a hold is active nothing of this person waits in a pre-departure state.
            for (const t of transfers) expect(PRE_DEPARTURE_STATUSES).not.toContain(t.status);
          }
        }
        const departures = log.flat().filter((e) => e.action === 'depart');
        for (const [i, events] of log.entries()) {
          expect(replayTransfer(events)).toEqual(transfers[i]);
          // After a hold is lifted to screened, the next forward step is approval.
          for (const [k, e] of events.entries()) {
            if (e.action !== 'lift_hold' || e.to !== 'screened') continue;
            const next = events.slice(k + 1).find((x) => FRESH_SCREENING_ACTIONS.some((a) => a === x.action));
            if (next) expect(next.action).toBe('approve');
          }
        }
        expect(departures.every((e) => e.from === 'scheduled')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never over-commit the bed allotment across accept, cancel, hold, lift and re-approval of many transfers', () => {
    type Op = { kind: 'accept' | 'cancel' | 'hold' | 'lift' | 'approve' | 'schedule'; i: number };
    const opArb: fc.Arbitrary<Op> = fc.record({
      kind: fc.constantFrom('accept', 'accept', 'accept', 'cancel', 'hold', 'lift', 'approve', 'schedule'),
      i: fc.nat(),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(opArb, { maxLength: 80 }),
        (n, bedAllotment, ops) => {
          const transfers: TransferState[] = Array.from({ length: n }, (_, i) =>
            stateIn('approved', { transferId: `t${i}`, holdsPlace: false }),
          );
          let reserved = 0;
          for (const op of ops) {
            const i = op.i % n;
            const t = transfers[i]!;
            const steps: Record<Op['kind'], [TransferCommand, string]> = {
              accept: [commandFor('accept', t.transferId), 'receiving_officer'],
              cancel: [
                { action: 'cancel', transferId: t.transferId, reasonCode: 'duplicate' },
                'sending_legal',
              ],
              hold: [{ action: 'hold', transferId: t.transferId, hold: hold(`h-${t.version}`) }, 'court'],
              lift: [
                {
                  action: 'lift_hold',
                  transferId: t.transferId,
                  lift: { holdId: t.holds[0] ?? 'none', lifted: '2025-03-20', court: 'D.D.C.' },
                },
                'court',
              ],
              approve: [commandFor('approve', t.transferId), 'sending_legal'],
              schedule: [commandFor('schedule', t.transferId), 'sending_officer'],
            };
            const [command, role] = steps[op.kind];
            const ctx = ctxFor(role, { capacity: { bedAllotment, reserved } });
            const run = () => decideTransition(t, command, ctx);
            if (op.kind === 'accept' && t.status === 'approved' && reserved < bedAllotment) {
              // Liveness: a free place is never refused.
              expect(run().reservation).toBe(1);
            }
            let event: TransferEvent;
            try {
              event = run();
            } catch {
              continue;
            }
            reserved += event.reservation ?? 0;
            transfers[i] = evolve(t, event);
            expect(reserved).toBeGreaterThanOrEqual(0);
            expect(reserved).toBeLessThanOrEqual(bedAllotment);
            expect(reserved).toBe(transfers.filter((x) => x.holdsPlace).length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('refusals in Spanish', () => {
  /** A client renders a refusal from its key and parameters as received in JSON. */
  const asReceived = (e: DomainError, lang: 'en' | 'es') =>
    translate(lang, e.messageKey, JSON.parse(JSON.stringify(e.params)) as MessageParams<MessageKey>);

  it('approving on an ineligible screening names the failing rules, their facts and the source in Spanish', () => {
    const e = errorOf(() => decide('screened', 'approve', { screening: INELIGIBLE }));
    expect(e.messageKey).toBe('transfer.screening_not_eligible');
    expect(e.localized('es')).toBe(
      'El traslado t1 no puede pasar al estado «aprobado»: la evaluación hecha ahora da «no elegible», y para pasar ' +
        'al estado «aprobado» debe dar «elegible» (docs/domain.md, Transfers). no-active-hold (no cumple): es: a TRO issued ' +
        'this morning; identity-verified (pendiente): es: no verification recorded. Resuelva esas reglas o ' +
        'cancele el traslado con el motivo ineligible.',
    );
    expect(e.message).toMatch(/no-active-hold \(fail\): a TRO issued this morning/);
    expect(asReceived(e, 'es')).toBe(e.localized('es'));
    expect(asReceived(e, 'en')).toBe(e.message);
  });

  it('a refusal by state names the states and the allowed actions in Spanish words', () => {
    const e = errorOf(() => decide('cancelled', 'approve'));
    expect(e.localized('es')).toBe(
      'El traslado t1 está cancelado; para aprobar debe estar evaluado (docs/domain.md, Transfers). Desde el estado ' +
        '«cancelado», las acciones permitidas son: ninguna («cancelado» es definitivo).',
    );
    const noReason = errorOf(() =>
      decideTransition(stateIn('screened'), { action: 'cancel', transferId: 't1' }, ctxFor('sending_legal')),
    );
    expect(noReason.messageKey).toBe('transfer.reason_code_missing');
    expect(noReason.localized('es')).toMatch(
      /^Una cancelación necesita un código de motivo \(docs\/domain\.md, Transfers\); indique uno de: hold_issued, /,
    );
  });

  it('an active hold at departure names the hold type, court, case and date in Spanish', () => {
    const e = errorOf(() => decide('scheduled', 'depart', { activeHolds: [hold()] }));
    expect(e.messageKey).toBe('transfer.hold_in_force');
    expect(e.localized('es')).toMatch(
      /^La persona del traslado t1 no puede embarcar: .*orden de restricción temporal D\.D\.C\. 1:25-cv-00766 \(dictada el 2025-03-15\)\. Las órdenes judiciales son vinculantes/,
    );
    expect(asReceived(e, 'en')).toBe(e.message);
  });
});
