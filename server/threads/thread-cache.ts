/**
 * Cached parts of threads' answers, each good while its thread's version (bumped by database
 * triggers on any change to its comments, votes, pins, likes or site settings) is the one it
 * was built from: a thread's model (its visible comments, light), its order in each sort, and
 * each page's serialised answer (JSON now; another form of the same page, such as HTML, is
 * another part), compressed on demand. A write to a thread makes only the parts readers ask
 * for again be rebuilt: a page, not the whole thread; the model is brought up to date from
 * the one held (partFrom). Bounded by an estimate of the bytes held, least recently used first out.
 */
import type { ThreadRow } from '../store/schema.ts';

interface Part {
  version: number;
  /** A build under way is shared: readers arriving meanwhile wait for it rather than build again. */
  value: Promise<unknown>;
  /** The value once built (none while building). */
  held?: unknown;
  /** Estimated bytes held, once built (0 while building). */
  bytes: number;
}

/** Default bound: 64 MiB of answers and models. */
export const THREAD_CACHE_BYTES = 64 * 1024 * 1024;

export class ThreadCache {
  private readonly parts = new Map<string, Part>();
  private bytes = 0;

  /** `maxBytes`: what the parts may hold together (each part's own estimate of its size). */
  constructor(private readonly maxBytes = THREAD_CACHE_BYTES) {}

  /**
   * The thread's part named `name` at the thread's current version, built with `build` when
   * stale or missing; `sizeOf` estimates the built value's bytes for the bound.
   */
  part<T>(thread: Pick<ThreadRow, 'id' | 'version'>, name: string, build: () => Promise<T>, sizeOf: (value: T) => number): Promise<T> {
    const key = `${thread.id}:${name}`;
    const found = this.parts.get(key);
    // Least recently used goes first: every use moves the part to the back of the queue.
    if (found) this.drop(key, found);
    if (found?.version === thread.version) {
      this.parts.set(key, found);
      this.bytes += found.bytes;
      return found.value as Promise<T>;
    }
    const made: Part = { version: thread.version, value: build(), bytes: 0 };
    this.parts.set(key, made);
    made.value.then(
      (value) => {
        if (this.parts.get(key) !== made) return;
        made.held = value;
        made.bytes = sizeOf(value as T);
        this.bytes += made.bytes;
        this.evict();
      },
      // A failed build is not kept, so the next reader tries again (its readers get the error themselves).
      () => {
        if (this.parts.get(key) === made) this.drop(key, made);
      },
    );
    return made.value as Promise<T>;
  }

  /**
   * Like `part`, for a value that is brought up to date rather than made again, and that is
   * good for any version up to the one it was brought to (its content is at least that new):
   * `build` gets the value held before (perhaps still being built, perhaps failed), if any.
   * Builds of one part so chain one after another.
   */
  partFrom<T>(
    thread: Pick<ThreadRow, 'id' | 'version'>,
    name: string,
    build: (previous: Promise<T> | undefined) => Promise<T>,
    sizeOf: (value: T) => number,
  ): Promise<T> {
    const found = this.parts.get(`${thread.id}:${name}`);
    const current = found && found.version >= thread.version ? found.version : thread.version;
    return this.part({ id: thread.id, version: current }, name, () => build(found?.value as Promise<T> | undefined), sizeOf);
  }

  /**
   * A built part's `value` took `bytes` more in place (a part still building counts them when it
   * is done; a value no longer the part's, replaced meanwhile, counts for nothing).
   */
  grew(thread: Pick<ThreadRow, 'id'>, name: string, value: unknown, bytes: number): void {
    const part = this.parts.get(`${thread.id}:${name}`);
    if (!part || part.held !== value) return;
    part.bytes += bytes;
    this.bytes += bytes;
    this.evict();
  }

  private drop(key: string, part: Part): void {
    this.parts.delete(key);
    this.bytes -= part.bytes;
  }

  private evict(): void {
    for (const [key, part] of this.parts) {
      if (this.bytes <= this.maxBytes) return;
      this.drop(key, part);
    }
  }
}
