/** Commands started while another process (an import) holds the database's write lock: they wait their turn, saying so, and never fail with a stack trace. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.ts';
import { fixturePath } from '../helpers/import-fixtures.ts';
import { startRiposte, testDir } from '../helpers/riposte-cli.ts';

describe('the command line while an import runs', () => {
  it('serves reads at once, and lets riposte site and a second import wait for the lock, then finish', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    const store = await openStore(db);
    await store.sites.ensure('default', 'Default site', new Date().toISOString());
    await store.settings.hashKey();
    store.close();

    // Another process (riposte import) holds the write lock as long as it runs.
    const importer = new Database(db);
    importer.exec('BEGIN IMMEDIATE');
    const server = startRiposte(['serve', '--port', '0', '--db', db]);
    const site = startRiposte(['site', 'default', 'guests=false', '--db', db]);
    const second = startRiposte(['import', 'wordpress', fixturePath('isso__wordpress.xml'), '--db', db]);

    // A server restarted by a supervisor during an import starts and answers readers.
    const [, url] = await server.waitFor(/comment server: (http:\/\/\S+)/);
    expect((await fetch(`${url}/api/v1/threads?page=p`)).status).toBe(200);
    const waiting = /waiting for another process \(an import\?\) writing to .*riposte\.db to finish/;
    await site.waitFor(waiting);
    await second.waitFor(waiting);
    expect(site.child.exitCode).toBe(null);
    expect(second.child.exitCode).toBe(null);

    importer.exec('ROLLBACK');
    importer.close();
    expect(await site.exited).toBe(0);
    expect(site.output()).toContain('guests=false');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('imported');
    for (const command of [server, site, second]) expect(command.output()).not.toMatch(/SqliteError|database is locked|\n\s+at /);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });
});
