import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import {
  alarm,
  type CreateManifestCommand,
  decideAddTransfer,
  decideArrive,
  decideBoard,
  decideClose,
  decideCreateManifest,
  decideDepart,
  decideException,
  decideReceive,
  decideRemoveTransfer,
  evolveManifest,
  type IdentityCheck,
  isZonedTime,
  MANIFEST_EXCEPTIONS,
  type ManifestContext,
  type ManifestEvent,
  type ManifestExceptionKind,
  type ManifestState,
  placeKind,
  reconcile,
  replayManifest,
  transfersHeld,
} from './manifest.js';
import type { TransferState } from './model.js';

const T0 = Date.parse('2025-03-15T12:00:00.000Z');
const MINUTE = 60_000;
const SENDER = { id: 'u-send', role: 'sending_officer' };
const RECEIVER = { id: 'u-recv', role: 'receiving_officer' };
const MATCH: IdentityCheck = { method: 'biometric', matched: true, checkedBy: 'u-recv' };
const NO_MATCH: IdentityCheck = { method: 'document', matched: false, checkedBy: 'u-recv' };

const COMMAND: CreateManifestCommand = {
  facilityId: 'f-cecot',
  carrier: 'GlobalX',
  flightNumber: 'GXA 6051',
  origin: 'AEX',
  destination: 'MSLP',
  scheduledDeparture: { instant: '2025-03-15T14:00:00Z', zone: 'America/Chicago' },
  scheduledArrival: { instant: '2025-03-15T17:00:00Z', zone: 'America/El_Salvador' },
};

function ctxAt(minutes: number, actor: ManifestContext['actor'] = SENDER): ManifestContext {
  return { now: new Date(T0 + minutes * MINUTE), actor };
}

function transfer(n: number, status: TransferState['status'] = 'scheduled') {
  return { transferId: `t${n}`, personId: `p${n}`, status };
}

/** A small harness: decides, records and applies events. */
class Flight {
  events: ManifestEvent[] = [];
  state: ManifestState;
  clock = 0;

  constructor(command: CreateManifestCommand = COMMAND, id = 'm1') {
    const event = decideCreateManifest(command, { ...ctxAt(0), newId: () => id });
    this.events.push(event);
    this.state = evolveManifest(null, event);
  }

  ctx(actor: ManifestContext['actor'] = SENDER): ManifestContext {
    this.clock += 1;
    return ctxAt(this.clock, actor);
  }

  apply(event: ManifestEvent): this {
    this.events.push(event);
    this.state = evolveManifest(this.state, event);
    return this;
  }

  add(...ns: number[]): this {
    for (const n of ns) this.apply(decideAddTransfer(this.state, transfer(n), this.ctx()));
    return this;
  }

  board(...ns: number[]): this {
    for (const n of ns) this.apply(decideBoard(this.state, `t${n}`, this.ctx()));
    return this;
  }

  depart(): this {
    return this.apply(decideDepart(this.state, this.ctx()));
  }

  arrive(): this {
    return this.apply(decideArrive(this.state, this.ctx(RECEIVER)));
  }

  receive(n: number, identity: IdentityCheck = MATCH): this {
    return this.apply(decideReceive(this.state, `t${n}`, identity, this.ctx(RECEIVER)));
  }

  except(n: number, kind: ManifestExceptionKind, actor = SENDER): this {
    return this.apply(decideException(this.state, `t${n}`, kind, 'explained in the log', this.ctx(actor)));
  }
}

function refusedWith(fn: () => unknown, code: string, pattern: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect((caught as DomainError).code).toBe(code);
  expect((caught as DomainError).message).toMatch(pattern);
}

