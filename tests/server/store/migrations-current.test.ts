/**
 * The committed migrations of both dialects are up to date with schema.ts: a change to the
 * schema without `npm run db:generate` and `npm run db:generate:pg` fails here, not in production.
 */
import { readFileSync } from 'node:fs';
import { generateDrizzleJson, generateMigration, generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import * as postgresSchema from '../../../server/store/postgres-schema.ts';
import * as sqliteSchema from '../../../server/store/schema.ts';

/** The snapshot drizzle-kit wrote with the folder's last migration. */
function lastSnapshot(folder: string) {
  const meta = new URL(`../../../server/store/${folder}/meta/`, import.meta.url);
  const journal = JSON.parse(readFileSync(new URL('_journal.json', meta), 'utf8')) as { entries: { idx: number }[] };
  const last = journal.entries.at(-1)!.idx;
  return JSON.parse(readFileSync(new URL(`${String(last).padStart(4, '0')}_snapshot.json`, meta), 'utf8'));
}

describe('committed migrations', () => {
  it('SQLite: migrations/ holds every change of schema.ts', async () => {
    const previous = lastSnapshot('migrations');
    expect(await generateSQLiteMigration(previous, await generateSQLiteDrizzleJson(sqliteSchema, previous.id))).toEqual([]);
  });

  it('PostgreSQL: migrations-pg/ holds every change of the tables built from schema.ts', async () => {
    const previous = lastSnapshot('migrations-pg');
    expect(await generateMigration(previous, generateDrizzleJson(postgresSchema, previous.id))).toEqual([]);
  });
});
