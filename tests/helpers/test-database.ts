/**
 * The database a test app runs on, as the vitest project says (vitest.config.ts): a SQLite file
 * in a temporary folder, or a PostgreSQL database copied from the run's migrated template
 * (tests/helpers/postgres-global-setup.ts). Either way a test starts on an empty database.
 */
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgInteger } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, inject, onTestFinished } from 'vitest';
import * as postgresSchema from '../../server/store/postgres-schema.ts';
import { createDatabase, dropDatabase } from './postgres-server.ts';
import { tempDir } from './temp-dir.ts';

/** 'sqlite' or 'postgres': which database this project's test apps use (SQLite for a benchmark, run outside vitest). */
export const TEST_DATABASE = process.env.VITEST ? inject('testDatabase') : 'sqlite';

export interface TestDatabase {
  /** What `--db` takes: the file, or the URL. */
  location: string;
  /** Where the admin view spools uploads (beside a SQLite file; the system's temporary folder with PostgreSQL). */
  uploadDir: string;
}

/**
 * Every table emptied and its ids starting from 1 again, as on a new database. DELETE with
 * foreign keys off (replica role; the tests' user is the cluster's superuser) takes a few
 * milliseconds on these small tables, where TRUNCATE takes about a hundred; identities restart at 1.
 */
const EMPTY_ALL = `SET session_replication_role = replica;
${Object.values(postgresSchema)
  .map((table) => `DELETE FROM "${getTableName(table)}";`)
  .join('\n')}
SET session_replication_role = DEFAULT;
${Object.values(postgresSchema)
  .flatMap((table) =>
    Object.values(getTableColumns(table))
      .filter((column) => is(column, PgInteger) && column.generatedIdentity)
      .map((column) => `ALTER TABLE "${getTableName(table)}" ALTER COLUMN "${column.name}" RESTART;`),
  )
  .join('\n')}`;

async function newPostgres(): Promise<{ database: TestDatabase; remove(): Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const location = await createDatabase(adminUrl, inject('postgresTemplate'));
  return { database: { location, uploadDir: tmpdir() }, remove: () => dropDatabase(adminUrl, location) };
}

function newSqlite(): { database: TestDatabase; remove(): Promise<void> } {
  const dir = tempDir();
  const location = `${dir.path}/riposte.db`;
  return { database: { location, uploadDir: dirname(location) }, remove: async () => dir.remove() };
}

/** A new, empty database, and how to remove it (close what was opened on it first). */
export async function makeTestDatabase(): Promise<{ database: TestDatabase; remove(): Promise<void> }> {
  return TEST_DATABASE === 'postgres' ? newPostgres() : newSqlite();
}

/** Inside a test: a new, empty database of its own, removed when the test finishes. */
export async function newTestDatabase(): Promise<TestDatabase> {
  const made = await makeTestDatabase();
  onTestFinished(() => made.remove());
  return made.database;
}

/**
 * At the top of a file or describe: an empty database for each test. A new SQLite file each
 * time; on PostgreSQL one database for the file, emptied before each test (quicker than a new one).
 * `closeAll` runs after each test, before the database goes (the apps opened on it).
 */
export function useTestDatabase(closeAll: () => Promise<void>): { readonly current: TestDatabase } {
  let current: TestDatabase | undefined;
  if (TEST_DATABASE === 'postgres') {
    let made: Awaited<ReturnType<typeof newPostgres>> | undefined;
    let client: pg.Client | undefined;
    beforeAll(async () => {
      made = await newPostgres();
      client = new pg.Client({ connectionString: made.database.location });
      await client.connect();
    });
    beforeEach(async () => {
      await client!.query(EMPTY_ALL);
      current = made!.database;
    });
    afterEach(closeAll);
    afterAll(async () => {
      await client?.end();
      await made?.remove();
    });
  } else {
    let made: ReturnType<typeof newSqlite> | undefined;
    beforeEach(() => {
      made = newSqlite();
      current = made.database;
    });
    afterEach(async () => {
      await closeAll();
      await made?.remove();
    });
  }
  return {
    get current() {
      if (current === undefined) throw new Error('the database is made before each test: use it in a test or a later hook');
      return current;
    },
  };
}

/**
 * Another process holds what an import holds while it runs, until `release`: on SQLite the
 * write lock (BEGIN IMMEDIATE), on PostgreSQL every thread's row (an import that wrote to
 * every thread holds them until it commits), so a comment or like on an existing page waits.
 */
export async function holdWriteLock(location: string): Promise<{ release(): Promise<void> }> {
  if (TEST_DATABASE === 'postgres') {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    await client.query('BEGIN');
    await client.query('SELECT id FROM threads FOR UPDATE');
    return {
      async release() {
        await client.query('ROLLBACK');
        await client.end();
      },
    };
  }
  const importer = new Database(location);
  importer.exec('BEGIN IMMEDIATE');
  return {
    async release() {
      importer.exec('ROLLBACK');
      importer.close();
    },
  };
}
