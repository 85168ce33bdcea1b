/** Opens a PostgreSQL database through a node-postgres pool and applies committed migrations, one process at a time. */
import { sql, type SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { projectPath } from '../runtime/project-root.ts';
import { isPostgresUrl } from './database-url.ts';
import * as schema from './postgres-schema.ts';

export type PostgresDb = NodePgDatabase<typeof schema>;

const MIGRATIONS = projectPath('server/store/migrations-pg');

/**
 * The advisory lock every Riposte process takes to migrate (a pair of 32-bit keys: "RIPO",
 * "MIGR"). It belongs to the database, so servers of other databases on one PostgreSQL never wait.
 */
const MIGRATION_LOCK = [0x5249504f, 0x4d494752] as const;

export interface PostgresConnection {
  db: PostgresDb;
  pool: pg.Pool;
  /** Waits for queries in flight, then closes every connection. */
  close(): Promise<void>;
}

export interface PostgresOptions {
  /** Connections the pool may open (node-postgres's default is 10). */
  max?: number | undefined;
  /** How long a statement may wait for a lock another transaction holds before it fails (55P03); none by default. */
  lockTimeoutMs?: number | undefined;
}

/** Opens the pool and applies any migrations not yet applied; the pool is closed again if that fails. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresConnection> {
  if (!isPostgresUrl(url)) throw new Error('A PostgreSQL database is named by a postgres:// or postgresql:// URL.');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: 'riposte',
    ...(options.lockTimeoutMs ? { lock_timeout: options.lockTimeoutMs } : {}),
  });
  // An idle connection that breaks (PostgreSQL restarted, network cut) is dropped by the pool and
  // replaced on next use; without a listener node-postgres would crash the process instead.
  pool.on('error', (err) => console.error('riposte: a PostgreSQL connection failed while idle:', err.message));
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { db: drizzle(pool, { schema }), pool, close: () => pool.end() };
}

/**
 * Applies migrations under a session advisory lock, so two instances starting together take
 * turns: the second finds everything applied. A process that dies holding it lets go with its
 * connection.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // However long another instance takes to migrate (an index on a large table takes minutes), wait for it.
    await client.query('SET lock_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
    await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
    // Back to the pool's own setting before the connection serves anything else.
    await client.query('RESET lock_timeout');
    client.release();
  } catch (err) {
    // Closing the connection, rather than returning it to the pool, frees the lock it may hold.
    client.release(true);
    throw err;
  }
}

/**
 * Every id column's sequence (identity), moved past the largest id in its table. Inserting rows
 * with their own ids (a restore, a move from SQLite) leaves the sequences behind, and the next
 * row made here would take an id in use; SQLite's AUTOINCREMENT follows explicit ids by itself.
 */
const RESET_ID_SEQUENCES = sql.raw(`DO $$
DECLARE c record;
BEGIN
	FOR c IN SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES'
	LOOP
		EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce(max(%I), 0) + 1, false) FROM %I',
			quote_ident(c.table_name), c.column_name, c.column_name, c.table_name);
	END LOOP;
END $$`);

/** Moves id sequences past the ids in use; call it in the transaction that inserted rows with their ids. */
export async function resetIdSequences(db: { execute(query: SQL): Promise<unknown> }): Promise<void> {
  await db.execute(RESET_ID_SEQUENCES);
}
