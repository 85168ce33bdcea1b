/**
 * A per-thread cache of the serialised GET answer, compressed on demand and dropped on
 * every write to that thread, so reads cost about as much as serving bytes from memory.
 */
import { encodedBody, type EncodedBody } from '../http/encoded-body.ts';

export class ThreadCache {
  private readonly entries = new Map<string, EncodedBody>();

  constructor(private readonly maxEntries = 2_000) {}

  static key(siteId: string, pageKey: string): string {
    return `${siteId}\n${pageKey}`;
  }

  /** The cached answer for a thread, building it with `build` on a miss. */
  get(key: string, build: () => string): EncodedBody {
    let entry = this.entries.get(key);
    if (entry) {
      // Least recently used goes first: a hit moves the thread to the back of the queue.
      this.entries.delete(key);
    } else {
      entry = encodedBody(new TextEncoder().encode(build()), 'fast');
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
    return entry;
  }

  invalidate(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
