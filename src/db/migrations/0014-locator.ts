/**
 * The public locator (docs/domain.md, Locator): a facility's postal address, which the locator gives
 * families and counsel, and the record of every lookup a signed-in user made. A lookup that matched
 * nobody keeps no trace of what was asked (docs/decisions/0020-public-locator.md).
 */
export const statements = [
  `ALTER TABLE facilities ADD COLUMN address text`,
  `CREATE TABLE locator_lookups (
    id           uuid PRIMARY KEY,
    actor        text NOT NULL,
    role         text NOT NULL,
    person_id    uuid REFERENCES people (id),
    query_form   text NOT NULL CHECK (query_form IN ('a_number', 'name')),
    channel      text NOT NULL CHECK (channel IN ('api', 'cli')),
    looked_up_at timestamptz NOT NULL
  )`,
  `CREATE INDEX locator_lookups_time ON locator_lookups (looked_up_at DESC, id)`,
];
