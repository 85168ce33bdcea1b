/**
 * `riposte copy` (a real process) moves an install between SQLite and PostgreSQL losslessly:
 * exports of the original, of its PostgreSQL copy and of the SQLite copy made back from that
 * are the same, byte for byte (their date apart), hashing key included, and each copy takes new
 * comments after the copied ids.
 */
import { describe, expect, it } from 'vitest';
import { riposteExport } from '../../server/export/riposte-export.ts';
import { openStore } from '../../server/store/index.ts';
import { populate } from '../helpers/import-fixtures.ts';
import { newPostgresDatabase } from '../helpers/postgres.ts';
import { riposte, testDir } from '../helpers/riposte-cli.ts';
import { BLOG_ORIGIN, openTestApp } from '../helpers/test-app.ts';

/** The database's export (what `riposte export` writes) without its first line, which holds the time, and its hashing key. */
async function exported(db: string): Promise<{ lines: string[]; hashKey: string }> {
  const store = await openStore(db);
  try {
    let text = '';
    for await (const piece of riposteExport(store, new Date())) text += piece;
    return { lines: text.split('\n').slice(1), hashKey: await store.settings.hashKey() };
  } finally {
    await store.close();
  }
}

/** Posts a comment through an app on `db` and returns its id. */
async function postOn(db: string): Promise<number> {
  const app = await openTestApp(db);
  try {
    const res = await app.post(
      { page: `${BLOG_ORIGIN}/after-the-move`, body: 'After the move', author: { name: 'Bea' } },
      { origin: BLOG_ORIGIN },
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { comment: { id: number } }).comment.id;
  } finally {
    await app.close();
  }
}

describe('riposte copy', () => {
  it('copies SQLite to PostgreSQL and back, losing nothing', async () => {
    const dir = testDir();
    const original = `${dir.path}/original.db`;
    const back = `${dir.path}/back.db`;
    const postgres = await newPostgresDatabase();
    const source = await populate(await openTestApp(original));
    await source.close();
    const before = await exported(original);
    expect(before.lines.length).toBeGreaterThan(40);

    const there = riposte(['copy', '--from', original, '--to', postgres]);
    expect(there.stderr).toBe('');
    expect(there.status).toBe(0);
    expect(there.stdout).toContain(
      '2 sites, 1 users, 10 threads, 39 comments, 1 likes, 1 votes, 1 settings, 1 bans, 1 audit, 0 mailAddresses',
    );
    expect(there.stdout).toContain('Admins are not copied');
    // Every row, and the hashing key (avatars, likes and sender hashes stay as they were).
    expect(await exported(postgres)).toEqual(before);

    const home = riposte(['copy', '--from', postgres, '--to', back]);
    expect(home.stderr).toBe('');
    expect(home.status).toBe(0);
    expect(await exported(back)).toEqual(before);

    // Each copy goes on from the highest id copied, as the original would.
    const next = await postOn(original);
    expect(await postOn(postgres)).toBe(next);
    expect(await postOn(back)).toBe(next);
  });

  it('refuses a database that holds comments already, and the same database twice', async () => {
    const dir = testDir();
    const original = `${dir.path}/original.db`;
    const postgres = await newPostgresDatabase();
    await postOn(original);
    await postOn(postgres);
    const refused = riposte(['copy', '--from', original, '--to', postgres]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^riposte: .*(empty|already)/);
    expect(riposte(['copy', '--from', original, '--to', original]).stderr).toContain('--from and --to name the same database.');
  });
});
