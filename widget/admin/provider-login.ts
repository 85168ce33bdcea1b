/**
 * The admin view's provider login (RIPOSTE_ADMINS): the full-page sign-in flow (../pkce.ts),
 * bound to this tab by the verifier it keeps in sessionStorage.
 */
import { newPkce, takeReturnedCode } from '../pkce.ts';

const VERIFIER_KEY = 'riposte-admin:verifier';

/** Makes a new verifier for this tab and returns its challenge. */
export async function newChallenge(): Promise<string> {
  const { verifier, challenge } = await newPkce();
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  return challenge;
}

/** Where a provider's button goes: its start page, returning to /admin. */
export function startUrl(provider: string, challenge: string): string {
  const query = new URLSearchParams({ site: 'default', origin: location.origin, return: `${location.origin}/admin`, challenge });
  return `/auth/${encodeURIComponent(provider)}/start?${query}`;
}

/** Back from the provider: the one-time code (out of the address at once) and this tab's verifier (used up). */
export function returnedCode(): { code: string; verifier: string } | null {
  const code = takeReturnedCode('#queue');
  if (!code) return null;
  const verifier = sessionStorage.getItem(VERIFIER_KEY) ?? '';
  sessionStorage.removeItem(VERIFIER_KEY);
  return { code, verifier };
}
