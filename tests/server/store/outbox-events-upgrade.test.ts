/**
 * Upgrading a SQLite database past migration 0021, which rebuilds outbox_events without its
 * comment key: the deliveries keep their events, and event ids go on counting where they were
 * (a webhook delivery's dedupe key holds its event's id), on a file made at migration 0020; and
 * rows left referring to nothing are said after the upgrade.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openSqlite } from '../../../server/store/database.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const MIGRATIONS = new URL('../../../server/store/migrations/', import.meta.url).pathname;
const ADD_EVENT =
  "INSERT INTO outbox_events (type, comment_id, site_id, status, occurred_at) VALUES ('comment.created', ?, 'default', 'approved', ?)";
const dir = tempDir();
afterAll(() => dir.remove());

/** A copy of the migrations folder that ends at `lastIdx`. */
function migrationsUpTo(lastIdx: number): string {
  const folder = join(dir.path, 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= lastIdx);
  for (const { tag } of journal.entries) copyFileSync(join(MIGRATIONS, `${tag}.sql`), join(folder, `${tag}.sql`));
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  return folder;
}

describe('migration 0021 (outbox_events without a comment key)', () => {
  it('keeps every event, the deliveries pointing at them, and the next event id', async () => {
    const file = join(dir.path, 'riposte.db');
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(20) });
    // The rows alone matter here, not the comments and sites they name.
    old.pragma('foreign_keys = OFF');
    const at = '2026-11-30T00:00:00.000Z';
    const addEvent = old.prepare(ADD_EVENT);
    const kept = Number(addEvent.run(41, at).lastInsertRowid);
    const pruned = Number(addEvent.run(42, at).lastInsertRowid);
    old.prepare('DELETE FROM outbox_events WHERE id = ?').run(pruned);
    old
      .prepare(
        "INSERT INTO outbox (channel, kind, recipient, message_id, dedupe_key, event_id, payload, next_attempt_at, created_at) VALUES ('webhook', 'webhook', 'https://hooks.example/x', 'm1', ?, ?, '{}', ?, ?)",
      )
      .run(`webhook:${kept}:https://hooks.example/x`, kept, at, at);
    // And a comment of a thread that is gone (written with keys off, as a bad upgrade could leave it).
    old
      .prepare(
        "INSERT INTO comments (thread_id, status, kind, author_name, body_markdown, body_html, created_at) VALUES (999, 'approved', 'comment', 'Ann', 'x', '<p>x</p>', ?)",
      )
      .run(at);
    old.close();

    const upgraded = await opened(file);
    expect(upgraded.said).toEqual([
      expect.stringMatching(/after upgrading the database, 1 row\(s\) refer to rows that do not exist \(in comments;/),
    ]);
    try {
      const { sqlite } = upgraded.database.writer;
      expect(sqlite.pragma('foreign_key_list(outbox_events)')).toEqual([]);
      expect(sqlite.prepare('SELECT id, comment_id FROM outbox_events').all()).toEqual([{ id: kept, comment_id: 41 }]);
      expect(sqlite.prepare('SELECT event_id FROM outbox').all()).toEqual([{ event_id: kept }]);
      // With foreign keys back on, an event may name a comment that is gone (an erased one's).
      expect(Number(sqlite.prepare(ADD_EVENT).run(43, at).lastInsertRowid)).toBe(pruned + 1);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      // The one row referring to nothing is the comment of the missing thread, left as it was.
      expect(sqlite.pragma('foreign_key_check')).toEqual([expect.objectContaining({ table: 'comments', parent: 'threads' })]);
    } finally {
      await upgraded.database.close();
    }
    // Said once, after the upgrade: opening the file again checks nothing.
    const again = await opened(file);
    await again.database.close();
    expect(again.said).toEqual([]);
  });
});

/** The file opened as the server opens it, with what it said on standard error meanwhile. */
async function opened(file: string) {
  const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const database = await openSqlite(file);
    return { database, said: said.mock.calls.map((call) => String(call[0])) };
  } finally {
    said.mockRestore();
  }
}
