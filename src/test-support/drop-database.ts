import pg from 'pg';

/**
 * Drops a test database on the PostgreSQL server at `url`. A plain DROP DATABASE, retried a few times:
 * the server stops an autovacuum worker that is still on the database by itself, whereas `WITH (FORCE)`
 * would try to terminate it and fail for a role without pg_signal_backend (as in CI).
 */
export async function dropTestDatabase(url: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name}`);
      return;
    } catch (error) {
      if (attempt >= 6) throw error;
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
  }
}
