/**
 * The thread version rule, on both dialects from one table: the database itself bumps a
 * thread's version on any change to its comments (votes and pins included), likes, address,
 * lock or its site's settings,
 * row by row, and on nothing else, so a thread cache is right whoever wrote.
 */
import { describe, expect, it } from 'vitest';
import { usePostgresDatabase } from '../../helpers/postgres.ts';
import { openPostgresForTest, openSqliteForTest, type SqlDatabase, useBaselineDatabase } from '../../helpers/sql-dialects.ts';

/** Site a has threads 1 and 2, site b thread 3; comment 10 is in thread 1, 11 and 12 in thread 2. */
const BASELINE = `
  INSERT INTO sites (id, name) VALUES ('a', 'Site A'), ('b', 'Site B');
  INSERT INTO threads (id, site_id, page_key) VALUES (1, 'a', 'p1'), (2, 'a', 'p2'), (3, 'b', 'p3');
  INSERT INTO comments (id, thread_id, status, author_name, body_markdown, body_html) VALUES
    (10, 1, 'approved', 'Ann', 'Hi', '<p>Hi</p>'),
    (11, 2, 'approved', 'Bob', 'Yo', '<p>Yo</p>'),
    (12, 2, 'pending', 'Cy', 'Hey', '<p>Hey</p>');
  INSERT INTO page_likes (thread_id, liker_hash) VALUES (1, 'liker-1');
  INSERT INTO comment_votes (comment_id, voter, value) VALUES (10, 'liker:a', 1);`;

/** What changes, and by how much it moves the versions of threads 1, 2 and 3. */
const SCENARIOS: { change: string; sql: string; bumps: [number, number, number] }[] = [
  {
    change: 'a comment is posted',
    sql: `INSERT INTO comments (thread_id, status, author_name, body_markdown, body_html) VALUES (1, 'approved', 'Dee', 'New', '<p>New</p>')`,
    bumps: [1, 0, 0],
  },
  {
    change: 'a comment is edited',
    sql: `UPDATE comments SET body_markdown = 'Hi!', body_html = '<p>Hi!</p>' WHERE id = 10`,
    bumps: [1, 0, 0],
  },
  { change: 'a comment is approved', sql: `UPDATE comments SET status = 'approved' WHERE id = 12`, bumps: [0, 1, 0] },
  {
    change: 'two comments of a thread, in one statement',
    sql: `UPDATE comments SET status = 'spam' WHERE thread_id = 2`,
    bumps: [0, 2, 0],
  },
  { change: 'an update that matches no comment', sql: `UPDATE comments SET status = 'spam' WHERE id = 99`, bumps: [0, 0, 0] },
  { change: 'a comment moves to another thread', sql: 'UPDATE comments SET thread_id = 3 WHERE id = 10', bumps: [1, 0, 1] },
  { change: 'a comment is deleted', sql: 'DELETE FROM comments WHERE id = 11', bumps: [0, 1, 0] },
  { change: 'a page is liked', sql: `INSERT INTO page_likes (thread_id, liker_hash) VALUES (2, 'liker-2')`, bumps: [0, 1, 0] },
  {
    change: 'a page is liked again by the same reader',
    sql: `INSERT INTO page_likes (thread_id, liker_hash) VALUES (1, 'liker-1') ON CONFLICT DO NOTHING`,
    bumps: [0, 0, 0],
  },
  { change: 'a like is taken back', sql: `DELETE FROM page_likes WHERE thread_id = 1 AND liker_hash = 'liker-1'`, bumps: [1, 0, 0] },
  {
    change: 'a comment gets a vote',
    sql: `INSERT INTO comment_votes (comment_id, voter, value) VALUES (11, 'liker:b', 1)`,
    bumps: [0, 1, 0],
  },
  {
    change: 'the same vote again',
    sql: `INSERT INTO comment_votes (comment_id, voter, value) VALUES (10, 'liker:a', 1) ON CONFLICT DO NOTHING`,
    bumps: [0, 0, 0],
  },
  { change: 'a vote turns from up to down', sql: 'UPDATE comment_votes SET value = -1 WHERE comment_id = 10', bumps: [1, 0, 0] },
  {
    change: 'a vote moves to a comment of another thread',
    sql: 'UPDATE comment_votes SET comment_id = 11 WHERE comment_id = 10',
    bumps: [1, 1, 0],
  },
  { change: 'a vote is taken back', sql: 'DELETE FROM comment_votes WHERE comment_id = 10', bumps: [1, 0, 0] },
  { change: 'a comment is pinned', sql: 'UPDATE comments SET pinned = true WHERE id = 11', bumps: [0, 1, 0] },
  { change: 'the page gets a title', sql: `UPDATE threads SET title = 'Hello' WHERE id = 1`, bumps: [1, 0, 0] },
  { change: 'the page address is set to what it was', sql: 'UPDATE threads SET url = url WHERE id = 2', bumps: [0, 1, 0] },
  { change: 'the page key changes', sql: `UPDATE threads SET page_key = 'p1-moved' WHERE id = 1`, bumps: [1, 0, 0] },
  { change: 'the thread is locked', sql: 'UPDATE threads SET locked = true WHERE id = 3', bumps: [0, 0, 1] },
  { change: 'title and lock in one statement', sql: `UPDATE threads SET title = 'Closed', locked = true WHERE id = 1`, bumps: [2, 0, 0] },
  {
    change: 'a post fills in the page title (the upsert of threads.upsert)',
    sql: `INSERT INTO threads (site_id, page_key, title) VALUES ('a', 'p2', 'Found') ON CONFLICT (site_id, page_key) DO UPDATE SET title = coalesce(threads.title, excluded.title)`,
    bumps: [0, 1, 0],
  },
  {
    change: 'the external id is set (not shown in the thread)',
    sql: `UPDATE threads SET external_id = '42' WHERE id = 1`,
    bumps: [0, 0, 0],
  },
  { change: 'a new thread is made', sql: `INSERT INTO threads (site_id, page_key) VALUES ('a', 'p4')`, bumps: [0, 0, 0] },
  { change: "a site's settings change", sql: `UPDATE sites SET settings = '{"guests":false}' WHERE id = 'a'`, bumps: [1, 1, 0] },
  { change: "a site's origins change", sql: `UPDATE sites SET origins = '["https://a.example"]' WHERE id = 'a'`, bumps: [0, 0, 0] },
  { change: "a site's name changes", sql: `UPDATE sites SET name = 'A' WHERE id = 'b'`, bumps: [0, 0, 0] },
];

async function versions(db: SqlDatabase): Promise<number[]> {
  const rows = await db.rows<{ id: number; version: number }>('SELECT id, version FROM threads WHERE id IN (1, 2, 3) ORDER BY id');
  return rows.map((r) => r.version);
}

function versionRule(name: string, open: () => Promise<SqlDatabase>) {
  describe(`on ${name}`, () => {
    const database = useBaselineDatabase(open, BASELINE);

    it.each(SCENARIOS)('$change', async ({ sql, bumps }) => {
      const db = database();
      // Each scenario starts from the baseline: its change is rolled back afterwards.
      await db.run('BEGIN');
      try {
        const before = await versions(db);
        await db.run(sql);
        const after = await versions(db);
        expect(after.map((v, i) => v - before[i]!)).toEqual(bumps);
      } finally {
        await db.run('ROLLBACK');
      }
    });
  });
}

versionRule('SQLite', openSqliteForTest);

const postgres = usePostgresDatabase();
versionRule('PostgreSQL', () => openPostgresForTest(postgres.url));
