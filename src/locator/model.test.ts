import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import {
  aNumberDigits,
  type CustodyFacts,
  deriveStatus,
  findMatch,
  foundAnswer,
  type LocatorCandidate,
  matches,
  nameKey,
  parseLocatorQuery,
} from './model.js';

const josé: LocatorCandidate = {
  personId: 'p1',
  names: { given: 'José Luis', paternal: 'Hernández', maternal: 'García' },
  birthDate: '1990-05-12',
  birthCountry: 'SV',
  identifiers: [
    { type: 'bop_register', value: '12345-678' },
    { type: 'a_number', value: 'A123456789' },
  ],
};

function byName(name: string, birthDate: string | undefined = '1990-05-12', birthCountry = 'SV') {
  return parseLocatorQuery({ name, birthCountry, birthDate });
}

function refusal(run: () => unknown): { key: string; field: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { key: error.messageKey, field: error.params.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Each letter in a random case, with its accent or without. */
const spelled = (text: string) =>
  fc
    .array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: text.length, maxLength: text.length })
    .map((flips) =>
      [...text]
        .map((ch, i) => {
          const [upper, strip] = flips[i] ?? [false, false];
          const bare = strip ? ch.normalize('NFD').replace(/\p{M}/gu, '') : ch;
          return upper ? bare.toUpperCase() : bare.toLowerCase();
        })
        .join(''),
    );

describe('matching a locator query', () => {
  it('finds the person by A-number and country of birth, however the A-number is written', () => {
    for (const aNumber of ['A123456789', 'a123456789', '123456789', 'A-123-456-789', 'A 123 456 789']) {
      expect(matches(parseLocatorQuery({ aNumber, birthCountry: 'SV' }), josé)).toBe(true);
    }
    expect(matches(parseLocatorQuery({ aNumber: 'A123456789', birthCountry: 'sv' }), josé)).toBe(true);
    // An 8-digit A-number is the 9-digit one with a leading zero.
    const short = { ...josé, identifiers: [{ type: 'a_number', value: 'A12345678' }] };
    expect(matches(parseLocatorQuery({ aNumber: 'A012345678', birthCountry: 'SV' }), short)).toBe(true);
  });

  it('never matches another country of birth, another identifier type, or a record without a birth country', () => {
    expect(matches(parseLocatorQuery({ aNumber: 'A123456789', birthCountry: 'GT' }), josé)).toBe(false);
    expect(matches(parseLocatorQuery({ aNumber: '12345678', birthCountry: 'SV' }), josé)).toBe(false);
    const bopOnly = { ...josé, identifiers: [{ type: 'bop_register', value: '123456789' }] };
    expect(matches(parseLocatorQuery({ aNumber: '123456789', birthCountry: 'SV' }), bopOnly)).toBe(false);
    const unknownBirth = { ...josé, birthCountry: undefined };
    expect(matches(parseLocatorQuery({ aNumber: 'A123456789', birthCountry: 'SV' }), unknownBirth)).toBe(
      false,
    );
  });

  it('a single changed digit of the A-number never matches', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, shift) => {
        const digits = [...'123456789'];
        digits[position] = String((Number(digits[position]) + shift) % 10);
        const query = parseLocatorQuery({ aNumber: `A${digits.join('')}`, birthCountry: 'SV' });
        return !matches(query, josé) && findMatch(query, [josé]) === null;
      }),
    );
  });

  it('finds the person by full name, with or without the maternal surname, with the birth date and country', () => {
    expect(matches(byName('José Luis Hernández García'), josé)).toBe(true);
    expect(matches(byName('José Luis Hernández'), josé)).toBe(true);
    expect(matches(byName('  jose   luis HERNANDEZ  garcia '), josé)).toBe(true);
  });

  it('is invariant to accents, letter case and repeated spaces', () => {
    fc.assert(
      fc.property(
        spelled('José Luis Hernández García'),
        fc.array(fc.constantFrom(' ', '  ', '\t'), { minLength: 3, maxLength: 3 }),
        (name, gaps) => {
          const words = name.split(' ');
          const spaced = words.map((w, i) => `${w}${i < gaps.length ? (gaps[i] ?? ' ') : ''}`).join('');
          return matches(byName(spaced), josé) && nameKey(spaced) === nameKey('jose luis hernandez garcia');
        },
      ),
    );
  });

  it('never matches part of a name, another order of the names, or the names of someone else', () => {
    for (const name of [
      'José Hernández',
      'Luis Hernández García',
      'José Luis',
      'José Luis García',
      'Hernández García José Luis',
      'José Luis Hernández Garcí',
      'José Luis Hernández García López',
    ]) {
      expect(matches(byName(name), josé), name).toBe(false);
    }
  });

  it('a missing or different birth date, or another country of birth, is no match', () => {
    const undated = parseLocatorQuery({ name: 'José Luis Hernández', birthCountry: 'SV' });
    expect(undated).toMatchObject({ form: 'name', birthDate: null });
    expect(matches(undated, josé)).toBe(false);
    expect(matches(byName('José Luis Hernández', '1990-05-13'), josé)).toBe(false);
    expect(matches(byName('José Luis Hernández', '1990-05-12', 'HN'), josé)).toBe(false);
  });

  it('answers no match when two people match the same query: it never chooses, and never says there were two', () => {
    const twin = { ...josé, personId: 'p2', identifiers: [{ type: 'a_number', value: 'A987654321' }] };
    expect(findMatch(byName('José Luis Hernández'), [josé, twin])).toBeNull();
    expect(findMatch(byName('José Luis Hernández'), [josé])).toBe('p1');
    // The same person found twice (both name forms) is still one person.
    expect(findMatch(byName('José Luis Hernández García'), [josé, josé])).toBe('p1');
  });

  it('a record holding both surnames in the paternal field answers only to the whole name', () => {
    const oneField = { ...josé, names: { given: 'José Luis', paternal: 'Hernández García', maternal: null } };
    expect(matches(byName('José Luis Hernández García'), oneField)).toBe(true);
    expect(matches(byName('José Luis Hernández'), oneField)).toBe(false);
  });
});

