import { epochDayOf, isoOfEpochDay, LAST_REPRESENTABLE_DAY } from '../core/days.js';
import type { Conviction, PersonRecord } from '../people/model.js';

/**
 * Sentence arithmetic (docs/domain.md, People → Conviction): release date = start + term − credits, and a
 * sentence consecutive to another starts the day after the other ends.
 *
 * All arithmetic is on integer day numbers (days since 1970-01-01); a Temporal.PlainDate is made only at
 * the end. Terms of several hundred years (CECOT holds people serving 200+ years) are a few hundred
 * thousand days, far inside the safe-integer range, so nothing overflows.
 *
 * Decisions where docs/domain.md is silent:
 * - Derived start. A consecutive sentence starts on the later of its recorded start and the day after
 *   the previous sentence's release date. Two terms of a consecutive chain cannot be served at once, so
 *   a recorded start that is earlier than the previous release (a clerical start, often the judgment
 *   date) is overridden; a recorded start that is later (the term was imposed later) is kept, because
 *   a sentence cannot run before it exists.
 * - Life anywhere earlier in a chain makes every later sentence of the chain life: it never starts.
 * - Beyond representable. Temporal.PlainDate stops at +275760-09-13. A release date past that is beyond
 *   any lifetime and is reported as `{ kind: 'life', beyondRepresentable: true }`, which every rule
 *   treats exactly like a life sentence. Release dates after year 9999 but before that limit are written
 *   in ISO 8601 expanded form, e.g. `+010250-01-01`, as Temporal writes them.
 * - A sentence consecutive to a conviction that has no sentence starts on its own recorded start.
 */

/** A release date: a calendar date, or life (including a date beyond what a calendar can represent). */
export type ReleaseDate = { kind: 'date'; date: string } | { kind: 'life'; beyondRepresentable?: true };

/** The release of one sentence as a day number, or life / beyond representable. */
type ReleaseDay = number | 'life' | 'beyond';

/** An index of a person's convictions by id, for following `consecutiveTo`. */
export function convictionsById(convictions: readonly Conviction[]): ReadonlyMap<string, Conviction> {
  return new Map(convictions.map((c) => [c.id, c]));
}

/** Release days already computed, by conviction id: a chain is walked once per person, not once per link. */
type Memo = Map<string, ReleaseDay | null>;

/**
 * The release of a conviction's sentence as a day number. It walks `consecutiveTo` back to the first
 * sentence of the chain (or to one already computed), then forward, adding each term. A reference to
 * a missing conviction or a loop throws: the person schema refuses both, so they are programming errors,
 * never silent guesses.
 */
function releaseDay(
  conviction: Conviction,
  byId: ReadonlyMap<string, Conviction>,
  memo: Memo = new Map(),
): ReleaseDay | null {
  const known = memo.get(conviction.id);
  if (known !== undefined) return known;
  if (!conviction.sentence) return null;
  if (!conviction.sentence.consecutiveTo) {
    // The common case, a sentence on its own: no chain to walk.
    const day = sentenceEnd(conviction.sentence, null);
    memo.set(conviction.id, day);
    return day;
  }
  const chain: Conviction[] = [conviction];
  const seen = new Set<string>([conviction.id]);
  let previous: ReleaseDay | null = null;
  for (let to: string | null | undefined = conviction.sentence.consecutiveTo; to; ) {
    const before = byId.get(to);
    if (!before) {
      throw new RangeError(
        `Conviction ${chain.at(-1)?.id} is consecutive to ${to}, which is not one of the person's convictions; validate the record with personRecordSchema first.`,
      );
    }
    if (seen.has(before.id)) {
      throw new RangeError(
        `Consecutive sentences loop through conviction ${before.id}; validate the record with personRecordSchema first.`,
      );
    }
    const computed = memo.get(before.id);
    if (computed !== undefined) {
      previous = computed;
      break;
    }
    if (!before.sentence) break;
    seen.add(before.id);
    chain.push(before);
    to = before.sentence.consecutiveTo;
  }
  for (const link of chain.reverse()) {
    const sentence = link.sentence;
    if (!sentence) continue;
    // Nothing after a life sentence (or one beyond any date) in a chain ever starts: it stays so.
    if (previous === 'life' || previous === 'beyond') {
      memo.set(link.id, previous);
      continue;
    }
    previous = sentenceEnd(sentence, previous);
    memo.set(link.id, previous);
  }
  return previous;
}

/** The day a sentence starts: its recorded start, or the day after `previous` (a release day) if later. */
function sentenceStart(sentence: NonNullable<Conviction['sentence']>, previous: number | null): number {
  const recorded = epochDayOf(sentence.start);
  return previous === null ? recorded : Math.max(recorded, previous + 1);
}

/** The release of one sentence that starts no earlier than the day after `previous` (a release day). */
function sentenceEnd(sentence: NonNullable<Conviction['sentence']>, previous: number | null): ReleaseDay {
  if ('life' in sentence) return 'life';
  const end: number = sentenceStart(sentence, previous) + sentence.days - sentence.creditDays;
  return end > LAST_REPRESENTABLE_DAY ? 'beyond' : end;
}

