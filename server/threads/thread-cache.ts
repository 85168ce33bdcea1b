/**
 * A per-thread cache of the serialised GET answer, compressed on demand and dropped on
 * every write to that thread, so reads cost about as much as serving bytes from memory.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Bytes in their own ArrayBuffer, the type a Response body takes. */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface CachedThread {
  etag: string;
  bodies: Partial<Record<Encoding, Bytes>>;
}

function compress(body: Bytes, encoding: Exclude<Encoding, 'identity'>): Bytes {
  // Quality 5 brotli is close to 11 in size for JSON and many times faster to make.
  const compressed =
    encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(body, { level: 6 });
  return new Uint8Array(compressed);
}

export class ThreadCache {
  private readonly entries = new Map<string, CachedThread>();

  constructor(private readonly maxEntries = 2_000) {}

  static key(siteId: string, pageKey: string): string {
    return `${siteId}\n${pageKey}`;
  }

  /** The cached answer for a thread, building it with `build` on a miss. */
  get(key: string, build: () => string): CachedThread {
    let entry = this.entries.get(key);
    if (!entry) {
      const body = new TextEncoder().encode(build());
      entry = { etag: `"${createHash('sha1').update(body).digest('base64url')}"`, bodies: { identity: body } };
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
    return entry;
  }

  body(entry: CachedThread, encoding: Encoding): Bytes {
    if (encoding === 'identity') return entry.bodies.identity!;
    return (entry.bodies[encoding] ??= compress(entry.bodies.identity!, encoding));
  }

  invalidate(key: string): void {
    this.entries.delete(key);
  }
}

/** Picks the best encoding the client accepts. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
}
