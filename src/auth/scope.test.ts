import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActorParties,
  covers,
  NO_PARTIES,
  type PolicyActor,
  type PolicySubject,
  SCOPES_IN_ORDER,
  type Scope,
  visibility,
} from './policy.js';

/** The scopes of the access policy, tried on their own: who each admits, and that a missing fact admits nobody. */

const OFFICE = 'office-1';
const COURT = 'd.d.c.';
const PERSON = 'person-1';

function actor(parties: Partial<ActorParties>): PolicyActor {
  return { id: 'user:x', role: 'counsel', parties: { ...NO_PARTIES, ...parties } };
}

const subject = (facts: Partial<PolicySubject>): PolicySubject => ({ kind: 'person', id: PERSON, ...facts });

describe('the scopes of the access policy', () => {
  it('admit a law office its clients, a court its cases, a family contact its person, a monitor the unsealed', () => {
    expect(covers('own_clients', actor({ partyIds: [OFFICE] }), subject({ representedBy: [OFFICE] }))).toBe(
      true,
    );
    expect(covers('own_clients', actor({ partyIds: ['other'] }), subject({ representedBy: [OFFICE] }))).toBe(
      false,
    );
    expect(covers('own_courts', actor({ courts: [COURT, 's.d. tex.'] }), subject({ courts: [COURT] }))).toBe(
      true,
    );
    expect(covers('own_courts', actor({ courts: ['s.d. tex.'] }), subject({ courts: [COURT] }))).toBe(false);
    expect(covers('own_person', actor({ people: [PERSON] }), subject({ personId: PERSON }))).toBe(true);
    expect(covers('own_person', actor({ people: ['person-2'] }), subject({ personId: PERSON }))).toBe(false);
    expect(covers('unsealed', actor({}), subject({ sealed: false }))).toBe(true);
    expect(covers('unsealed', actor({}), subject({ sealed: true }))).toBe(false);
  });

  it('admit nobody when the subject lacks the fact a scope turns on, or the actor has no party (deny by default)', () => {
    const everything = actor({ partyIds: [OFFICE], courts: [COURT], people: [PERSON] });
    for (const scope of SCOPES_IN_ORDER.filter((s) => s !== 'all')) {
      expect(covers(scope, everything, subject({})), scope).toBe(false);
      expect(
        covers(
          scope,
          { id: 'user:y', role: 'counsel' },
          subject({ representedBy: [OFFICE], courts: [COURT], personId: PERSON }),
        ),
        scope,
      ).toBe(false);
    }
    expect(covers('all', { id: 'system:x', role: 'system' }, subject({}))).toBe(true);
  });

  it('are monotone: a subject with more facts for the actor is never less visible (property)', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.constantFrom<Scope>(...SCOPES_IN_ORDER),
        fc.record({ partyIds: fc.array(ids), courts: fc.array(ids), people: fc.array(ids) }),
        fc.record({
          representedBy: fc.array(ids),
          courts: fc.array(ids),
          personId: ids,
          sealed: fc.boolean(),
        }),
        ids,
        (scope, parties, facts, extra) => {
          const a = actor(parties);
          const before = covers(scope, a, subject(facts));
          const more = subject({
            ...facts,
            representedBy: [...facts.representedBy, extra],
            courts: [...facts.courts, extra],
          });
          return !before || covers(scope, a, more);
        },
      ),
    );
  });
});

describe('visibility, the list form of a scope', () => {
  it('is none for a role without the grant, and all for a role granted everything', () => {
    expect(visibility({ id: 'user:x', role: 'nobody' }, 'people:read')).toEqual({ kind: 'none' });
    expect(visibility({ id: 'user:x', role: 'admin' }, 'people:read')).toEqual({ kind: 'all' });
    expect(visibility({ id: 'system:x', role: 'system' }, 'people:read')).toEqual({ kind: 'all' });
  });
});