function toReleaseDate(day: ReleaseDay): ReleaseDate {
  if (day === 'life') return { kind: 'life' };
  if (day === 'beyond') return { kind: 'life', beyondRepresentable: true };
  return { kind: 'date', date: isoOfEpochDay(day) };
}

/**
 * The release date of a conviction's sentence, following `consecutiveTo` back along the chain;
 * `null` when the conviction carries no sentence. E.g. 10950 days from 2021-06-01 → 2051-05-25.
 */
export function releaseDate(
  conviction: Conviction,
  byId: ReadonlyMap<string, Conviction>,
): ReleaseDate | null {
  const day = releaseDay(conviction, byId);
  return day === null ? null : toReleaseDate(day);
}

/** The latest release over a person's final sentences, and the conviction it comes from. */
export interface LatestRelease {
  convictionId: string;
  release: ReleaseDate;
}

/**
 * The latest release date over the person's FINAL convictions that carry a sentence (a sentence under
 * appeal or collateral review does not count, docs/domain.md `convicted`); `null` when there is none.
 */
export function latestRelease(person: Pick<PersonRecord, 'convictions'>): LatestRelease | null {
  // The index is only read to follow `consecutiveTo`; most people have no consecutive sentence.
  const byId = person.convictions.some((c) => c.sentence?.consecutiveTo)
    ? convictionsById(person.convictions)
    : NO_CONVICTIONS;
  const memo: Memo = new Map();
  let best: { convictionId: string; day: ReleaseDay } | null = null;
  for (const conviction of person.convictions) {
    if (!conviction.final) continue;
    const day = releaseDay(conviction, byId, memo);
    if (day === null) continue;
    if (best === null || later(day, best.day)) best = { convictionId: conviction.id, day };
  }
  return best && { convictionId: best.convictionId, release: toReleaseDate(best.day) };
}

const NO_CONVICTIONS: ReadonlyMap<string, Conviction> = new Map();

function rank(d: ReleaseDay): number {
  return d === 'life' ? 2 : d === 'beyond' ? 1 : 0;
}

/** Life outranks beyond-representable, which outranks any date. */
function later(a: ReleaseDay, b: ReleaseDay): boolean {
  if (rank(a) !== rank(b)) return rank(a) > rank(b);
  return typeof a === 'number' && typeof b === 'number' && a > b;
}

/**
 * Whole days from `asOf` to the latest release on final sentences: 0 when already past, `Infinity` for
 * life (or a release beyond any representable date), `null` when the person has no final sentence.
 */
export function remainingDays(person: PersonRecord, asOf: string): number | null {
  const latest = latestRelease(person);
  if (!latest) return null;
  return daysUntil(latest.release, asOf);
}

/** Whole days from `asOf` until a release: 0 when already past, `Infinity` for life. */
export function daysUntil(release: ReleaseDate, asOf: string): number {
  if (release.kind === 'life') return Number.POSITIVE_INFINITY;
  const end = epochDayOf(release.date);
  return Math.max(0, end - epochDayOf(asOf));
}

/** One sentence of a person as the release-date breakdown shows it: how its release was reached. */
export interface SentenceLine {
  convictionId: string;
  /** Final convictions count towards the person's release; one under appeal or review is shown only. */
  final: boolean;
  recordedStart: string;
  /**
   * The start the arithmetic used: the recorded start, or the day after the previous sentence of the
   * chain if later; `null` when the sentence never starts (it follows a life sentence in a chain).
   */
  start: string | null;
  /** The term in days; `null` for life. */
  days: number | null;
  creditDays: number;
  consecutiveTo: string | null;
  release: ReleaseDate;
}

/**
 * Every sentence of a person with its derived start and release, in the record's order: the rule
 * breakdown behind `latestRelease`, computed by the same walk. E.g. 365 days from 2024-01-01 with 30
 * days' credit, consecutive to nothing → start 2024-01-01, release 2024-12-01.
 */
export function sentenceBreakdown(person: Pick<PersonRecord, 'convictions'>): SentenceLine[] {
  const byId = convictionsById(person.convictions);
  const memo: Memo = new Map();
  const lines: SentenceLine[] = [];
  for (const conviction of person.convictions) {
    const sentence = conviction.sentence;
    if (!sentence) continue;
    const to = sentence.consecutiveTo ?? null;
    const before = to ? byId.get(to) : undefined;
    const previous = before ? releaseDay(before, byId, memo) : null;
    const day = releaseDay(conviction, byId, memo);
    const startDay =
      previous === 'life' || previous === 'beyond'
        ? null
        : sentenceStart(sentence, typeof previous === 'number' ? previous : null);
    // A start past the last day a calendar can write never comes: shown as no start, like after a life term.
    const start = startDay === null || startDay > LAST_REPRESENTABLE_DAY ? null : isoOfEpochDay(startDay);
    lines.push({
      convictionId: conviction.id,
      final: conviction.final,
      recordedStart: sentence.start,
      start,
      days: 'days' in sentence ? sentence.days : null,
      creditDays: sentence.creditDays,
      consecutiveTo: to,
      release: toReleaseDate(day ?? 'life'),
    });
  }
  return lines;
}
