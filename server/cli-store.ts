/** The store as a command-line tool opens it: behind another process's write lock (an import), it waits its turn and says so. */
import { openStore, type LockWaiting, type Store } from './store/index.ts';

/** Says once, on stderr, that the command waits for another process's write lock on `file`. */
export function lockWaitNotice(file: string): () => void {
  let told = false;
  return () => {
    if (told) return;
    told = true;
    console.error(`riposte: waiting for another process (an import?) writing to ${file} to finish; this goes on by itself…`);
  };
}

/** Opens (and migrates) `file` for a command: its writes wait for another process's lock as long as it takes. */
export function openToolStore(file: string): Promise<Store> {
  const waiting: LockWaiting = { onWait: lockWaitNotice(file), patient: true };
  return openStore(file, waiting);
}
