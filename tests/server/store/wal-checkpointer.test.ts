/**
 * The server's write-ahead log is copied back into the database by a thread of its own
 * (server/store/wal-checkpointer.ts), so the server's event loop never waits for a checkpoint; the same
 * thread merges the admin search index's segments, which posts would otherwise merge themselves.
 * What the log holds and how much of it is copied back is read from SQLite's shared-memory
 * index (the -shm file), which checkpointing from the test itself would change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../server/store/index.ts';
import { testDir } from '../../helpers/riposte-cli.ts';

/** Frames in the log (mxFrame, in the index header) and frames copied back (nBackfill, after the header's two copies). */
function logState(db: string): { frames: number; copied: number } {
  const index = readFileSync(`${db}-shm`).subarray(0, 136);
  return { frames: index.readUInt32LE(16), copied: index.readUInt32LE(96) };
}

/** Some hundred small writes: a log well under SQLite's own checkpoint threshold (1,000 pages). */
async function writeSome(store: Awaited<ReturnType<typeof openStore>>) {
  await store.sites.ensure('default', 'Default site', new Date().toISOString());
  for (let i = 0; i < 200; i++) await store.audit.add('test', 'settings', null, `write ${i}`, new Date().toISOString());
}

describe("the server's write-ahead log", () => {
  it('is copied back by the checkpointer thread, well before SQLite would checkpoint it itself', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    const store = await openStore(db, { checkpointInBackground: true });
    await writeSome(store);
    let state = logState(db);
    for (const deadline = Date.now() + 10_000; state.copied < state.frames && Date.now() < deadline; state = logState(db)) await sleep(50);
    expect(state.frames).toBeGreaterThan(0);
    expect(state.copied).toBe(state.frames);
    await store.close();
    // The last connection to close copied the rest and removed the log.
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('without the checkpointer, stays in the log until SQLite checkpoints it itself', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    const store = await openStore(db);
    await writeSome(store);
    await sleep(1_000);
    const state = logState(db);
    expect(state.copied).toBeLessThan(state.frames);
    await store.close();
  });
});

/** The admin search index's segments: FTS5 keeps each in comments_search_idx under its own id. */
function searchSegments(db: string): number {
  const sqlite = new Database(db, { readonly: true });
  try {
    return (sqlite.prepare('SELECT count(DISTINCT segid) AS n FROM comments_search_idx').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

/** 200 comments, each in a transaction of its own (as posts come): each adds a segment to the search index. */
function postSome(db: string) {
  const sqlite = new Database(db);
  sqlite.prepare(`INSERT INTO threads (id, site_id, page_key, created_at) VALUES (1, 'default', 'p', ?)`).run(new Date().toISOString());
  const insert = sqlite.prepare(
    `INSERT INTO comments (thread_id, status, author_name, body_markdown, body_html, created_at) VALUES (1, 'approved', ?, ?, '<p>x</p>', ?)`,
  );
  for (let i = 0; i < 200; i++) insert.run(`Reader ${i}`, `Comment number ${i}`, new Date().toISOString());
  sqlite.close();
}

/** A new database, with the upkeep thread running or not, after 200 posts. */
async function afterPosts(background: boolean) {
  const dir = testDir();
  const db = `${dir.path}/riposte.db`;
  const store = await openStore(db, { checkpointInBackground: background });
  await store.sites.ensure('default', 'Default site', new Date().toISOString());
  postSome(db);
  return { db, store };
}

describe("the admin search index's segments", () => {
  it('are merged by the same thread as posts add them (none of that work in the posts themselves)', async () => {
    // Without the thread only SQLite's own "crisis" merge, inside a post, once 16 pile up at one level.
    const without = await afterPosts(false);
    const piled = searchSegments(without.db);
    await without.store.close();
    expect(piled).toBeGreaterThan(3);
    // FTS5 merges a level once it holds 4 (usermerge): the thread leaves fewer than that.
    const withThread = await afterPosts(true);
    await expect.poll(() => searchSegments(withThread.db)).toBeLessThanOrEqual(3);
    await withThread.store.close();
  });
});

describe('the upkeep thread on a database nothing writes to', () => {
  it('takes the write lock at most once, so posts do not wait behind merges with nothing to do', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    // Made and written to first, so the thread (started by the second open) finds every write
    // behind it: on a loaded machine a write soon after it started could come after its first round.
    const made = await openStore(db);
    await made.sites.ensure('default', 'Default site', new Date().toISOString());
    await made.close();
    const store = await openStore(db, { checkpointInBackground: true });
    // Another writer that never waits (as the server's does not) tries the lock for 2 s, ten
    // rounds of the thread: only its first merge, which finds the index merged, may take it
    // (five a second did before). Counted are the times the lock was found newly taken: on a
    // loaded machine one merge can hold it long enough for many tries in a row to fail.
    const other = new Database(db, { timeout: 0 });
    let holds = 0;
    let heldSince: number | null = null;
    let longest = 0;
    for (const end = Date.now() + 2_000; Date.now() < end; await new Promise((next) => setImmediate(next))) {
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
        heldSince = null;
      } catch (error) {
        if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw error;
        if (heldSince === null) holds++;
        heldSince ??= Date.now();
        longest = Math.max(longest, Date.now() - heldSince);
      }
    }
    other.close();
    await store.close();
    expect(holds).toBeLessThanOrEqual(1);
    // Nor held for long: a merge with nothing to do is a moment, even on a loaded machine.
    expect(longest).toBeLessThan(500);
  });
});
