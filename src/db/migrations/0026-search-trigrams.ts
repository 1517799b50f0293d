/**
 * Search by name or ref at roster scale (decision 0030): a trigram index over the stored search text, so
 * `search_text LIKE '%word%'` is answered by the index instead of reading every person. The search text is
 * already normalised by the application (lower case, accents removed, spaces collapsed: `searchable` in
 * src/people/model.ts), live and in replay alike, so the index needs `pg_trgm` alone; `unaccent` would be
 * a second normalisation that could disagree with the first.
 *
 * The partial index holds only the people on the roster (not withdrawn), as every search asks.
 */
export const statements = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `CREATE INDEX people_search_trgm ON people USING gin (search_text gin_trgm_ops) WHERE withdrawn_reason IS NULL`,
];
