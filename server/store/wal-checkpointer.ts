/**
 * The database's upkeep from a thread of its own: copying the SQLite write-ahead log back into
 * the database, and merging the admin search index's segments. SQLite's automatic checkpoint
 * runs inside the COMMIT that takes the log past about 1,000 pages, on the committing
 * connection: in the server, its one event loop, which then waits for the copy and its fsync
 * (10-27 ms here, about once a second at 100 posts a second), and every request in flight waits
 * with it. FTS5 likewise merges segments inside the write that adds one (60-490 ms for some
 * posts at a million comments). So the server's writer does neither (its automatic
 * checkpoint is off; the index's automerge is 0, migration 0019); a worker thread with a
 * connection of its own does both every CHECK_MS: a bounded step of merging (skipped while
 * the writer holds the lock, and while nothing was written since the index was last found
 * merged), and a PASSIVE checkpoint (it never waits for the writer or for readers; what a
 * reader still needs is copied on a later round). A merge holds the write lock for a few
 * milliseconds: a post that comes then waits for it (the writer's first pause is 5 ms).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const CHECK_MS = 200;

/**
 * The worker's code, plain JavaScript run as it is (a worker of its own file would need the
 * server's build and its TypeScript source to find each other). A checkpoint with nothing new
 * in the log costs next to nothing. It stops when told, after one last round.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
db.pragma('synchronous = NORMAL');
const attempt = (step) => {
  try {
    step();
  } catch (error) {
    if (!String(error && error.code).startsWith('SQLITE_BUSY')) parentPort.postMessage(String(error));
  }
};
// Made on first use, so a failure is reported like any other and the checkpoints go on.
let statements;
// The database's version (it changes when another connection commits) when the index last had
// nothing to merge: a merge takes the write lock even then, and the server's writer, which
// never waits for a lock, would pause for it; so until someone writes, no merge is tried.
let mergedAt = -1;
const mergeIndex = () => {
  statements ??= {
    version: db.prepare('PRAGMA data_version').pluck(),
    changes: db.prepare('SELECT total_changes()').pluck(),
    // Up to about 32 pages of merging, a few milliseconds.
    merge: db.prepare("INSERT INTO comments_search(comments_search, rank) VALUES ('merge', 32)"),
  };
  const version = statements.version.get();
  if (version === mergedAt) return;
  const before = statements.changes.get();
  statements.merge.run();
  // FTS5's way of saying a merge found nothing left to do: fewer than 2 changes (the command itself counts one).
  if (statements.changes.get() - before < 2) mergedAt = version;
};
const round = () => {
  attempt(mergeIndex);
  attempt(() => db.pragma('wal_checkpoint(PASSIVE)'));
};
const timer = setInterval(round, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  round();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Runs a last checkpoint and closes the worker's connection. */
  stop(): Promise<void>;
}

/** Starts checkpointing `file` in a worker thread; the caller turns its own connection's automatic checkpoint off. */
export function startCheckpointer(file: string, everyMs = CHECK_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, driver, everyMs },
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 },
  });
  // A log not copied back only grows, an index not merged only slows: said once, the server goes on (SQLite reads through the log).
  worker.once('message', (error: string) =>
    console.error(`riposte: the database's upkeep (checkpoint, search index merge) failed: ${error}`),
  );
  worker.on('error', (error) => console.error('riposte: the write-ahead log checkpointer stopped:', error));
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  // Running, it must not keep the process alive by itself; stopping, the last round and the close must finish.
  worker.unref();
  return {
    async stop() {
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
