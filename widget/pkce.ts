/**
 * The browser's half of the full-page sign-in, for the widget and the admin view alike (PKCE,
 * RFC 7636): a random verifier this tab keeps, its SHA-256 challenge sent to the server on the
 * way out, and the one-time code that comes back in the address, which the server exchanges
 * only together with that verifier, so nobody can plant their own sign-in in someone's page.
 */
import { base64url } from './base64url.ts';

/** A new verifier (32 random bytes) and its challenge; the caller keeps the verifier in this tab. */
export async function newPkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge };
}

/**
 * The one-time code the server sent this page back with (`#riposte-sign-in=CODE`), or null.
 * It leaves the address bar and the history at once, `hash` taking its place.
 */
export function takeReturnedCode(hash: string): string | null {
  const code = /^#riposte-sign-in=([A-Za-z0-9_-]{43})$/.exec(location.hash)?.[1];
  if (!code) return null;
  history.replaceState(history.state, '', location.pathname + location.search + hash);
  return code;
}
