import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../server/config.ts';
import { openStore } from '../../server/store/index.ts';
import { riposte, startRiposte, testDir } from '../helpers/riposte-cli.ts';

describe('riposte command', () => {
  it('lists every setting with its environment variable in --help', () => {
    const help = riposte(['serve', '--help']);
    expect(help.status).toBe(0);
    for (const setting of SETTINGS) {
      expect(help.stdout).toContain(`--${setting.flag}`);
      expect(help.stdout).toContain(setting.env);
    }
  });

  it('backs up only a database that exists, and leaves a plain SQLite file untouched', () => {
    const dir = testDir();
    const missing = riposte(['backup', `${dir.path}/copy.db`, '--db', `${dir.path}/none.db`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('There is no database');
    const plain = new Database(`${dir.path}/plain.db`);
    plain.exec('create table notes (text)');
    plain.close();
    expect(riposte(['backup', `${dir.path}/copy.db`, '--db', `${dir.path}/plain.db`]).status).toBe(0);
    const after = new Database(`${dir.path}/plain.db`, { readonly: true });
    expect(after.prepare("select name from sqlite_master where type = 'table'").all()).toEqual([{ name: 'notes' }]);
    after.close();
  });

  it('refuses bad settings with a readable message and exit code 2', () => {
    const bad = riposte(['serve', '--port', 'eighty']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('must be a port number');
    const origins = riposte(['serve', '--origins', 'blog.example.com/path']);
    expect(origins.status).toBe(2);
    expect(origins.stderr).toContain('is not an origin');
    expect(riposte(['launch']).status).toBe(2);
    const typo = riposte(['serve', '--prot', '9000']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('unknown option --prot (did you mean --port?)');
    expect(riposte(['serve', '--port']).stderr).toContain('option --port needs a value');
  });

  it('serves, backs up while running, and shuts down cleanly on Ctrl-C', async () => {
    const dir = testDir();
    const db = `${dir.path}/data/riposte.db`;
    const server = startRiposte(['serve', '--port', '0', '--db', db]);
    const [, url] = await server.waitFor(/comment server: (http:\/\/\S+)/);
    const posted = await fetch(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: 'p', body: 'kept in the backup', author: { name: 'Ann' } }),
    });
    expect(posted.status).toBe(201);

    // Into a folder that does not exist yet, as the README's example does.
    const backup = riposte(['backup', `${dir.path}/backups/copy.db`, '--db', db]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    // Both hold readers' emails and the hashing key: readable by their owner only, like an export.
    expect(statSync(`${dir.path}/backups/copy.db`).mode & 0o777).toBe(0o600);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(riposte(['backup', `${dir.path}/backups/copy.db`, '--db', db]).stderr).toContain('exists already');

    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('closing the database');

    const copy = await openStore(`${dir.path}/backups/copy.db`);
    const thread = (await copy.threads.find('default', 'p'))!;
    expect((await copy.comments.listForThread(thread.id)).map((c) => c.bodyMarkdown)).toEqual(['kept in the backup']);
    copy.close();
  });
});