describe('checking a locator query', () => {
  it('refuses an incomplete query, naming the field', () => {
    expect(refusal(() => parseLocatorQuery({}))).toEqual({
      key: 'locator.query_incomplete',
      field: 'aNumber',
    });
    expect(refusal(() => parseLocatorQuery({ aNumber: 'A123456789' }))).toEqual({
      key: 'locator.query_incomplete',
      field: 'birthCountry',
    });
    expect(refusal(() => parseLocatorQuery({ name: 'José', birthCountry: ' ' }))).toEqual({
      key: 'locator.query_incomplete',
      field: 'birthCountry',
    });
  });

  it('refuses a malformed A-number, an unknown country, a bad date, and both forms at once', () => {
    for (const aNumber of ['B123456789', 'A1234567', 'A1234567890', 'A12345678x', '']) {
      if (aNumber === '') continue;
      expect(refusal(() => parseLocatorQuery({ aNumber, birthCountry: 'SV' }))).toEqual({
        key: 'locator.a_number_malformed',
        field: 'aNumber',
      });
    }
    expect(refusal(() => parseLocatorQuery({ aNumber: 'A123456789', birthCountry: 'XX' }))).toEqual({
      key: 'locator.birth_country_unknown',
      field: 'birthCountry',
    });
    for (const date of ['1990-02-30', '0000-01-01', '12/05/1990']) {
      expect(refusal(() => byName('José Luis Hernández', date))).toEqual({
        key: 'locator.birth_date_invalid',
        field: 'birthDate',
      });
    }
    expect(
      refusal(() => parseLocatorQuery({ aNumber: 'A123456789', name: 'José', birthCountry: 'SV' })),
    ).toEqual({ key: 'locator.query_both', field: 'name' });
  });

  it('reads A-numbers as nine digits', () => {
    expect(aNumberDigits('A123456789')).toBe('123456789');
    expect(aNumberDigits('A12345678')).toBe('012345678');
    expect(aNumberDigits('A1234567')).toBeNull();
  });
});

const at = (iso: string) => new Date(iso);
const none: CustodyFacts = { intervals: [], boardings: [], returns: [] };

