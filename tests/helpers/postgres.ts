/** Fresh PostgreSQL databases for tests, on the run's server (started by tests/helpers/postgres-global-setup.ts). */
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';
import { createDatabase, dropDatabase } from './postgres-server.ts';

/** Inside a test: a new, empty database (its URL), dropped when the test finishes. */
export async function newPostgresDatabase(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  const url = await createDatabase(adminUrl);
  onTestFinished(() => dropDatabase(adminUrl, url));
  return url;
}

/** At the top of a file or describe: a new, empty database made before its tests and dropped after them. */
export function usePostgresDatabase(): { readonly url: string } {
  const adminUrl = inject('postgresAdminUrl');
  let url: string | undefined;
  beforeAll(async () => {
    url = await createDatabase(adminUrl);
  });
  afterAll(() => (url === undefined ? undefined : dropDatabase(adminUrl, url)));
  return {
    get url() {
      if (url === undefined) throw new Error('the database is made in beforeAll: read its URL in a test or a later hook');
      return url;
    },
  };
}
