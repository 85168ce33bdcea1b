/**
 * GET a URL that a stranger named (a Webmention source): every hop's host resolved and checked
 * before connecting (see checked-target.ts), redirects, total time and body size capped, only
 * GET, with Riposte's user agent. Answers any status; the caller decides what a 404 means.
 */
import type { AddressPolicy } from './address-policy.ts';
import { checkedTarget } from './checked-target.ts';
import { FetchError } from './fetch-error.ts';
import { ACCEPTED_ENCODINGS, type FetchedResponse, pinnedRequest } from './pinned-request.ts';

export interface SafeFetchOptions extends AddressPolicy {
  /** The whole fetch, redirects included (default 10 s). */
  timeoutMs?: number;
  /** Largest body, after decompression (default 1 MiB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** The Accept header (default any). */
  accept?: string;
  /** Names Riposte to the site it fetches from; see riposteUserAgent. */
  userAgent?: string;
}

export const SAFE_FETCH_DEFAULTS = { timeoutMs: 10_000, maxBytes: 1024 * 1024, maxRedirects: 5 } as const;

/** Who is asking, with where to find out more: the comment server's public address. */
export function riposteUserAgent(publicUrl?: string): string {
  return `Riposte${publicUrl ? ` (+${publicUrl})` : ''}`;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Throws FetchError; see fetch-error.ts for the codes. */
export async function safeFetch(href: string | URL, options: SafeFetchOptions = {}): Promise<FetchedResponse> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...SAFE_FETCH_DEFAULTS, ...options };
  const signal = AbortSignal.timeout(timeoutMs);
  const headers = {
    'user-agent': options.userAgent ?? riposteUserAgent(),
    accept: options.accept ?? '*/*',
    'accept-encoding': ACCEPTED_ENCODINGS,
  };
  let next: string | URL = href;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    // A slow DNS answer counts against the same deadline as the rest.
    const target = await checkedTarget(next, options, signal);
    const response = await pinnedRequest(target, { method: 'GET', headers, signal, maxBytes });
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || !location) return response;
    next = URL.canParse(location, target.url) ? new URL(location, target.url) : location;
  }
  throw new FetchError('too-many-redirects', `More than ${maxRedirects} redirects.`);
}
