/**
 * A person's custody intervals, newest first: the people list shows each person's latest interval (open
 * or the one they were released from), and a person's custody page lists them all. Without it both read
 * every interval of every facility for each person.
 */
export const statements = [
  `CREATE INDEX custody_intervals_person ON custody_intervals (person_id, started_at DESC)`,
];
