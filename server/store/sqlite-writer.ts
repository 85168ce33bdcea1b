/**
 * The SQLite writer's turns (group commit): every write waiting when a turn begins runs in one
 * transaction, each in a savepoint of its own, so a write that fails is undone alone and the
 * others land; all are answered once the COMMIT has returned, never before. One COMMIT (and one
 * append to the write-ahead log) per turn instead of one per write is what lets a busy server
 * store hundreds of comments a second. Also: waiting for another process's write lock (an
 * import), which better-sqlite3 would wait for synchronously, stalling the whole server.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { StoreBusyError } from './executor.ts';

/** Pauses between tries: the server's own writes hold the lock for about a millisecond. */
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;

/** Whether an error means another connection holds the write lock (e.g. an import is running). */
export function isBusy(error: unknown): boolean {
  return error instanceof StoreBusyError || (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY'));
}

/**
 * Runs fn until it does not fail for a lock, pausing asynchronously in between, or until
 * `deadline` (performance.now(); Infinity waits as long as it takes), telling `onWait` once.
 */
export async function retryWhileBusy<T>(fn: () => T, deadline: number, onWait?: () => void): Promise<T> {
  for (let pause = FIRST_PAUSE_MS, told = false; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS), told = true) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err)) throw err;
      const left = deadline - performance.now();
      if (left <= 0) throw new StoreBusyError();
      if (!told) onWait?.();
      await sleep(Math.min(pause, left));
    }
  }
}

/**
 * Runs fn in one transaction on the connection: the write lock is taken at once (IMMEDIATE),
 * so a lock held elsewhere is met before any work; then COMMIT, or ROLLBACK on any error.
 */
export async function inTransaction<T>(sqlite: Database.Database, deadline: number, fn: () => Promise<T>, onWait?: () => void): Promise<T> {
  await retryWhileBusy(() => sqlite.exec('BEGIN IMMEDIATE'), deadline, onWait);
  try {
    const result = await fn();
    sqlite.exec('COMMIT');
    return result;
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  }
}

interface Write {
  /** Runs the write; what it returns answers the caller, once the turn has committed. */
  run(): Promise<() => void>;
  /** When the write gives up waiting for another process's lock (performance.now()). */
  deadline: number;
  reject(error: unknown): void;
}

/**
 * The writer's queue over its connection: `write(fn, deadline)` runs fn in the next turn and
 * resolves with what fn returned once its turn has committed. Writes run in the order they came.
 */
export function groupCommit(sqlite: Database.Database, onWait?: () => void) {
  const begin = sqlite.prepare('BEGIN IMMEDIATE');
  const commit = sqlite.prepare('COMMIT');
  const rollback = sqlite.prepare('ROLLBACK');
  const savepoint = sqlite.prepare('SAVEPOINT write');
  const release = sqlite.prepare('RELEASE write');
  const undo = sqlite.prepare('ROLLBACK TO write');
  let waiting: Write[] = [];
  let turning = false;

  /**
   * Takes the write lock for the turn, waiting while another process holds it; a write whose
   * deadline passes meanwhile is told the database is busy. Returns the writes still waiting.
   */
  async function lock(writes: Write[]): Promise<Write[]> {
    for (let pause = FIRST_PAUSE_MS, told = false; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS), told = true) {
      try {
        begin.run();
        return writes;
      } catch (err) {
        if (!isBusy(err)) {
          for (const w of writes) w.reject(err);
          return [];
        }
        const now = performance.now();
        const expired = writes.filter((w) => w.deadline <= now);
        for (const w of expired) w.reject(new StoreBusyError());
        writes = writes.filter((w) => w.deadline > now);
        if (writes.length === 0) return writes;
        if (!told) onWait?.();
        await sleep(Math.min(pause, Math.max(...writes.map((w) => w.deadline)) - now));
      }
    }
  }

  /** Runs the turn's writes in the open transaction and commits them; those not settled here are waiting again. */
  async function runTurn(writes: Write[]): Promise<void> {
    const done: { write: Write; answer: () => void }[] = [];
    for (const [i, write] of writes.entries()) {
      savepoint.run();
      try {
        const answer = await write.run();
        // RELEASE can fail too (a full disk while SQLite spills pages): only then is the write done.
        release.run();
        done.push({ write, answer });
      } catch (err) {
        write.reject(err);
        if (!sqlite.inTransaction) {
          // SQLite rolled the whole transaction back (a full disk, an I/O error): what the others
          // wrote is gone too. They go first in the next turn, to be written again or to fail alone.
          waiting = [...done.map((d) => d.write), ...writes.slice(i + 1), ...waiting];
          return;
        }
        undo.run();
        release.run();
      }
    }
    try {
      commit.run();
    } catch (err) {
      if (sqlite.inTransaction) rollback.run();
      for (const { write } of done) write.reject(err);
      return;
    }
    for (const { answer } of done) answer();
  }

  async function turn(): Promise<void> {
    const writes = waiting;
    waiting = [];
    try {
      await runTurn(await lock(writes));
    } catch (err) {
      // Only the statements around the writes can get here (a savepoint on a broken connection):
      // nothing of this turn is committed, and each write is told (again, harmlessly, if it was).
      if (sqlite.inTransaction) rollback.run();
      for (const w of writes) w.reject(err);
    }
    if (waiting.length > 0) setImmediate(turn);
    else turning = false;
  }

  return <T>(run: () => Promise<T>, deadline: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const answered = async () => {
        const value = await run();
        return () => resolve(value);
      };
      waiting.push({ run: answered, deadline, reject });
      if (turning) return;
      turning = true;
      // After the I/O callbacks of this round of the event loop: every request that reached its
      // write in this round joins the turn.
      setImmediate(turn);
    });
}
