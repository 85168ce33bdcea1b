import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.ts';
import { fixturePath } from '../helpers/import-fixtures.ts';
import { riposte, testDir } from '../helpers/riposte-cli.ts';

function database(): string {
  const dir = testDir();
  return `${dir.path}/riposte.db`;
}

describe('riposte import and export', () => {
  it('imports a WordPress export with a summary, and nothing the second time', () => {
    const db = database();
    const file = fixturePath('wp-theme-test-data__themeunittestdata.wordpress.xml');
    const first = riposte(['import', 'wordpress', file, '--db', db]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('into site "default"');
    expect(first.stdout).toContain('threads:  7 created, 0 already there');
    expect(first.stdout).toContain('comments: 33 imported (29 approved, 4 pending, 2 trackbacks, 2 pingbacks)');
    const second = riposte(['import', 'wordpress', file, '--db', db]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('comments: 0 imported');
    expect(second.stdout).toContain('skipped:  33 already imported');
  });

  it('imports into another site with --site, reporting skips and warnings', () => {
    const db = database();
    const result = riposte(['import', 'disqus', fixturePath('isso__disqus.xml'), '--site', 'old-blog', '--db', db]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('into site "old-blog" (a new site)');
    expect(result.stdout).toContain('skipped:  1 whose thread is not in the export');
    expect(result.stdout).toContain('post 6: its thread 1337 is not in the export; skipped.');
  });

  it('reports a malformed file in one line with its line and column, exit code 2, no stack trace', () => {
    const db = database();
    const file = fixturePath('wordpress-importer__malformed.xml');
    const result = riposte(['import', 'wordpress', file, '--db', db]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`riposte: ${file} line 90, column 10: not well-formed XML (unexpected close tag)\n`);
    expect(result.stdout).toBe('');
  });

  it('refuses a missing format, file or bad site with a readable message', () => {
    const db = database();
    expect(riposte(['import', 'blogger', 'x.xml', '--db', db]).stderr).toContain(
      'import needs a format, one of wordpress, disqus, riposte',
    );
    expect(riposte(['import', 'wordpress', '/nowhere/export.xml', '--db', db]).stderr).toContain('there is no file /nowhere/export.xml');
    const badSite = riposte(['import', 'wordpress', fixturePath('isso__wordpress.xml'), '--site', 'no spaces', '--db', db]);
    expect(badSite.status).toBe(2);
    expect(badSite.stderr).toContain('--site: Site may contain only letters');
  });

  it('exports to standard output or a file, and restores the file into a new database', async () => {
    const db = database();
    expect(riposte(['import', 'wordpress', fixturePath('isso__wordpress.xml'), '--db', db]).status).toBe(0);
    const toStdout = riposte(['export', '--db', db]);
    expect(toStdout.status).toBe(0);
    const parsed = JSON.parse(toStdout.stdout) as { comments: unknown[] };
    expect(parsed.comments).toHaveLength(8);

    // Without the hashing key unless asked for: with it, the IP hashes in the file can be reversed.
    expect(toStdout.stdout).toContain('"settings":[]');
    const file = `${db}.json`;
    const toFile = riposte(['export', file, '--with-hash-key', '--db', db]);
    expect(toFile.status).toBe(0);
    expect(toFile.stderr).toContain(`Exported ${db} to ${file}.`);
    // It holds emails and the hashing key: for its owner's eyes only, whatever the umask.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(riposte(['export', file, '--db', db]).stderr).toContain('exists already');

    const copy = database();
    const restore = riposte(['import', 'riposte', file, '--db', copy]);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toContain('restored: 1 sites, 0 users, 2 threads, 8 comments, 0 likes, 0 votes, 1 settings');
    const again = riposte(['export', '--with-hash-key', '--db', copy]);
    expect(again.stdout.split('\n').slice(1)).toEqual(readFileSync(file, 'utf8').split('\n').slice(1));

    // Each command-line import and export is in the admin view's Log, as the admin view's own are.
    const store = await openStore(db);
    const log = await store.audit.list(10, 0);
    store.close();
    const by = `command line (${userInfo().username})`;
    expect(log.map(({ actor, action, detail }) => ({ actor, action, detail }))).toEqual([
      { actor: by, action: 'export', detail: `to ${file} (with the hashing key)` },
      { actor: by, action: 'export', detail: 'to standard output' },
      {
        actor: by,
        action: 'import',
        detail: `wordpress ${fixturePath('isso__wordpress.xml')} into default: 8 comments imported, 2 threads created`,
      },
    ]);
  });
});
