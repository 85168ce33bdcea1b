/** Typed client for the Riposte JSON API: one line per endpoint, every failure an ApiError. */
import {
  ERROR_CODES,
  type ErrorCode,
  type LikeRequest,
  type LikeState,
  type NewCommentRequest,
  type PostedComment,
  type WireThread,
} from '../shared/wire.ts';

/** The server's error codes, plus `network` for a request that never got an answer. */
export type ApiErrorCode = ErrorCode | 'network';

/** A failed request, with the server's code, message and per-field messages (keys such as "author.name"). */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** Endpoints of one comment server, `base` being its root URL ending in "/". */
export const createApi = (base: string) => ({
  getThread: (site: string, page: string, signal?: AbortSignal) =>
    call<WireThread>('GET', url(base, 'api/v1/threads', { site, page }), undefined, signal),
  /** `headers`: the reader's `Authorization: Bearer` when signed in (see account.ts). */
  postComment: (input: NewCommentRequest, headers?: Record<string, string>) =>
    call<PostedComment>('POST', url(base, 'api/v1/comments'), input, undefined, headers),
  getLikes: (site: string, page: string, liker: string) => call<LikeState>('GET', url(base, 'api/v1/likes', { site, page, liker })),
  putLike: (input: LikeRequest) => call<LikeState>('PUT', url(base, 'api/v1/likes'), input),
  feedUrl: (site: string, page: string) => url(base, 'feeds/thread.atom', { site, page }),
});

export type Api = ReturnType<typeof createApi>;

export function url(base: string, path: string, query?: Record<string, string>): string {
  return base + path + (query ? `?${new URLSearchParams(query)}` : '');
}

/**
 * Sends one request and returns its JSON. The return type is trusted here, the one place
 * that trusts the server's shape (it is ours, and the contract tests pin it).
 */
export async function call<T>(
  method: string,
  href: string,
  body?: unknown,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(href, {
      method,
      signal: signal ?? null,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (error) {
    // An abort is the caller's own doing (a newer load replaced this one): pass it on untouched.
    if (signal?.aborted) throw error;
    throw new ApiError('network', String(error));
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return json as T;
  throw toApiError(json, response.status);
}

/** Reads `{ error: { code, message, fields? } }`; anything else (a proxy's HTML page) becomes `internal`. */
export function toApiError(json: unknown, status: number): ApiError {
  const error = isObject(json) && isObject(json.error) ? json.error : {};
  const code =
    ERROR_CODES.find((c) => c === error.code) ?? (status === 413 ? 'payload_too_large' : status === 429 ? 'rate_limited' : 'internal');
  const message = typeof error.message === 'string' ? error.message : `HTTP ${status}`;
  const fields: Record<string, string> = {};
  if (isObject(error.fields)) {
    for (const [key, value] of Object.entries(error.fields)) if (typeof value === 'string') fields[key] = value;
  }
  return new ApiError(code, message, fields);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