describe('manifest example flows', () => {
  it('boards, departs, arrives, receives, accounts for an exception and closes', () => {
    const f = new Flight().add(1, 2, 3).board(1, 2).except(3, 'returned_before_departure');
    f.depart().arrive();
    expect(f.state.status).toBe('arrived');
    expect(f.state.actualDeparture?.zone).toBe('America/Chicago');
    expect(f.state.actualArrival?.zone).toBe('America/El_Salvador');
    f.receive(1);
    expect(alarm(f.state, ctxAt(100).now)).toEqual({
      manifestId: 'm1',
      unaccounted: ['t2'],
      since: f.state.actualArrival?.instant,
    });
    f.except(2, 'missing_after_transport', RECEIVER);
    expect(reconcile(f.state)).toEqual({
      reconciled: true,
      boarded: 2,
      received: 1,
      exceptions: 1,
      unaccounted: [],
    });
    expect(alarm(f.state, ctxAt(100).now)).toBeNull();
    f.apply(decideClose(f.state, f.ctx(RECEIVER)));
    expect(f.state.status).toBe('closed');
    expect(alarm(f.state, ctxAt(100).now)).toBeNull();
    expect(replayManifest(f.events)).toEqual(f.state);
    const e1 = f.state.entries.find((e) => e.transferId === 't1');
    expect(e1).toMatchObject({
      status: 'received',
      boardedBy: 'u-send',
      receivedBy: 'u-recv',
      identity: MATCH,
    });
  });

  it('accounts for a medical diversion in flight', () => {
    const f = new Flight().add(1, 2).board(1, 2).depart();
    f.except(2, 'medical_diversion').arrive().receive(1);
    expect(reconcile(f.state)).toMatchObject({ reconciled: true, received: 1, exceptions: 1 });
    expect(decideClose(f.state, ctxAt(50, RECEIVER)).type).toBe('manifest.closed');
  });

  it('removes an entry that will not travel, and it may then be added again', () => {
    const f = new Flight().add(1, 2);
    f.apply(decideRemoveTransfer(f.state, 't2', f.ctx()));
    expect(f.state.entries.map((e) => e.transferId)).toEqual(['t1']);
    f.add(2);
    expect(f.state.entries.map((e) => e.transferId)).toEqual(['t1', 't2']);
  });

  it('records given actual times with their zones', () => {
    const f = new Flight().add(1).board(1);
    const actual = { instant: '2025-03-15T12:00:30Z', zone: 'America/Chicago' };
    f.apply(decideDepart(f.state, ctxAt(10), actual));
    expect(f.state.actualDeparture).toEqual(actual);
  });

  it('classifies places and validates zoned times', () => {
    expect(placeKind('AEX')).toBe('iata');
    expect(placeKind('MSLP')).toBe('icao');
    expect(placeKind('Tecoluca, San Vicente')).toBe('name');
    expect(isZonedTime({ instant: '2025-03-15T14:00:00Z', zone: 'America/El_Salvador' })).toBe(true);
    expect(isZonedTime({ instant: '2025-03-15T14:00:00', zone: 'America/El_Salvador' })).toBe(false);
    expect(isZonedTime({ instant: '2025-03-15T14:00:00Z', zone: 'Mars/Olympus' })).toBe(false);
    expect(isZonedTime(null)).toBe(false);
  });

  it('releases transfers once closed or returned before departure', () => {
    const f = new Flight().add(1, 2, 3).board(1).except(2, 'returned_before_departure');
    expect(transfersHeld(f.state)).toEqual(['t1', 't3']);
    f.apply(decideRemoveTransfer(f.state, 't3', f.ctx()));
    f.depart().arrive().receive(1);
    f.apply(decideClose(f.state, f.ctx(RECEIVER)));
    expect(transfersHeld(f.state)).toEqual([]);
  });
});

