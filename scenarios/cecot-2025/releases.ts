import { epochDayOf } from '../../src/core/days.js';
import type { PersonRecordInput } from '../../src/people/model.js';

/**
 * Releases in the scenario's last months (docs/domain.md, Release dates): a few people of the eligible
 * cohort have shorter terms, so their release dates fall near the end of the story (2025-12-15). Each
 * still has more than the 180 days the agreement asks left at their flight. The April man's date passes
 * while he is held and nobody releases him: the dashboard's overdue-release alarm names him.
 */
export const SCENARIO_RELEASES = [
  // April flight, second man: due 2025-10-31, still held at the end of the story (the alarm).
  { flight: 0, position: 1, release: '2025-10-31' },
  // June flight, second man (the first flies back on a court-ordered return), and the July and August
  // flights' first man: releases due in the 90 days after 2025-12-15.
  { flight: 2, position: 1, release: '2026-01-09' },
  { flight: 3, position: 0, release: '2026-02-20' },
  { flight: 4, position: 0, release: '2026-03-05' },
] as const;

/**
 * The person with their one sentence cut so that it ends on `release`: the term is counted from the
 * recorded start and the credits are kept, so start + term − credits = release. A life term becomes a
 * term of days.
 */
export function releasedOn(person: PersonRecordInput, release: string): PersonRecordInput {
  return {
    ...person,
    convictions: (person.convictions ?? []).map((c) => {
      if (!c.sentence) return c;
      const creditDays = c.sentence.creditDays ?? 0;
      const days = epochDayOf(release) - epochDayOf(c.sentence.start) + creditDays;
      return { ...c, sentence: { days, start: c.sentence.start, creditDays, consecutiveTo: null } };
    }),
  };
}