describe('the locator status', () => {
  it('is in custody while an interval is open, whatever else was recorded', () => {
    const facts: CustodyFacts = {
      intervals: [
        { facilityId: 'f1', startedAt: at('2025-03-15T22:00:00Z'), endedAt: null, releaseReason: null },
      ],
      boardings: [{ facilityId: 'f1', boardedAt: at('2025-03-15T15:00:00Z') }],
      returns: [{ at: at('2025-04-01T00:00:00Z'), facilityId: 'f1' }],
    };
    expect(deriveStatus(facts)).toEqual({
      status: 'in_custody',
      since: at('2025-03-15T22:00:00Z'),
      facilityId: 'f1',
    });
  });

  it('is in transit from boarding until intake, towards the manifest facility', () => {
    const boarded = { ...none, boardings: [{ facilityId: 'f1', boardedAt: at('2025-03-15T15:00:00Z') }] };
    expect(deriveStatus(boarded)).toEqual({
      status: 'in_transit',
      since: at('2025-03-15T15:00:00Z'),
      facilityId: 'f1',
    });
  });

  it('is released, or returned for a court-ordered return, from the end of custody', () => {
    const ended = (releaseReason: string) => ({
      ...none,
      intervals: [
        {
          facilityId: 'f1',
          startedAt: at('2025-03-15T22:00:00Z'),
          endedAt: at('2025-06-01T10:00:00Z'),
          releaseReason,
        },
      ],
    });
    expect(deriveStatus(ended('sentence_served')).status).toBe('released');
    expect(deriveStatus(ended('court_ordered_return'))).toEqual({
      status: 'returned',
      since: at('2025-06-01T10:00:00Z'),
      facilityId: 'f1',
    });
  });

  it('takes the latest of the closed facts: boarding again after a release is in transit', () => {
    const facts: CustodyFacts = {
      intervals: [
        {
          facilityId: 'f1',
          startedAt: at('2025-03-15T22:00:00Z'),
          endedAt: at('2025-05-01T00:00:00Z'),
          releaseReason: 'transfer_other_facility',
        },
      ],
      boardings: [
        { facilityId: 'f1', boardedAt: at('2025-03-15T15:00:00Z') },
        { facilityId: 'f2', boardedAt: at('2025-05-02T09:00:00Z') },
      ],
      returns: [],
    };
    expect(deriveStatus(facts)).toMatchObject({ status: 'in_transit', facilityId: 'f2' });
  });

  it('is not in custody, since nothing, with no facility, for someone never held', () => {
    expect(deriveStatus(none)).toEqual({ status: 'not_in_custody', since: null, facilityId: null });
  });

  it('answers with exactly the contract fields, the time on the facility clock, never a cell', () => {
    const answer = foundAnswer(
      { status: 'in_custody', since: at('2025-03-15T22:04:00Z'), facilityId: 'f1' },
      {
        code: 'SV-CECOT',
        name: 'CECOT',
        address: 'Tecoluca, San Vicente, El Salvador',
        timeZone: 'America/El_Salvador',
      },
    );
    expect(Object.keys(answer).sort()).toEqual(['facility', 'match', 'since', 'status']);
    expect(answer).toEqual({
      match: true,
      status: 'in_custody',
      since: '2025-03-15T16:04:00-06:00',
      facility: { code: 'SV-CECOT', name: 'CECOT', address: 'Tecoluca, San Vicente, El Salvador' },
    });
    expect(new Date(answer.match ? (answer.since ?? '') : '').toISOString()).toBe('2025-03-15T22:04:00.000Z');
  });

  it('never answers a field beyond the contract, whatever the facility row carries', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string()),
        fc.constantFrom('in_custody', 'in_transit', 'released', 'returned'),
        (extra, status) => {
          const facility = { ...extra, code: 'F', name: 'N', address: null, timeZone: 'UTC', cell: 'M1-C01' };
          const answer = foundAnswer(
            { status, since: at('2025-01-01T00:00:00Z'), facilityId: 'f' },
            facility,
          );
          return (
            answer.match &&
            Object.keys(answer).sort().join() === 'facility,match,since,status' &&
            Object.keys(answer.facility ?? {})
              .sort()
              .join() === 'address,code,name'
          );
        },
      ),
    );
  });
});
