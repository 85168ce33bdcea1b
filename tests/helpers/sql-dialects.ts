/**
 * The same migrated database on each dialect, for tests that expect the same answers from both:
 * behind one small interface of raw SQL, or as drizzle connections with the tables paired.
 */
import { is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openSqlite, type Connection } from '../../server/store/database.ts';
import { openPostgres, resetIdSequences, type PostgresConnection } from '../../server/store/postgres-database.ts';
import * as postgresSchema from '../../server/store/postgres-schema.ts';
import * as sqliteSchema from '../../server/store/schema.ts';
import { tempDir } from './test-app.ts';

const sqliteByName: Record<string, unknown> = { ...sqliteSchema };

export interface SqlDatabase {
  /** Runs one statement, or several separated by semicolons. */
  run(statements: string): Promise<void>;
  rows<T>(query: string): Promise<T[]>;
  /** After inserting rows with their own ids: the next id made by the database is past them (as a restore must). */
  idsInserted(): Promise<void>;
  close(): Promise<void>;
}

/**
 * For a describe block: a database opened with `open` and holding `baseline` (rows with their
 * own ids) before its tests, closed after them. Returns a getter, live inside the tests.
 */
export function useBaselineDatabase(open: () => Promise<SqlDatabase>, baseline: string): () => SqlDatabase {
  let db: SqlDatabase | undefined;
  beforeAll(async () => {
    db = await open();
    await db.run(baseline);
    await db.idsInserted();
  });
  afterAll(() => db?.close());
  return () => db!;
}

/** A new SQLite file in a temporary folder, opened and migrated as the server does it; closing removes it. */
async function openMigratedSqlite(): Promise<{ connection: Connection; close(): void }> {
  const dir = tempDir();
  const database = await openSqlite(`${dir.path}/riposte.db`);
  return {
    connection: database.writer,
    close() {
      database.close();
      dir.remove();
    },
  };
}

/** A new SQLite file, migrated, behind the raw SQL interface. */
export async function openSqliteForTest(): Promise<SqlDatabase> {
  const opened = await openMigratedSqlite();
  const { sqlite } = opened.connection;
  return {
    async run(statements) {
      sqlite.exec(statements);
    },
    async rows<T>(query: string) {
      return sqlite.prepare(query).all() as T[];
    },
    // AUTOINCREMENT follows explicit ids by itself.
    async idsInserted() {},
    async close() {
      opened.close();
    },
  };
}

/** The PostgreSQL database at `url`, migrated as the server does it, over one connection (so BEGIN and ROLLBACK hold). */
export async function openPostgresForTest(url: string): Promise<SqlDatabase> {
  const connection = await openPostgres(url, { max: 1 });
  const client: pg.PoolClient = await connection.pool.connect();
  return {
    async run(statements) {
      await client.query(statements);
    },
    async rows<T>(query: string) {
      return (await client.query(query)).rows as T[];
    },
    async idsInserted() {
      await resetIdSequences(drizzle(client));
    },
    async close() {
      client.release();
      await connection.close();
    },
  };
}

/** Each table of schema.ts with its PostgreSQL twin, under its export name and its SQL name. */
export const PAIRED_TABLES: { exportName: string; name: string; sqlite: SQLiteTable; postgres: PgTable }[] = Object.entries(
  postgresSchema,
).map(([exportName, postgres]) => {
  const sqlite = sqliteByName[exportName];
  if (!is(sqlite, SQLiteTable)) throw new Error(`schema.ts has no table ${exportName}`);
  return { exportName, name: getTableConfig(postgres).name, sqlite, postgres };
});

/** Drizzle over a new SQLite file and over the PostgreSQL database at `url()`, both migrated, for a describe's tests. */
export function useDialectConnections(url: () => string): { readonly sqlite: Connection; readonly postgres: PostgresConnection } {
  let sqlite: Awaited<ReturnType<typeof openMigratedSqlite>> | undefined;
  let postgres: PostgresConnection | undefined;
  beforeAll(async () => {
    sqlite = await openMigratedSqlite();
    postgres = await openPostgres(url());
  });
  afterAll(async () => {
    sqlite?.close();
    await postgres?.close();
  });
  const opened = <T>(connection: T | undefined): T => {
    if (connection === undefined) throw new Error('the connections open in beforeAll: use them in a test');
    return connection;
  };
  return {
    get sqlite() {
      return opened(sqlite).connection;
    },
    get postgres() {
      return opened(postgres);
    },
  };
}
