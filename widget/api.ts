/**
 * Typed client for the Riposte JSON API: one instance per comment server, made by the element
 * that owns it (`<riposte-thread>`), one line per endpoint, every failure an ApiError.
 */
import { ERROR_CODES, type ErrorCode, type ThreadSort, type WireThread } from '../shared/wire.ts';

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

export interface ApiOptions {
  /** The comment server's root URL, ending in "/". */
  server: string;
  /** The reader's session token, or null for a guest; read when a request made as the reader starts. */
  token: () => string | null;
}

/** One request's parts besides its method and path. */
export interface Send {
  query?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Made as the reader: carries their session (`Authorization: Bearer`) when they are signed in. */
  asReader?: boolean;
}

export const createApi = ({ server, token }: ApiOptions) => {
  const href = (path: string, query?: Record<string, string>) => server + path + (query ? `?${new URLSearchParams(query)}` : '');
  /** Any endpoint; those for writing (writing/writing-api.ts, account/account-api.ts) come with the form and use this. */
  const send = <T>(method: string, path: string, { query, body, signal, headers = {}, asReader }: Send = {}) => {
    const session = asReader && token();
    return call<T>(method, href(path, query), {
      body,
      signal,
      headers: session ? { ...headers, authorization: `Bearer ${session}` } : headers,
    });
  };
  return {
    server,
    send,
    /** A page of the thread in `sort` order: the first, the one after `cursor`, or the one that holds `comment`. */
    getThread: (site: string, page: string, sort: ThreadSort, signal?: AbortSignal, at: { cursor?: string; comment?: string } = {}) =>
      send<WireThread>('GET', 'api/v1/threads', { query: { site, page, sort, ...at }, signal }),
    /** An address on the server, for a link rather than a request (a provider's start page). */
    href,
    feedUrl: (site: string, page: string) => href('feeds/thread.atom', { site, page }),
  };
};

export type Api = ReturnType<typeof createApi>;

/**
 * Sends one request and returns its JSON. The return type is trusted here, the one place
 * that trusts the server's shape (it is ours, and the contract tests pin it).
 */
export async function call<T>(
  method: string,
  href: string,
  { body, signal, headers = {} }: Pick<Send, 'body' | 'signal' | 'headers'> = {},
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