describe('manifest refusals', () => {
  const newId = () => 'm9';

  it('refuses a malformed manifest', () => {
    const c = { ...ctxAt(0), newId };
    refusedWith(() => decideCreateManifest({ ...COMMAND, carrier: ' ' }, c), 'invalid_input', /carrier/);
    refusedWith(
      () => decideCreateManifest({ ...COMMAND, destination: 'aex' }, c),
      'invalid_input',
      /both AEX/,
    );
    refusedWith(
      () =>
        decideCreateManifest(
          { ...COMMAND, scheduledArrival: { instant: '2025-03-15T17:00:00Z', zone: 'Nowhere' } },
          c,
        ),
      'invalid_input',
      /scheduledArrival is not a zoned time/,
    );
    refusedWith(
      () =>
        decideCreateManifest(
          { ...COMMAND, scheduledArrival: { instant: '2025-03-15T13:00:00Z', zone: 'America/El_Salvador' } },
          c,
        ),
      'invalid_input',
      /not after the scheduled departure/,
    );
    refusedWith(() => decideCreateManifest(COMMAND, { ...c, newId: () => '' }), 'invalid_input', /newId/);
    refusedWith(
      () => decideCreateManifest(COMMAND, { ...ctxAt(0, RECEIVER), newId }),
      'forbidden',
      /sending_officer/,
    );
    refusedWith(
      () => decideCreateManifest(COMMAND, { now: new Date(Number.NaN), actor: SENDER, newId }),
      'invalid_input',
      /not a valid instant/,
    );
  });

  it('refuses adding what may not be added', () => {
    const f = new Flight().add(1);
    refusedWith(
      () => decideAddTransfer(f.state, transfer(2, 'accepted'), ctxAt(5)),
      'rule_refusal',
      /only a scheduled/,
    );
    refusedWith(
      () => decideAddTransfer(f.state, transfer(1), ctxAt(5)),
      'rule_refusal',
      /already on manifest m1/,
    );
    refusedWith(
      () => decideAddTransfer(f.state, { transferId: 't7', personId: 'p1', status: 'scheduled' }, ctxAt(5)),
      'rule_refusal',
      /a person is listed once/,
    );
    refusedWith(
      () => decideAddTransfer(f.state, transfer(2), ctxAt(5), new Set(['t2'])),
      'rule_refusal',
      /nobody is in two places/,
    );
    refusedWith(
      () => decideAddTransfer(f.state, transfer(2), ctxAt(5), ['t2']),
      'rule_refusal',
      /two places/,
    );
    refusedWith(
      () => decideAddTransfer(f.state, transfer(2), ctxAt(5, RECEIVER)),
      'forbidden',
      /only sending_officer/,
    );
    f.board(1).depart();
    refusedWith(
      () => decideAddTransfer(f.state, transfer(2), ctxAt(50)),
      'rule_refusal',
      /is departed; adding/,
    );
  });

  it('refuses removing a boarded or unknown entry, or after departure', () => {
    const f = new Flight().add(1, 2).board(1);
    refusedWith(
      () => decideRemoveTransfer(f.state, 't1', ctxAt(5)),
      'rule_refusal',
      /returned_before_departure/,
    );
    refusedWith(() => decideRemoveTransfer(f.state, 't9', ctxAt(5)), 'not_found', /not on manifest m1/);
    f.except(2, 'returned_before_departure').depart();
    refusedWith(() => decideRemoveTransfer(f.state, 't2', ctxAt(50)), 'rule_refusal', /exception/);
  });

  it('refuses boarding twice, by the wrong role, or after departure', () => {
    const f = new Flight().add(1, 2).board(1);
    refusedWith(() => decideBoard(f.state, 't1', ctxAt(5)), 'rule_refusal', /only an added entry can board/);
    refusedWith(() => decideBoard(f.state, 't2', ctxAt(5, RECEIVER)), 'forbidden', /sending_officer/);
    f.apply(decideRemoveTransfer(f.state, 't2', f.ctx())).depart();
    refusedWith(() => decideBoard(f.state, 't1', ctxAt(50)), 'rule_refusal', /is departed; boarding/);
  });

  it('refuses departure with nobody boarded or someone merely added, and twice', () => {
    const empty = new Flight();
    refusedWith(() => decideDepart(empty.state, ctxAt(5)), 'rule_refusal', /nobody is boarded/);
    const f = new Flight().add(1, 2, 3).board(1);
    refusedWith(() => decideDepart(f.state, ctxAt(5)), 'rule_refusal', /t2, t3 were added but not boarded/);
    const returned = new Flight().add(1).board(1).except(1, 'returned_before_departure');
    refusedWith(() => decideDepart(returned.state, ctxAt(5)), 'rule_refusal', /nobody is boarded/);
    const g = new Flight().add(1).board(1);
    refusedWith(
      () => decideDepart(g.state, ctxAt(5), { instant: '2025-03-16T00:00:00Z', zone: 'UTC' }),
      'invalid_input',
      /in the future/,
    );
    g.depart();
    refusedWith(() => decideDepart(g.state, ctxAt(50)), 'rule_refusal', /departs once/);
  });

  it('refuses arrival before departure, or timed before it', () => {
    const f = new Flight().add(1).board(1);
    refusedWith(
      () => decideArrive(f.state, ctxAt(5, RECEIVER)),
      'rule_refusal',
      /Record the departure first/,
    );
    f.depart();
    refusedWith(
      () => decideArrive(f.state, ctxAt(50, RECEIVER), { instant: '2025-03-15T11:00:00Z', zone: 'UTC' }),
      'invalid_input',
      /before the actual departure/,
    );
    refusedWith(() => decideArrive(f.state, ctxAt(50)), 'forbidden', /receiving_officer/);
  });

  it('refuses intake before arrival, of someone not boarded, or whose identity does not match', () => {
    const f = new Flight().add(1, 2, 3).board(1, 2, 3).depart();
    refusedWith(
      () => decideReceive(f.state, 't1', MATCH, ctxAt(50, RECEIVER)),
      'rule_refusal',
      /after arrival/,
    );
    f.except(3, 'medical_diversion').arrive();
    refusedWith(
      () => decideReceive(f.state, 't1', NO_MATCH, ctxAt(50, RECEIVER)),
      'rule_refusal',
      /did not match.*exception/,
    );
    refusedWith(
      () =>
        decideReceive(
          f.state,
          't1',
          { method: 'retina', matched: true, checkedBy: 'x' } as never,
          ctxAt(50, RECEIVER),
        ),
      'invalid_input',
      /identity check/,
    );
    refusedWith(
      () => decideReceive(f.state, 't3', MATCH, ctxAt(50, RECEIVER)),
      'rule_refusal',
      /only a person who boarded/,
    );
    refusedWith(() => decideReceive(f.state, 't1', MATCH, ctxAt(50)), 'forbidden', /receiving_officer/);
    f.receive(1);
    refusedWith(
      () => decideReceive(f.state, 't1', MATCH, ctxAt(50, RECEIVER)),
      'rule_refusal',
      /is received/,
    );
  });

  it('refuses exceptions without explanation, of unknown kind, or at the wrong time', () => {
    const f = new Flight().add(1, 2).board(1);
    refusedWith(
      () => decideException(f.state, 't1', 'returned_before_departure', '  ', ctxAt(5)),
      'invalid_input',
      /needs an explanation/,
    );
    refusedWith(
      () => decideException(f.state, 't1', 'escaped' as ManifestExceptionKind, 'x', ctxAt(5)),
      'invalid_input',
      /not a manifest exception/,
    );
    refusedWith(
      () => decideException(f.state, 't1', 'medical_diversion', 'fainted', ctxAt(5)),
      'rule_refusal',
      /Before departure use returned_before_departure/,
    );
    f.except(2, 'returned_before_departure').depart();
    refusedWith(
      () => decideException(f.state, 't1', 'returned_before_departure', 'x', ctxAt(50)),
      'rule_refusal',
      /After departure use/,
    );
    refusedWith(
      () => decideException(f.state, 't1', 'missing_after_transport', 'x', ctxAt(50)),
      'rule_refusal',
      /is departed/,
    );
    f.arrive().receive(1);
    refusedWith(
      () => decideException(f.state, 't1', 'missing_after_transport', 'x', ctxAt(50, RECEIVER)),
      'rule_refusal',
      /accounted for once/,
    );
    refusedWith(
      () => decideException(f.state, 't1', 'returned_before_departure', 'x', ctxAt(50, RECEIVER)),
      'forbidden',
      /sending_officer/,
    );
  });

  it('refuses closing before arrival or while anyone boarded is unaccounted, naming them', () => {
    const f = new Flight().add(1, 2, 3).board(1, 2, 3).depart();
    refusedWith(() => decideClose(f.state, ctxAt(50, RECEIVER)), 'rule_refusal', /Record the arrival/);
    f.arrive().receive(2);
    refusedWith(
      () => decideClose(f.state, ctxAt(50, RECEIVER)),
      'rule_refusal',
      /t1, t3 boarded but are neither/,
    );
    refusedWith(() => decideClose(f.state, ctxAt(50)), 'forbidden', /receiving_officer/);
  });

  it('refuses out-of-order events on replay', () => {
    const f = new Flight().add(1).board(1);
    const created = f.events[0]!;
    expect(() => evolveManifest(f.state, created)).toThrow(/already exists/);
    const departed = decideDepart(f.state, ctxAt(10));
    const arrivedLater = decideArrive(evolveManifest(f.state, departed), ctxAt(20, RECEIVER));
    expect(() => evolveManifest(f.state, arrivedLater)).toThrow(/it is open/);
    expect(() => evolveManifest(null, departed)).toThrow(/not created/);
    expect(replayManifest([])).toBeNull();
  });
});

