/** The store as a command-line tool opens it: behind another process's write lock (an import), it waits its turn and says so. */
import type { Config } from './config.ts';
import { openStore, type Store } from './store/index.ts';

/** Says once, on stderr, that the command waits for another process's write lock on `file`. */
export function lockWaitNotice(file: string): () => void {
  let told = false;
  return () => {
    if (told) return;
    told = true;
    console.error(`riposte: waiting for another process (an import?) writing to ${file} to finish; this goes on by itself…`);
  };
}

/** Opens (and migrates) the configured database for a command: its writes wait for another process's lock as long as it takes. */
export function openToolStore(config: Config): Promise<Store> {
  return openStore(config.dbFile, {
    maxBytes: config.dbMaxBytes,
    poolSize: config.dbPool,
    onWait: lockWaitNotice(config.dbFile),
    patient: true,
  });
}
