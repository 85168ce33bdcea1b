/**
 * The admin view's provider login (RIPOSTE_ADMINS): the full-page sign-in flow, bound to this
 * tab by a random verifier kept in sessionStorage whose SHA-256 goes out as the challenge.
 */
const VERIFIER_KEY = 'riposte-admin:verifier';

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Makes a new verifier for this tab and returns its challenge. */
export async function newChallenge(): Promise<string> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Where a provider's button goes: its start page, returning to /admin. */
export function startUrl(provider: string, challenge: string): string {
  const query = new URLSearchParams({ site: 'default', origin: location.origin, return: `${location.origin}/admin`, challenge });
  return `/auth/${encodeURIComponent(provider)}/start?${query}`;
}

/** Back from the provider: the one-time code in the address (removed at once) and this tab's verifier (used up). */
export function returnedCode(): { code: string; verifier: string } | null {
  const code = /^#riposte-sign-in=([A-Za-z0-9_-]{43})$/.exec(location.hash)?.[1];
  if (!code) return null;
  history.replaceState(null, '', `${location.pathname}#queue`);
  const verifier = sessionStorage.getItem(VERIFIER_KEY) ?? '';
  sessionStorage.removeItem(VERIFIER_KEY);
  return { code, verifier };
}
