/**
 * Parties and representation (docs/domain.md, Parties, users and access): every user acts for a party, and
 * a law office's clients are the people a representation names it for. Both are projected from ledger
 * events. A party's code is unique without case or accents (`code_key`).
 */
export const statements = [
  `CREATE TABLE parties (
    id         uuid PRIMARY KEY,
    kind       text NOT NULL,
    code       text NOT NULL,
    code_key   text NOT NULL UNIQUE,
    name       text NOT NULL,
    person_id  uuid REFERENCES people (id),
    created_at timestamptz NOT NULL,
    CHECK ((kind = 'family_contact') = (person_id IS NOT NULL))
  )`,
  `CREATE TABLE representations (
    id           uuid PRIMARY KEY,
    person_id    uuid NOT NULL REFERENCES people (id),
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    office_id    uuid NOT NULL REFERENCES parties (id),
    from_date    date NOT NULL,
    to_date      date,
    source       text NOT NULL,
    confirmed_at timestamptz,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text NOT NULL,
    CHECK (to_date IS NULL OR to_date >= from_date)
  )`,
  `CREATE INDEX representations_office ON representations (office_id, person_id)`,
  `CREATE INDEX representations_person ON representations (person_id)`,
];
