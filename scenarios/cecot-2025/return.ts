/**
 * The court-ordered return of 2025 (issue 17; docs/domain.md, Release dates, returns and repatriation).
 * Shaped like the reported case of a man sent despite a court order, then ordered brought back: on the June
 * flight a habeas petition's order reaches the court's record only after the plane has left, so the system
 * can no longer stop him and says so (the hold is an alert on a person in transit). Two weeks later the
 * court orders his return; the receiving officer flies him back on a return manifest and the sending
 * officer records his handover to ICE by name. Synthetic: the case number and the officer are invented.
 */
export const RETURN_STORY = {
  /** The flight he was sent on: the June flight (index in FLIGHT_DATES). */
  flightIndex: 2,
  court: 'U.S. District Court, D.D.C.',
  case: '1:25-cv-01893',
  /** The habeas order is recorded at 15:30 Chicago time on the flight day, after the 14:00 departure. */
  holdRecordedAt: '15:30',
  /** The court's order of return, 26 June 2025, 10:00 in Washington (14:00 UTC). */
  orderedAt: '2025-06-26T14:00:00.000Z',
  /** The return manifest is created on 30 June, 09:00 in San Salvador. */
  manifestCreatedAt: '2025-06-30T15:00:00.000Z',
  carrier: 'GlobalX',
  flightNumber: 'GXA 6198',
  /** Boarding at 09:30 and departure at 10:00 in San Salvador on 2 July; arrival three hours later. */
  boardingAt: '2025-07-02T15:30:00.000Z',
  departure: '2025-07-02T16:00:00.000Z',
  arrival: '2025-07-02T19:00:00.000Z',
  handoverAt: '2025-07-02T19:30:00.000Z',
  handover: { agency: 'US-ICE', officer: 'Deportation Officer M. Castellanos' },
} as const;
