/**
 * vitest globalSetup: one PostgreSQL server for the whole run, started before the tests and
 * stopped after them, with a migrated template database that test apps copy (CREATE DATABASE
 * ... TEMPLATE copies files: much quicker than migrating each new database).
 */
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../server/store/postgres-database.ts';
import { createDatabase, startPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL server (see tests/helpers/postgres.ts). */
    postgresAdminUrl: string;
    /** The name of a migrated, empty database to copy (see tests/helpers/test-database.ts). */
    postgresTemplate: string;
    /** The database a project's test apps run on (vitest.config.ts). */
    testDatabase: 'sqlite' | 'postgres';
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  console.log(`PostgreSQL for the tests: made and started in ${server.startMs} ms`);
  const template = await createDatabase(server.adminUrl);
  // Migrated once, as `riposte serve` would; then closed, since a template may have no connections.
  await (await openPostgres(template)).close();
  project.provide('postgresAdminUrl', server.adminUrl);
  project.provide('postgresTemplate', new URL(template).pathname.slice(1));
  return () => server.stop();
}
