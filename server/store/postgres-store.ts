/**
 * The store's PostgreSQL side (see backend.ts): a node-postgres pool that several server
 * instances may share. It holds the one cast of the store: PostgreSQL's tables and database
 * handed to query code as schema.ts's SQLite types (Tables, Db), which the shared store tests
 * prove behave the same at run time.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Backend } from './backend.ts';
import { type Db, TOOL_WAIT_MS, WRITE_WAIT_MS } from './database.ts';
import type { Executor, Tables } from './executor.ts';
import { openPostgres, type PostgresDb } from './postgres-database.ts';
import { postgresDialect } from './postgres-dialect.ts';
import { sqlState } from './postgres-errors.ts';
import * as postgresSchema from './postgres-schema.ts';
import { exportReads, type ExportedTableName, type ExportRow } from './transfer.ts';

const tables = postgresSchema as unknown as Tables;
const asDb = (db: unknown): Db => db as Db;

/** An executor over a transaction (or savepoint) already open: reads and writes go straight to it. */
const inTransaction = (db: Db): Executor => ({ read: db, tables, dialect: postgresDialect, write: (fn) => fn(db) });

/**
 * Transactions run at READ COMMITTED, PostgreSQL's default: every change bumps its thread's
 * version (a trigger), so two writes on one thread touch one row; under REPEATABLE READ or
 * SERIALIZABLE the second would fail and be retried each time, here it waits for the first.
 * The few reads that a write depends on lock their rows (dialect.lockRows) or are written as
 * one statement (upserts). A deadlock (two transactions locking threads in opposite orders)
 * fails one of them: it runs again, a few times, after a short pause.
 */
const RETRIES = 3;
const RETRY_STATES = new Set(['40001', '40P01']);

async function retried<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt > RETRIES || !RETRY_STATES.has(sqlState(err))) throw err;
      await sleep(attempt * 5 + Math.random() * 10);
    }
  }
}

/**
 * An import's advisory lock (two 32-bit keys, "RIPO", "IMPT"): imports take turns, as on
 * SQLite, so one never finds another's threads half made.
 */
const IMPORT_LOCK = sql`select pg_advisory_xact_lock(${0x5249504f}, ${0x494d5054})`;

/** Rows an export fetches at a time from its cursor. */
const EXPORT_PAGE = 1_000;

/**
 * Every exported row from one snapshot: a connection of the pool in a read-only REPEATABLE READ
 * transaction (it sees the database as it was when it began, whatever is written meanwhile),
 * each table read through a cursor, a page at a time, so memory stays small.
 */
async function* snapshotRows(connection: Awaited<ReturnType<typeof openPostgres>>, x: Executor) {
  const client = await connection.pool.connect();
  let finished = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const { table, query, toRow } of exportReads(x)) {
      await client.query(`DECLARE riposte_export NO SCROLL CURSOR FOR ${query.sql}`, query.params);
      for (let page = EXPORT_PAGE; page === EXPORT_PAGE; ) {
        const { rows } = await client.query<Record<string, unknown>>(`FETCH ${EXPORT_PAGE} FROM riposte_export`);
        for (const stored of rows) yield { table, row: toRow(stored) } as { table: ExportedTableName; row: ExportRow };
        page = rows.length;
      }
      await client.query('CLOSE riposte_export');
    }
    await client.query('COMMIT');
    finished = true;
  } finally {
    // Stopped half-way (a download cancelled, an error): end the snapshot before the connection goes back.
    if (finished) client.release();
    else
      await client.query('ROLLBACK').then(
        () => client.release(),
        (err: Error) => client.release(err),
      );
  }
}

export interface PostgresStoreOptions {
  /** Connections this instance may open (node-postgres's default is 10). */
  poolSize?: number;
}

/** Opens a pool to the database at `url` and applies any migrations not yet applied (one instance at a time). */
export async function openPostgresBackend(url: string, options: PostgresStoreOptions = {}): Promise<Backend> {
  const connection = await openPostgres(url, { max: options.poolSize, lockTimeoutMs: WRITE_WAIT_MS });
  const pool: PostgresDb = connection.db;
  const transaction = <T>(fn: (tx: Executor) => Promise<T>): Promise<T> =>
    retried(() => pool.transaction((tx) => fn(inTransaction(asDb(tx)))));
  const queued: Executor = { read: asDb(pool), tables, dialect: postgresDialect, write: (fn) => transaction((tx) => fn(tx.read)) };
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return {
    dialect: 'postgres',
    file: null,
    description: shown.href,
    queued,
    transaction,
    importTransaction: (fn) =>
      pool.transaction(async (tx) => {
        // An import may wait longer than a request for rows that requests hold (they hold them for milliseconds).
        await tx.execute(sql.raw(`set local lock_timeout = ${TOOL_WAIT_MS}`));
        await tx.execute(IMPORT_LOCK);
        return fn(inTransaction(asDb(tx)));
      }),
    exportRows: () => snapshotRows(connection, queued),
    close: () => connection.close(),
  };
}
