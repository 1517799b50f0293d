/**
 * Users tied to their parties, and sealed records (docs/domain.md, Parties, users and access). A user acts
 * for one party, or for several courts; the scopes of the access policy are computed from these rows.
 * A sealed person's record is hidden from monitors and the public locator, and still counted.
 */
export const statements = [
  `CREATE TABLE user_parties (
    user_id   uuid NOT NULL REFERENCES users (id),
    party_id  uuid NOT NULL REFERENCES parties (id),
    joined_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, party_id)
  )`,
  `CREATE TABLE person_seals (
    person_id  uuid PRIMARY KEY REFERENCES people (id),
    court      text NOT NULL,
    order_ref  text NOT NULL,
    sealed_on  date NOT NULL,
    sealed_at  timestamptz NOT NULL,
    sealed_by  text NOT NULL
  )`,
];
