/** Why fetching a URL that someone else named did not give an answer, as a code a caller can act on and a readable message. */

export const FETCH_FAILURES = [
  /** Not an http(s) URL, or one with a user name or password in it. */
  'bad-url',
  /** The host is, or resolves to, an address Riposte does not fetch from (loopback, private, link-local, ...). */
  'refused',
  /** The host name did not resolve. */
  'dns',
  /** No connection, or it broke (refused, reset, TLS failure). */
  'network',
  /** The whole fetch, redirects included, took longer than allowed. */
  'timeout',
  /** The answer's body is larger than allowed. */
  'too-large',
  /** More redirects than allowed. */
  'too-many-redirects',
] as const;
export type FetchFailure = (typeof FETCH_FAILURES)[number];

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly code: FetchFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
