/** vitest globalSetup: one PostgreSQL server for the whole run, started before the tests and stopped after them. */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL server (see tests/helpers/postgres.ts). */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  console.log(`PostgreSQL for the tests: made and started in ${server.startMs} ms`);
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.stop();
}
