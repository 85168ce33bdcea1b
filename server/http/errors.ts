/** Expected failures and the one place that turns any failure into `{ error: { code, message, fields? } }`. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, WireError } from '../../shared/wire.ts';
import { isBusy, isFull, isUnstorable } from '../store/index.ts';

export class RiposteError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(status, { message });
  }
}

export function errorBody(code: ErrorCode, message: string, fields?: Record<string, string>): WireError {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** Hono's own exceptions (body limit, malformed requests) keep their status with a generic code. */
function codeForStatus(status: number): ErrorCode {
  if (status === 413) return 'payload_too_large';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'internal' : 'invalid_input';
}

/** A full disk is told to the log once a minute at most: a line (with a stack) per refused write would flood the log, on that same disk. */
const FULL_LOG_EVERY_MS = 60_000;

/** The app's error handler; `now` is the app's clock. */
export function onError(now: () => Date) {
  let fullLoggedAt = Number.NEGATIVE_INFINITY;
  return (err: Error, c: Context): Response => {
    if (isFull(err)) {
      if (now().getTime() - fullLoggedAt >= FULL_LOG_EVERY_MS) {
        fullLoggedAt = now().getTime();
        console.error(
          'riposte: storage full: the disk or RIPOSTE_DB_MAX_MB is full; writes are refused (507) until there is room, reads go on.',
        );
      }
      return c.json(
        errorBody('storage_full', "The comment server's storage is full, so nothing was saved. Reading still works; try again later."),
        507,
      );
    }
    return answer(err, c);
  };
}

function answer(err: Error, c: Context): Response {
  if (err instanceof RiposteError) return c.json(errorBody(err.code, err.message, err.fields), err.status);
  if (err instanceof HTTPException) {
    return c.json(errorBody(codeForStatus(err.status), err.message || 'The request was refused.'), err.status);
  }
  if (isBusy(err)) {
    // An import holds the write lock, or the database is out of reach; nothing was written, and a retry soon will go through.
    c.header('Retry-After', '5');
    return c.json(errorBody('busy', 'The comment server is busy (an import is running?); nothing was saved. Try again in a moment.'), 503);
  }
  if (isUnstorable(err)) {
    return c.json(errorBody('invalid_input', 'The request holds a number or a character that cannot be stored; nothing was saved.'), 400);
  }
  console.error('riposte: unexpected error on', c.req.method, c.req.path, err);
  return c.json(errorBody('internal', 'Something went wrong on the server; nothing was changed.'), 500);
}

export function notFound(c: Context): Response {
  return c.json(errorBody('not_found', `Nothing here: ${c.req.method} ${c.req.path}.`), 404);
}