type Op =
  | { op: 'board' | 'remove' | 'receive'; i: number }
  | { op: 'exception'; i: number; kind: ManifestExceptionKind }
  | { op: 'receive_mismatch'; i: number }
  | { op: 'depart' | 'arrive' | 'close' };

const opArb = (n: number): fc.Arbitrary<Op> => {
  const i = fc.nat(n - 1);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('board', 'remove', 'receive' as const), i }) },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('exception' as const),
        i,
        kind: fc.constantFrom(...MANIFEST_EXCEPTIONS),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('receive_mismatch' as const), i }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('depart', 'arrive', 'close' as const) }) },
  );
};

function decideOp(state: ManifestState, op: Op, minute: number): ManifestEvent {
  const s = ctxAt(minute, SENDER);
  const r = ctxAt(minute, RECEIVER);
  switch (op.op) {
    case 'board':
      return decideBoard(state, `t${op.i}`, s);
    case 'remove':
      return decideRemoveTransfer(state, `t${op.i}`, s);
    case 'receive':
      return decideReceive(state, `t${op.i}`, MATCH, r);
    case 'receive_mismatch':
      return decideReceive(state, `t${op.i}`, NO_MATCH, r);
    case 'exception':
      return decideException(
        state,
        `t${op.i}`,
        op.kind,
        'explained',
        op.kind === 'returned_before_departure' ? s : r,
      );
    case 'depart':
      return decideDepart(state, s);
    case 'arrive':
      return decideArrive(state, r);
    case 'close':
      return decideClose(state, r);
  }
}

