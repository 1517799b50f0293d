/**
 * Small-count suppression for the public statistics (docs/domain.md, Public statistics;
 * docs/decisions/0024-public-statistics.md). Pure.
 *
 * Every published table is a group: a total and the parts it is the sum of. The rules:
 * - a count from 1 to 9 is shown as `<10` (primary suppression); 0 and counts of 10 or more are shown;
 * - a group whose total is 1–9 publishes its total as `<10` and no breakdown at all: every nonzero part
 *   would be under 10 too, and the number of nonzero parts alone bounds them;
 * - otherwise the total is always published, so groups that share a total (population by nationality and
 *   by legal status; releases by reason and custody length) cannot be played against each other;
 * - within a group, while a reader could pin a suppressed part to a single value from the total and the
 *   published parts, the smallest nonzero published part is suppressed too, shown as `x` (complementary
 *   suppression); when no part is left to suppress, the breakdown is withheld.
 *
 * A reader knows the rules, so reads `<10` as 1–9 and `x` as at least 10; `feasibleRange` is exactly what
 * such a reader can conclude about one suppressed part, and a group is published only when that range
 * holds more than one value for every suppressed part.
 */

/** A count under 10 (and over 0), not shown. */
export const UNDER_TEN = '<10';
/** A count of 10 or more, not shown so that a count under 10 in its table cannot be worked out. */
export const COMPLEMENTARY = 'x';

/** A published count: the number, or one of the two suppression marks. */
export type PublishedCount = number | typeof UNDER_TEN | typeof COMPLEMENTARY;

/** A published group: its total and, unless withheld, its parts in the input's order. */
export interface PublishedGroup<K extends string = string> {
  total: PublishedCount;
  /** Null when the breakdown is withheld (a total under 10, or no safe suppression pattern). */
  parts: { key: K; count: PublishedCount }[] | null;
}

/** Whether a count must be hidden as `<10`. */
export function isSmall(n: number): boolean {
  return n >= 1 && n <= 9;
}

/** The published form of a lone count (a count that is nobody's part and has no parts). */
export function publishCount(n: number): PublishedCount {
  return isSmall(n) ? UNDER_TEN : n;
}

/** The values a reader knows a mark stands for: `<10` is 1–9, `x` at least 10 (capped at `cap`). */
function domainOf(mark: PublishedCount, cap: number): [number, number] {
  if (mark === UNDER_TEN) return [1, 9];
  if (mark === COMPLEMENTARY) return [10, Math.max(cap, 10)];
  return [mark, mark];
}

/**
 * What a reader who knows the rules can conclude about the suppressed part at `index`: the least and the
 * greatest value consistent with the published total and every other published or marked part.
 * Every value in between is feasible too (each other part ranges over an interval).
 */
export function feasibleRange(
  total: number,
  marks: readonly PublishedCount[],
  index: number,
): [number, number] {
  let known = 0;
  let othersMin = 0;
  let othersMax = 0;
  marks.forEach((m, i) => {
    if (typeof m === 'number') {
      known += m;
      return;
    }
    if (i === index) return;
    const [lo, hi] = domainOf(m, total);
    othersMin += lo;
    othersMax += hi;
  });
  const residual = total - known;
  const [lo, hi] = domainOf(marks[index] ?? 0, total);
  return [Math.max(lo, residual - othersMax), Math.min(hi, residual - othersMin)];
}

/** Whether some suppressed part could be pinned to one value. */
function pinned(total: number, marks: readonly PublishedCount[]): boolean {
  return marks.some((m, i) => {
    if (typeof m === 'number') return false;
    const [lo, hi] = feasibleRange(total, marks, i);
    return hi <= lo;
  });
}

/**
 * Suppresses one group: `total` must be the sum of `parts`. `protectedKeys` are parts published elsewhere
 * (so never chosen as the complementary part: a reader would read them off the other table).
 */
export function suppressGroup<K extends string>(
  total: number,
  parts: readonly { key: K; count: number }[],
  protectedKeys: readonly K[] = [],
): PublishedGroup<K> {
  if (isSmall(total)) return { total: UNDER_TEN, parts: null };
  const marks: PublishedCount[] = parts.map((p) => publishCount(p.count));
  while (pinned(total, marks)) {
    // The smallest nonzero published part not published elsewhere; ties by position, for stable output.
    let pick = -1;
    parts.forEach((p, i) => {
      if (typeof marks[i] !== 'number' || p.count === 0 || protectedKeys.includes(p.key)) return;
      if (pick < 0 || p.count < (parts[pick]?.count ?? 0)) pick = i;
    });
    if (pick < 0) return { total, parts: null };
    marks[pick] = COMPLEMENTARY;
  }
  return { total, parts: parts.map((p, i) => ({ key: p.key, count: marks[i] ?? 0 })) };
}
