/**
 * A per-thread cache of the serialised GET answer, compressed on demand, so reads cost about
 * as much as serving bytes from memory. An entry is good while the thread's version (bumped
 * by database triggers on any change to its comments or likes) is the one it was built from.
 */
import { encodedBody, type EncodedBody } from '../http/encoded-body.ts';
import type { ThreadRow } from '../store/schema.ts';

interface Entry {
  version: number;
  /** A build under way is shared: readers arriving meanwhile wait for it rather than build again. */
  body: Promise<EncodedBody>;
}

export class ThreadCache {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly maxEntries = 2_000) {}

  /** The answer for a thread at its current version, building it with `build` when stale or missing. */
  get(thread: Pick<ThreadRow, 'id' | 'version'>, build: () => Promise<string>): Promise<EncodedBody> {
    let entry = this.entries.get(thread.id);
    // Least recently used goes first: every use moves the thread to the back of the queue.
    this.entries.delete(thread.id);
    if (entry?.version !== thread.version) {
      const made: Entry = { version: thread.version, body: build().then((json) => encodedBody(new TextEncoder().encode(json), 'fast')) };
      // A failed build is not kept, so the next reader tries again (its readers get the error themselves).
      made.body.catch(() => {
        if (this.entries.get(thread.id) === made) this.entries.delete(thread.id);
      });
      entry = made;
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(thread.id, entry);
    return entry.body;
  }
}
