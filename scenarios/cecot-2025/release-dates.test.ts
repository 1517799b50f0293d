import { describe, expect, it } from 'vitest';
import { dashboard } from '../../src/oversight/dashboard.js';
import { type PersonRecord, storedPersonRecordSchema } from '../../src/people/model.js';
import { compute, inputsHashOf, inputsOf } from '../../src/releases/model.js';
import { releasesDue } from '../../src/releases/service.js';
import { calculationsOf } from '../../src/releases/store.js';
import { anActor, testEngine } from '../../src/test-support/context.js';
import { STORY_OPTIONS, storyContext } from '../../src/test-support/scenario-template.js';

/**
 * The acceptance test of release dates: for every person in the scenario, a deliberately simple
 * computation written here from the raw sentence data (it does not call src/eligibility/sentence.ts)
 * agrees with the release date and breakdown the system stored, and with what it would compute.
 */

const DAY = 86_400_000;
/** The last day JavaScript's Date can hold: a release past it is treated as life, as the system does. */
const LAST_DAY = Date.parse('+275760-09-13T00:00:00Z') / DAY;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().split('T')[0];

type End = number | 'life' | null;

/** Each sentence's start and end, and the person's release: the latest end over final sentences. */
function independent(record: PersonRecord) {
  const byId = new Map(record.convictions.map((c) => [c.id, c]));
  const starts = new Map<string, number | null>();
  const ends = new Map<string, End>();
  function end(id: string): End {
    const known = ends.get(id);
    if (known !== undefined) return known;
    const s = byId.get(id)?.sentence;
    let result: End = null;
    if (s) {
      const previous = s.consecutiveTo ? end(s.consecutiveTo) : null;
      if (previous === 'life') {
        starts.set(id, null);
        result = 'life';
      } else {
        const start = previous === null ? dayOf(s.start) : Math.max(dayOf(s.start), previous + 1);
        starts.set(id, start > LAST_DAY ? null : start);
        if ('life' in s) result = 'life';
        else {
          const e = start + s.days - s.creditDays;
          result = e > LAST_DAY ? 'life' : e;
        }
      }
    }
    ends.set(id, result);
    return result;
  }
  let release: End = null;
  for (const c of record.convictions) {
    const e = end(c.id);
    if (!c.final || e === null) continue;
    if (release === 'life' || e === 'life') release = 'life';
    else release = release === null ? e : Math.max(release, e);
  }
  const lines = record.convictions.flatMap((c) => {
    if (!c.sentence) return [];
    const e = end(c.id);
    const start = starts.get(c.id) ?? null;
    return [
      {
        convictionId: c.id,
        start: start === null ? null : isoOf(start),
        release: e === 'life' || e === null ? 'life' : isoOf(e),
      },
    ];
  });
  const text = release === null ? 'none' : release === 'life' ? 'life' : isoOf(release);
  return { release: text, lines };
}

/** A stored or computed result in the independent computation's words. */
function words(result: { kind: 'date'; date: string } | { kind: 'life' } | { kind: 'none' }): string {
  return result.kind === 'date' ? result.date : result.kind;
}

describe(`release dates in the cecot-2025 story on ${testEngine}`, () => {
  it('agree with an independent computation for every person, and show the releases due and the overdue alarm', async () => {
    // The story the run loaded once (src/test-support/scenario-template.ts), with its roster of 120.
    expect(STORY_OPTIONS).toMatchObject({ roster: 120, cohort: 18 });
    const { ctx } = await storyContext({ now: '2025-12-15T18:00:00Z' });
    try {
      const db = ctx.handle.db;
      const people = await db.selectFrom('people').select(['id', 'ref', 'record']).orderBy('ref').execute();
      const held = new Set(
        (
          await db.selectFrom('custody_intervals').select('person_id').where('ended_at', 'is', null).execute()
        ).map((r) => r.person_id),
      );
      let checked = 0;
      let stored = 0;
      let chains = 0;
      let lives = 0;
      for (const p of people) {
        const record: PersonRecord = storedPersonRecordSchema.parse(p.record);
        const expected = independent(record);
        if (record.convictions.some((c) => c.sentence?.consecutiveTo)) chains++;
        if (expected.release === 'life') lives++;
        // What the system computes for anyone, in or out of custody.
        const computed = compute(inputsOf(record));
        expect({ ref: p.ref, release: words(computed.result) }).toEqual({
          ref: p.ref,
          release: expected.release,
        });
        expect(
          computed.breakdown.map((l) => ({
            convictionId: l.convictionId,
            start: l.start,
            release: words(l.release),
          })),
        ).toEqual(expected.lines);
        checked++;
        // What it stored: everyone held has a calculation in force, made on their current record.
        const [current] = await calculationsOf(db, p.id);
        if (held.has(p.id)) expect(current, `${p.ref} is held and has a release date`).toBeDefined();
        if (!current) continue;
        stored++;
        expect(current.inputsHash).toBe(inputsHashOf(inputsOf(record)));
        expect({ ref: p.ref, release: words(current.result) }).toEqual({
          ref: p.ref,
          release: expected.release,
        });
        expect(
          current.breakdown.map((l) => ({
            convictionId: l.convictionId,
            start: l.start,
            release: words(l.release),
          })),
        ).toEqual(expected.lines);
      }
      expect(checked).toBe(people.length);
      // Everyone held, and the June man the court ordered returned: his calculation stays on record.
      expect(stored).toBe(held.size + 1);
      // 16 of the cohort of 18 and the 12 Venezuelans of the April flight.
      expect(held.size).toBe(16 + 12);
      // The roster carries the hard cases: consecutive chains and life terms.
      expect(chains).toBeGreaterThan(0);
      expect(lives).toBeGreaterThan(0);

      // On 2025-12-15: the April man held past 2025-10-31 is the alarm; three releases fall due by March.
      const board = await dashboard(ctx);
      expect(board.alarms.overdueReleases.map((r) => [r.ref, r.releaseDate, r.days])).toEqual([
        ['ICE-2025-E00002', '2025-10-31', 45],
      ]);
      const due = await releasesDue(ctx, anActor('monitor'), { facility: 'SV-CECOT' });
      expect(due.items.map((r) => [r.ref, r.status, r.releaseDate])).toEqual([
        ['ICE-2025-E00002', 'overdue', '2025-10-31'],
        ['ICE-2025-E00006', 'due', '2026-01-09'],
        ['ICE-2025-E00007', 'due', '2026-02-20'],
        ['ICE-2025-E00009', 'due', '2026-03-05'],
      ]);
    } finally {
      await ctx.handle.close();
    }
  }, 600_000);
});
