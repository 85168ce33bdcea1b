/**
 * The one request body limit, for every route of the app (app.ts mounts it before any route
 * reads a body), answered as Riposte's own 413 error. The one exception, the admin view's
 * import upload, counts its own bytes against its own, larger limit (admin/upload-spool.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../shared/limits.ts';
import { RiposteError } from './errors.ts';

/** Where the admin view uploads an export (routes/admin-transfer.ts). */
export const IMPORT_UPLOAD_PATH = '/api/v1/admin/import';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function limitBody(maxBytes: number = LIMITS.requestMaxBytes): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c: Context) => {
      // Refused before any route (and its CORS) ran: a refusal carries no data, so any page may read it.
      const origin = c.req.header('origin');
      if (origin) c.header('Access-Control-Allow-Origin', origin);
      throw new RiposteError(413, 'payload_too_large', `Requests may be at most ${maxBytes / 1024} KB.`);
    },
  });
  return function limitBodyHandler(c, next) {
    // Only where a body is expected: reading one on a GET would build a full Request for nothing.
    if (!BODY_METHODS.has(c.req.method) || (c.req.method === 'POST' && c.req.path === IMPORT_UPLOAD_PATH)) return next();
    // A declared length is what Node's parser lets through, byte for byte: checked from the header
    // alone, the body stays unread, so the route reads it straight from the socket rather than
    // through the web stream hono's own check builds (a fifth of a post's CPU). Chunked bodies are counted.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(length)) {
      return Number(length) > maxBytes ? limit(c, next) : next();
    }
    return limit(c, next);
  };
}
