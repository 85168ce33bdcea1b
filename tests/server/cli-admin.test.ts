import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../server/admin/admin-auth.ts';
import { openStore } from '../../server/store/index.ts';
import { riposte, testDir } from '../helpers/riposte-cli.ts';

describe('riposte admin add, list and remove', () => {
  it('adds an admin with the password from stdin, stored as an argon2id hash; again sets a new one', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    const added = riposte(['admin', 'add', 'Owner@Blog.example', 'Blog', 'Owner', '--db', db], 'first long password\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Added admin owner@blog.example (Blog Owner)');
    expect(riposte(['admin', 'add', 'owner@blog.example', '--db', db], 'second long password\n').stdout).toContain('Changed the password');
    expect(riposte(['admin', 'add', 'owner@blog.example', '--db', db], 'short\n').stderr).toContain('at least 10 characters');
    expect(riposte(['admin', 'add', 'not-an-email', '--db', db], 'long enough password\n').stderr).toContain('is not an email address');
    expect(riposte(['admin', 'list', '--db', db], '').stdout).toContain('owner@blog.example (Blog Owner)');
    const store = await openStore(db);
    const admin = (await store.admins.findByEmail('owner@blog.example'))!;
    store.close();
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await checkPassword(admin, 'second long password')).toBe(true);
    expect(await checkPassword(admin, 'first long password')).toBe(false);

    expect(riposte(['admin', 'remove', 'Owner@Blog.example', '--db', db], '').stdout).toContain('Removed admin owner@blog.example.');
    expect(riposte(['admin', 'remove', 'owner@blog.example', '--db', db], '').stderr).toContain('there is no admin owner@blog.example');
    expect(riposte(['admin', 'list', '--db', db], '').stdout).toContain('No admins yet');
  });

  it('removes an admin by provider identity as written, capitals and all (an OpenID subject keeps its case)', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    const store = await openStore(db);
    await store.admins.forIdentity('keycloak:Ab12-CD', 'Keycloak Owner', new Date().toISOString());
    store.close();
    const removed = riposte(['admin', 'remove', 'keycloak:Ab12-CD', '--db', db], '');
    expect(removed.stderr).toBe('');
    expect(removed.stdout).toContain('Removed admin keycloak:Ab12-CD.');
    expect(riposte(['admin', 'list', '--db', db], '').stdout).toContain('No admins yet');
  });
});
