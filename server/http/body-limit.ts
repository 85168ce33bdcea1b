/** The request body limit, answered as Riposte's own 413 error: one factory for every router that reads bodies. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../shared/limits.ts';
import { RiposteError } from './errors.ts';

export function limitBody(maxBytes: number = LIMITS.requestMaxBytes): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new RiposteError(413, 'payload_too_large', `Requests may be at most ${maxBytes / 1024} KB.`);
    },
  });
}
