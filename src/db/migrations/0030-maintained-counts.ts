/**
 * Counts the dashboard shows, kept by the projectors in the same transaction as the events (decision
 * 0030), so reading them costs one row per agreement or facility whatever the roster's size: the people on
 * each agreement's roster (not withdrawn) and the transferees in custody at each facility (open custody
 * intervals). `ledger verify` compares them with a replay like every read table.
 *
 * Existing installations start from a count of what is there: a row for every agreement with a person
 * and every facility with an interval, as replaying their events creates.
 */
export const statements = [
  `CREATE TABLE roster_counts (
    agreement_id uuid PRIMARY KEY REFERENCES agreements (id),
    people       int8 NOT NULL CHECK (people >= 0)
  )`,
  `INSERT INTO roster_counts (agreement_id, people)
    SELECT agreement_id, count(*) FILTER (WHERE withdrawn_reason IS NULL) FROM people GROUP BY agreement_id`,
  `CREATE TABLE facility_occupancy (
    facility_id  uuid PRIMARY KEY REFERENCES facilities (id),
    transferees  int8 NOT NULL CHECK (transferees >= 0)
  )`,
  `INSERT INTO facility_occupancy (facility_id, transferees)
    SELECT facility_id, count(*) FILTER (WHERE ended_at IS NULL) FROM custody_intervals GROUP BY facility_id`,
];
