/**
 * The public statistics' releases (docs/domain.md, Public statistics): each published release, projected
 * from its `statistics.published` ledger event, with the figures as published and their hash, so the
 * public API serves exactly what the ledger holds (docs/decisions/0024-public-statistics.md).
 */
export const statements = [
  `CREATE TABLE statistics_releases (
    id           uuid PRIMARY KEY,
    ledger_seq   integer NOT NULL UNIQUE,
    scope        text NOT NULL CHECK (scope IN ('facility', 'agreement')),
    subject      text NOT NULL,
    from_date    date NOT NULL,
    to_date      date NOT NULL,
    on_date      date NOT NULL,
    hash         text NOT NULL,
    figures      jsonb NOT NULL,
    revises      uuid REFERENCES statistics_releases (id),
    published_at timestamptz NOT NULL,
    published_by text NOT NULL
  )`,
  `CREATE INDEX statistics_releases_by_parameters
     ON statistics_releases (scope, subject, from_date, to_date, on_date, ledger_seq DESC)`,
];
