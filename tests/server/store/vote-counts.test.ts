/**
 * The vote count rule, on both dialects: a comment's upvotes and downvotes follow its rows in
 * comment_votes (insert, turn, move, take back), kept by the database's own triggers.
 */
import { describe, expect, it } from 'vitest';
import { usePostgresDatabase } from '../../helpers/postgres.ts';
import { openPostgresForTest, openSqliteForTest, type SqlDatabase, useBaselineDatabase } from '../../helpers/sql-dialects.ts';

const BASELINE = `
  INSERT INTO sites (id, name) VALUES ('a', 'Site A');
  INSERT INTO threads (id, site_id, page_key) VALUES (1, 'a', 'p1');
  INSERT INTO comments (id, thread_id, status, author_name, body_markdown, body_html) VALUES
    (10, 1, 'approved', 'Ann', 'Hi', '<p>Hi</p>'),
    (11, 1, 'approved', 'Bob', 'Yo', '<p>Yo</p>');`;

/** Each step runs after the ones before it; the counts are [up, down] of comments 10 and 11. */
const STEPS: { step: string; sql: string; counts: [[number, number], [number, number]] }[] = [
  {
    step: 'three readers vote on comment 10, one down',
    sql: `INSERT INTO comment_votes (comment_id, voter, value) VALUES (10, 'liker:a', 1), (10, 'liker:b', 1), (10, 'user:1', -1)`,
    counts: [
      [2, 1],
      [0, 0],
    ],
  },
  {
    step: 'one turns their vote from up to down',
    sql: `UPDATE comment_votes SET value = -1 WHERE comment_id = 10 AND voter = 'liker:b'`,
    counts: [
      [1, 2],
      [0, 0],
    ],
  },
  {
    step: 'a vote moves to another comment',
    sql: `UPDATE comment_votes SET comment_id = 11 WHERE comment_id = 10 AND voter = 'liker:a'`,
    counts: [
      [0, 2],
      [1, 0],
    ],
  },
  {
    step: 'votes are taken back',
    sql: `DELETE FROM comment_votes WHERE voter IN ('liker:b', 'liker:a')`,
    counts: [
      [0, 1],
      [0, 0],
    ],
  },
];

function countRule(name: string, open: () => Promise<SqlDatabase>) {
  describe(`on ${name}`, () => {
    const database = useBaselineDatabase(open, BASELINE);

    it.each(STEPS)('$step', async ({ sql, counts }) => {
      const db = database();
      await db.run(sql);
      const rows = await db.rows<{ up: number; down: number }>(
        'SELECT upvotes AS up, downvotes AS down FROM comments WHERE id IN (10, 11) ORDER BY id',
      );
      expect(rows.map((r) => [Number(r.up), Number(r.down)])).toEqual(counts);
    });
  });
}

countRule('SQLite', openSqliteForTest);

const postgres = usePostgresDatabase();
countRule('PostgreSQL', () => openPostgresForTest(postgres.url));
