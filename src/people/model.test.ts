import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadIf } from '../core/events.js';
import { seededIds } from '../core/ids.js';
import { aPerson } from '../test-support/factories.js';
import {
  decideUpsert,
  PEOPLE_EVENTS,
  type PersonRecord,
  personEvent,
  personRecordSchema,
  searchable,
} from './model.js';

const record = (overrides = {}): PersonRecord => personRecordSchema.parse(aPerson(overrides));

describe('upsert by ref', () => {
  it('registers a new ref, ignores an identical record, and revises naming exactly the changed fields', () => {
    const ids = seededIds(1, 0);
    const first = record();
    const registered = decideUpsert('a', undefined, first, 'h1', ids);
    expect(registered?.type).toBe(PEOPLE_EVENTS.registered);
    const state = {
      personId: registered!.payload.personId,
      recordHash: 'h1',
      record: first,
      withdrawn: false,
    };
    expect(decideUpsert('a', state, first, 'h1', ids)).toBeNull();
    fc.assert(
      fc.property(fc.constantFrom('aliases', 'legalStatus', 'sex'), (field) => {
        const changed = {
          aliases: { aliases: ['Otro Alias'] },
          legalStatus: { legalStatus: 'asylum_seeker' },
          sex: { sex: 'X' },
        }[field];
        const revised = decideUpsert('a', state, record(changed), 'h2', ids);
        expect(revised?.type).toBe(PEOPLE_EVENTS.revised);
        expect(payloadIf(personEvent.revised, revised!)?.changed).toEqual([field]);
      }),
    );
  });
});

describe('the person schema', () => {
  it('refuses unknown keys, so a misspelt field is never silently dropped', () => {
    const parsed = personRecordSchema.safeParse({ ...aPerson(), protection: [] });
    expect(parsed.success).toBe(false);
  });

  it('refuses a loop of consecutive sentences and credits longer than the term', () => {
    const conviction = aPerson().convictions![0]!;
    const loop = personRecordSchema.safeParse(
      aPerson({
        convictions: [
          { ...conviction, id: 'c1', sentence: { days: 10, start: '2020-01-01', consecutiveTo: 'c2' } },
          { ...conviction, id: 'c2', sentence: { days: 10, start: '2020-01-01', consecutiveTo: 'c1' } },
        ],
      }),
    );
    expect(loop.success).toBe(false);
    expect(JSON.stringify(loop.error?.issues)).toContain('loop');
    const credits = personRecordSchema.safeParse(
      aPerson({
        convictions: [{ ...conviction, sentence: { days: 10, start: '2020-01-01', creditDays: 11 } }],
      }),
    );
    expect(credits.success).toBe(false);
  });

  it('searches without accents or case', () => {
    expect(searchable('  José  NÚÑEZ ')).toBe('jose nunez');
  });
});
