import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import {
  clientsOf,
  codeKey,
  decideConfirmation,
  decideEnd,
  decideParty,
  decideRepresentation,
  inForce,
  type Representation,
  rangesOverlap,
} from './model.js';

const now = new Date('2026-03-01T12:00:00Z');
let n = 0;
const newId = () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const office = { id: 'office-1', kind: 'law_office' as const, code: 'Abogados Unidos' };

function refused(fn: () => unknown, key: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).messageKey).toBe(key);
    return;
  }
  throw new Error(`expected ${key}`);
}

const rep = (over: Partial<Representation> = {}): Representation => ({
  id: 'rep-1',
  personId: 'person-1',
  agreementId: 'agreement-1',
  officeId: office.id,
  from: '2025-03-01',
  to: null,
  source: 'recorded',
  confirmedAt: '2025-03-01T00:00:00.000Z',
  ...over,
});

describe('parties', () => {
  it('compares codes without case, accents or runs of spaces', () => {
    expect(codeKey('  Defensoría   Pública ')).toBe('defensoria publica');
    expect(codeKey('D.D.C.')).toBe(codeKey('d.d.c.'));
  });

  it('refuses a code another party has, whatever its case or accents', () => {
    refused(
      () =>
        decideParty(
          { kind: 'law_office', code: 'DEFENSORIA publica', name: '', personId: null },
          [{ code: 'Defensoría Pública', kind: 'law_office' }],
          now,
          newId,
        ),
      'party.code_taken',
    );
  });

  it('ties a family contact, and only a family contact, to one person', () => {
    refused(
      () =>
        decideParty(
          { kind: 'family_contact', code: 'Familia Pérez', name: '', personId: null },
          [],
          now,
          newId,
        ),
      'party.family_needs_person',
    );
    refused(
      () => decideParty({ kind: 'court', code: 'D.D.C.', name: '', personId: 'person-1' }, [], now, newId),
      'party.person_only_for_family',
    );
    const family = decideParty(
      { kind: 'family_contact', code: 'Familia Pérez', name: 'María Pérez', personId: 'person-1' },
      [],
      now,
      newId,
    );
    expect(family).toMatchObject({ kind: 'family_contact', personId: 'person-1', name: 'María Pérez' });
  });

  it('names a party by its code when no name is given', () => {
    const court = decideParty({ kind: 'court', code: ' D.D.C. ', name: ' ', personId: null }, [], now, newId);
    expect(court).toMatchObject({ code: 'D.D.C.', name: 'D.D.C.' });
  });
});

describe('representation', () => {
  const input = {
    personId: 'person-1',
    agreementId: 'agreement-1',
    office,
    from: '2025-03-01',
    to: null,
    source: 'recorded' as const,
  };

  it('is recorded only for a law office, never ending before it starts', () => {
    refused(
      () => decideRepresentation({ ...input, office: { ...office, kind: 'court' } }, [], now, newId),
      'party.not_a_law_office',
    );
    refused(
      () => decideRepresentation({ ...input, to: '2025-02-28' }, [], now, newId),
      'party.representation_ends_before_start',
    );
    expect(decideRepresentation(input, [], now, newId)).toMatchObject({ officeId: office.id, to: null });
  });

  it('refuses a second representation by the same office that overlaps the first', () => {
    refused(
      () => decideRepresentation({ ...input, from: '2026-01-01' }, [rep()], now, newId),
      'party.representation_overlaps',
    );
    // After the first ended, or by another office, it is fine.
    expect(() =>
      decideRepresentation({ ...input, from: '2026-01-01' }, [rep({ to: '2025-12-31' })], now, newId),
    ).not.toThrow();
    expect(() =>
      decideRepresentation({ ...input, from: '2026-01-01' }, [rep({ officeId: 'office-2' })], now, newId),
    ).not.toThrow();
  });

  it('is in force from its first day to its last, once confirmed', () => {
    const r = rep({ to: '2025-06-30' });
    expect(inForce(r, '2025-02-28')).toBe(false);
    expect(inForce(r, '2025-03-01')).toBe(true);
    expect(inForce(r, '2025-06-30')).toBe(true);
    expect(inForce(r, '2025-07-01')).toBe(false);
    expect(inForce(rep({ source: 'appearance', confirmedAt: null }), '2025-04-01')).toBe(false);
  });

  it('confirms a notice of appearance once', () => {
    const filed = rep({ source: 'appearance', confirmedAt: null });
    expect(decideConfirmation(filed, now).at).toBe(now.toISOString());
    refused(() => decideConfirmation(rep(), now), 'party.representation_already_confirmed');
  });

  it('ends on a day not before it began, and an end is brought forward, never pushed back', () => {
    refused(() => decideEnd(rep(), '2025-02-01', now), 'party.representation_ends_before_start');
    expect(decideEnd(rep(), '2025-09-30', now).to).toBe('2025-09-30');
    expect(decideEnd(rep({ to: '2025-12-31' }), '2025-09-30', now).to).toBe('2025-09-30');
    refused(
      () => decideEnd(rep({ to: '2025-09-30' }), '2025-12-31', now),
      'party.representation_already_ended',
    );
  });

  const day = fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const range = fc
    .tuple(day, fc.option(day, { nil: null }))
    .map(([a, b]) => (b !== null && b < a ? { from: b, to: a } : { from: a, to: b }));

  it('two ranges overlap exactly when some day lies in both (property)', () => {
    fc.assert(
      fc.property(range, range, day, (a, b, d) => {
        const inA = a.from <= d && (a.to === null || d <= a.to);
        const inB = b.from <= d && (b.to === null || d <= b.to);
        // A shared day implies overlap; overlap is symmetric.
        if (inA && inB) expect(rangesOverlap(a, b)).toBe(true);
        expect(rangesOverlap(a, b)).toBe(rangesOverlap(b, a));
      }),
    );
  });

  it('an office never holds two representations of one person in force on the same day (property)', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), day, (ranges, d) => {
        const kept: Representation[] = [];
        for (const [i, r] of ranges.entries()) {
          try {
            const recorded = decideRepresentation({ ...input, ...r }, kept, now, newId);
            kept.push(rep({ id: `rep-${i}`, from: recorded.from, to: recorded.to }));
          } catch (error) {
            expect((error as DomainError).messageKey).toBe('party.representation_overlaps');
          }
        }
        expect(kept.filter((r) => inForce(r, d)).length).toBeLessThanOrEqual(1);
        expect(clientsOf(kept, office.id, d).size).toBe(kept.some((r) => inForce(r, d)) ? 1 : 0);
      }),
    );
  });
});
