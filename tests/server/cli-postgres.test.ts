/** The data commands take a postgres:// URL as `--db` as they take a SQLite file: admins, site settings, imports, exports; backup points to pg_dump. */
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/import-fixtures.ts';
import { newPostgresDatabase } from '../helpers/postgres.ts';
import { riposte } from '../helpers/riposte-cli.ts';

describe('riposte commands on PostgreSQL', () => {
  it('add admins and change site settings on a postgres:// database', async () => {
    const db = await newPostgresDatabase();
    const added = riposte(['admin', 'add', 'owner@blog.example', 'Blog', 'Owner', '--db', db], 'a long enough password\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Added admin owner@blog.example (Blog Owner)');

    const site = riposte(['site', 'default', 'guests=false', 'blockedWords=casino', '--db', db]);
    expect(site.stderr).toBe('');
    expect(site.stdout).toContain('guests=false');
    // The URL's password is never printed.
    expect(`${added.stdout}${site.stdout}`).not.toContain(new URL(db).password);
  });

  it('import and export on a postgres:// database; backup points to pg_dump', async () => {
    const db = await newPostgresDatabase();
    const imported = riposte(['import', 'wordpress', fixturePath('isso__wordpress.xml'), '--db', db]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('comments: 8 imported');

    const exported = riposte(['export', '--db', db]);
    expect(exported.status).toBe(0);
    const parsed = JSON.parse(exported.stdout) as { comments: unknown[]; sites: { id: string }[] };
    expect(parsed.comments).toHaveLength(8);
    expect(parsed.sites.map((site) => site.id)).toEqual(['default']);

    const backup = riposte(['backup', 'riposte.db', '--db', db]);
    expect(backup.status).toBe(2);
    expect(backup.stderr).toContain('for PostgreSQL use pg_dump');
    expect(`${imported.stdout}${backup.stderr}`).not.toContain(new URL(db).password);
  });
});
