/**
 * Isolation at CECOT as reported (docs/domain.md, The shipped scenario): dark punishment cells, for up to
 * 15 days. Two men of the first flight are placed in the facility's last cell, recorded by receiving
 * custody when each placement starts and when it ends (10:00 in San Salvador). Nothing here is longer than
 * 15 days, so the compliance report's isolation findings are the dark cell's, day by day.
 */
export const REPORTED_ISOLATION = [
  {
    ref: 'ICE-2025-E00001',
    startedAt: '2025-04-20T16:00:00.000Z',
    endedAt: '2025-05-05T16:00:00.000Z',
    reason: 'Disciplinary sanction: refused to return to the cell after the corridor period.',
  },
  {
    ref: 'ICE-2025-E00002',
    startedAt: '2025-04-25T16:00:00.000Z',
    endedAt: '2025-05-05T16:00:00.000Z',
    reason: 'Disciplinary sanction: possession of a prohibited object.',
  },
] as const;

/** Who authorises a placement at CECOT, as the reports name the post (no person is named). */
export const ISOLATION_AUTHORITY = 'Director of the facility (CECOT)';
