/**
 * `riposte copy` moves an install between SQLite and PostgreSQL losslessly: exports of the
 * original, of its PostgreSQL copy and of the SQLite copy made back from that are the same,
 * byte for byte (their date apart), and each copy takes new comments after the copied ids.
 */
import { describe, expect, it } from 'vitest';
import { populate } from '../helpers/import-fixtures.ts';
import { newPostgresDatabase } from '../helpers/postgres.ts';
import { riposte, testDir } from '../helpers/riposte-cli.ts';
import { BLOG_ORIGIN, openTestApp } from '../helpers/test-app.ts';

/** `riposte export` of a database, without its first line (which holds the time of the export). */
function exported(db: string): string[] {
  const result = riposte(['export', '--db', db]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.split('\n').slice(1);
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
    const before = exported(original);
    expect(before.length).toBeGreaterThan(40);

    const there = riposte(['copy', '--from', original, '--to', postgres]);
    expect(there.stderr).toBe('');
    expect(there.status).toBe(0);
    expect(there.stdout).toContain('2 sites, 1 users, 10 threads, 39 comments, 1 likes, 1 settings, 1 bans, 1 audit');
    expect(there.stdout).toContain('Admins are not copied');
    expect(exported(postgres)).toEqual(before);

    const home = riposte(['copy', '--from', postgres, '--to', back]);
    expect(home.stderr).toBe('');
    expect(home.status).toBe(0);
    expect(exported(back)).toEqual(before);

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