describe('manifest properties', () => {
  const scenario = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      before: fc.array(opArb(n), { maxLength: 20 }),
      settle: fc.boolean(),
      after: fc.array(opArb(n), { maxLength: 20 }),
    }),
  );

  it('reconciles: counts hold, nobody received unboarded, close succeeds iff everyone boarded is accounted for', () => {
    fc.assert(
      fc.property(scenario, ({ n, before, settle, after }) => {
        const f = new Flight();
        for (let i = 0; i < n; i++) f.apply(decideAddTransfer(f.state, transfer(i), ctxAt(0)));
        let minute = 1;
        const boarded = new Set<string>();
        const accounted = new Set<string>();
        const check = () => {
          const r = reconcile(f.state);
          const everBoarded = f.state.entries.filter((e) => e.boardedAt !== null);
          expect(r.boarded).toBe(r.received + r.exceptions + r.unaccounted.length);
          expect(r.boarded).toBe(boarded.size);
          expect(new Set(r.unaccounted)).toEqual(new Set([...boarded].filter((t) => !accounted.has(t))));
          for (const e of f.state.entries) if (e.status === 'received') expect(e.boardedAt).not.toBeNull();
          const allAccounted = everBoarded.every((e) => e.status === 'received' || e.status === 'exception');
          const canClose = (() => {
            try {
              decideClose(f.state, ctxAt(minute, RECEIVER));
              return true;
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              return false;
            }
          })();
          if (f.state.status === 'arrived') expect(canClose).toBe(allAccounted);
          else expect(canClose).toBe(false);
          const a = alarm(f.state, ctxAt(minute + 1000).now);
          expect(a !== null).toBe(f.state.status === 'arrived' && !allAccounted);
        };
        const run = (op: Op) => {
          minute += 1;
          let event: ManifestEvent;
          try {
            event = decideOp(f.state, op, minute);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            return;
          }
          f.apply(event);
          if (event.type === 'manifest.boarded') boarded.add(event.transferId);
          if (event.type === 'manifest.received') {
            expect(boarded.has(event.transferId)).toBe(true);
            accounted.add(event.transferId);
          }
          if (event.type === 'manifest.exception' && boarded.has(event.transferId))
            accounted.add(event.transferId);
          if (event.type === 'manifest.closed') expect(allAccountedFor(f.state)).toBe(true);
          check();
        };
        check();
        for (const op of before) run(op);
        if (settle) {
          for (const e of f.state.entries) {
            if (e.status === 'added')
              run({ op: 'exception', i: Number(e.transferId.slice(1)), kind: 'returned_before_departure' });
          }
        }
        run({ op: 'depart' });
        run({ op: 'arrive' });
        for (const op of after) run(op);
        expect(replayManifest(f.events)).toEqual(f.state);
      }),
      { numRuns: 300 },
    );
  });

  it('after arrival, closing succeeds exactly when every boarded person is received or excepted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('receive', 'missing', 'diverted', 'nothing' as const), {
          minLength: 1,
          maxLength: 8,
        }),
        (fates) => {
          const f = new Flight();
          fates.forEach((_, i) => {
            f.add(i).board(i);
          });
          f.depart();
          fates.forEach((fate, i) => {
            if (fate === 'diverted') f.except(i, 'medical_diversion');
          });
          f.arrive();
          fates.forEach((fate, i) => {
            if (fate === 'receive') f.receive(i);
            if (fate === 'missing') f.except(i, 'missing_after_transport', RECEIVER);
          });
          const left = fates.flatMap((fate, i) => (fate === 'nothing' ? [`t${i}`] : []));
          if (left.length === 0) {
            expect(decideClose(f.state, ctxAt(999, RECEIVER)).type).toBe('manifest.closed');
          } else {
            refusedWith(
              () => decideClose(f.state, ctxAt(999, RECEIVER)),
              'rule_refusal',
              new RegExp(left.join(', ')),
            );
            expect(alarm(f.state, ctxAt(999).now)?.unaccounted).toEqual(left);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('nobody is in two places: a transfer is held by at most one unclosed manifest', () => {
    const op = fc.record({
      op: fc.constantFrom('add', 'add', 'remove', 'return' as const),
      t: fc.nat(4),
      m: fc.nat(2),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const flights = [0, 1, 2].map((m) => new Flight(COMMAND, `m${m}`));
        ops.forEach(({ op: kind, t, m }, step) => {
          const f = flights[m]!;
          const elsewhere = new Set(flights.filter((g) => g !== f).flatMap((g) => transfersHeld(g.state)));
          const c = ctxAt(step + 1);
          try {
            if (kind === 'add') f.apply(decideAddTransfer(f.state, transfer(t), c, elsewhere));
            else if (kind === 'remove') f.apply(decideRemoveTransfer(f.state, `t${t}`, c));
            else f.apply(decideException(f.state, `t${t}`, 'returned_before_departure', 'stayed', c));
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
          const held = flights.flatMap((g) => transfersHeld(g.state));
          expect(new Set(held).size).toBe(held.length);
        });
      }),
      { numRuns: 300 },
    );
  });
});

