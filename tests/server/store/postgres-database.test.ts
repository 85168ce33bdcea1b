/** Opening a PostgreSQL database: the committed migrations apply, once, even when two servers start together. */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isPostgresUrl } from '../../../server/store/database-url.ts';
import { openPostgres, type PostgresConnection } from '../../../server/store/postgres-database.ts';
import { newPostgresDatabase } from '../../helpers/postgres.ts';
import { openSqliteForTest } from '../../helpers/sql-dialects.ts';

const journal = JSON.parse(readFileSync(new URL('../../../server/store/migrations-pg/meta/_journal.json', import.meta.url), 'utf8')) as {
  entries: unknown[];
};

async function open(url: string): Promise<PostgresConnection> {
  const connection = await openPostgres(url);
  onTestFinished(() => connection.close());
  return connection;
}

async function appliedMigrations(connection: PostgresConnection): Promise<number> {
  const { rows } = await connection.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return rows[0]!.n;
}

describe('openPostgres', () => {
  it('applies every migration to an empty database: the tables and the triggers SQLite has', async () => {
    const connection = await open(await newPostgresDatabase());
    expect(await appliedMigrations(connection)).toBe(journal.entries.length);

    const sqlite = await openSqliteForTest();
    onTestFinished(() => sqlite.close());
    const names = async (rows: Promise<{ name: string }[]>) => (await rows).map((r) => r.name).sort();
    expect(
      await names(
        connection.db
          .execute<{ name: string }>(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)
          .then((r) => r.rows),
      ),
    ).toEqual(
      await names(
        sqlite.rows(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name <> 'sqlite_sequence' AND name NOT LIKE 'comments_search%'`,
        ),
      ),
    );
    const triggers = await names(
      connection.db.execute<{ name: string }>(sql`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal`).then((r) => r.rows),
    );
    expect(triggers).toEqual(
      await names(sqlite.rows(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'comments_search_%'`)),
    );
    expect(triggers).toHaveLength(14);
    // The admin search's index, each database's own kind: SQLite's FTS5 trigram table (kept by
    // three triggers), PostgreSQL's pg_trgm GIN indexes.
    expect(
      await names(sqlite.rows(`SELECT name FROM sqlite_master WHERE name LIKE 'comments_search%' AND type IN ('table', 'trigger')`)),
    ).toEqual([
      'comments_search',
      'comments_search_config',
      'comments_search_data',
      'comments_search_delete',
      'comments_search_docsize',
      'comments_search_idx',
      'comments_search_insert',
      'comments_search_update',
    ]);
    expect(
      await names(
        connection.db
          .execute<{ name: string }>(
            sql`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'comments' AND indexdef LIKE '%gin_trgm_ops%'`,
          )
          .then((r) => r.rows),
      ),
    ).toEqual(['comments_author_email_trigrams', 'comments_author_name_trigrams', 'comments_body_trigrams']);
  });

  it('lets two servers that start together both open it, applying each migration once', async () => {
    const url = await newPostgresDatabase();
    const [first, second] = await Promise.all([open(url), open(url)]);
    expect(await appliedMigrations(first)).toBe(journal.entries.length);
    // Both work on the result.
    await first.pool.query(`INSERT INTO sites (id, name) VALUES ('a', 'A')`);
    expect((await second.pool.query('SELECT name FROM sites')).rows).toEqual([{ name: 'A' }]);

    // A later start finds nothing to do and keeps the data.
    const third = await open(url);
    expect(await appliedMigrations(third)).toBe(journal.entries.length);
    expect((await third.pool.query('SELECT count(*)::int AS n FROM sites')).rows).toEqual([{ n: 1 }]);
  });

  it('takes postgres:// and postgresql:// URLs; anything else is a SQLite file', async () => {
    expect(isPostgresUrl('postgres://u:p@db.example/riposte')).toBe(true);
    expect(isPostgresUrl('postgresql://db.example/riposte')).toBe(true);
    expect(isPostgresUrl('./data/riposte.db')).toBe(false);
    expect(isPostgresUrl('/var/lib/postgres://x')).toBe(false);
    await expect(openPostgres('./data/riposte.db')).rejects.toThrow(/postgres:\/\/ or postgresql:\/\/ URL/);
  });

  it('says why when the database cannot be reached', async () => {
    const url = new URL(await newPostgresDatabase());
    url.password = 'wrong';
    await expect(openPostgres(url.href)).rejects.toThrow(/password authentication failed/);
  });
});
