/**
 * Bytes served many times (thread answers, widget files): compressed once per encoding,
 * with an ETag per encoding, answered with 304 when the client has them already.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Bytes in their own ArrayBuffer, the type a Response body takes. */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface EncodedBody {
  /** The identity ETag's opaque part; compressed variants get a suffix (they are other bytes). */
  tag: string;
  /** 'fast' for answers that change (JSON), 'max' for files made once (the widget). */
  effort: 'fast' | 'max';
  bodies: Partial<Record<Encoding, Bytes>>;
}

export function encodedBody(identity: Bytes, effort: EncodedBody['effort']): EncodedBody {
  return { tag: createHash('sha1').update(identity).digest('base64url'), effort, bodies: { identity } };
}

function compress(body: Bytes, encoding: Exclude<Encoding, 'identity'>, effort: EncodedBody['effort']): Bytes {
  // An answer that changes is compressed again after every write to its thread: brotli quality
  // 4 takes about half the time of 5 on a page of JSON for 6-8% more bytes (npm run bench:write-cost).
  const compressed =
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: effort === 'fast' ? 4 : 11 } })
      : gzipSync(body, { level: effort === 'fast' ? 6 : 9 });
  return new Uint8Array(compressed);
}

function bodyFor(body: EncodedBody, encoding: Encoding): Bytes {
  body.bodies[encoding] ??= compress(body.bodies.identity!, encoding as Exclude<Encoding, 'identity'>, body.effort);
  return body.bodies[encoding];
}

/** Roughly what a cached body holds: its bytes and the compressed forms made on demand. */
export const heldBytes = (body: EncodedBody): number => Math.ceil(body.bodies.identity!.length * 1.25);

/** Picks the best encoding the client accepts. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b(?!;q=0(\.0*)?\b)/.test(accepted)) return 'br';
  if (/\bgzip\b(?!;q=0(\.0*)?\b)/.test(accepted)) return 'gzip';
  return 'identity';
}

/** If-None-Match holds a list of tags, weak or strong; a weak comparison is what GET needs. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function sendEncoded(c: Context, body: EncodedBody, contentType: string, cacheControl: string): Response {
  const encoding = preferredEncoding(c.req.header('accept-encoding'));
  const etag = `"${body.tag}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  c.header('Vary', 'Accept-Encoding', { append: true });
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  c.header('Content-Type', contentType);
  return c.body(bodyFor(body, encoding));
}
