/**
 * The server's write-ahead log is copied back into the database by a thread of its own
 * (server/store/wal-checkpointer.ts), so the server's event loop never waits for a checkpoint.
 * What the log holds and how much of it is copied back is read from SQLite's shared-memory
 * index (the -shm file), which checkpointing from the test itself would change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
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