function allAccountedFor(state: ManifestState): boolean {
  return state.entries.every(
    (e) => e.boardedAt === null || e.status === 'received' || e.status === 'exception',
  );
}

describe('manifest refusals in Spanish', () => {
  function refusal(fn: () => unknown): DomainError {
    try {
      fn();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a DomainError, but the call succeeded');
  }

  it('closing with people unaccounted for names them, the rule source and the fix in Spanish', () => {
    const f = new Flight().add(1, 2, 3).board(1, 2, 3).depart().arrive().receive(2);
    const e = refusal(() => decideClose(f.state, ctxAt(50, RECEIVER)));
    expect(e.messageKey).toBe('manifest.close_unaccounted');
    expect(e.localized('es')).toBe(
      'El manifiesto m1 no puede cerrarse: t1, t3 embarcaron pero no han sido recibidos ni están justificados ' +
        '(docs/domain.md, Transport manifests). Reciba a cada uno con una verificación de identidad o ' +
        'registre una excepción explicada.',
    );
  });

  it('a decision the manifest state does not allow names both states in Spanish words, and what to do', () => {
    const f = new Flight().add(1).board(1).depart();
    const e = refusal(() => decideBoard(f.state, 't1', ctxAt(50)));
    expect(e.message).toMatch(/^Manifest m1 is departed; boarding needs it to be open/);
    expect(e.details.what).toBe('boarding');
    expect(e.localized('es')).toBe(
      'El manifiesto m1 está en estado «partió»; para embarcar debe estar en estado «abierto» ' +
        '(docs/domain.md, Transport manifests). El embarque se confirma antes de la salida; no puede ' +
        'añadirse después.',
    );
    const twice = refusal(() => decideException(f.state, 't1', 'returned_before_departure', 'x', ctxAt(50)));
    expect(twice.localized('es')).toMatch(
      /^El manifiesto m1 está en estado «partió»; para una excepción de «devuelto antes de la salida» \(returned_before_departure\)/,
    );
  });
});
