/**
 * The full-page sign-in's one-time code, for readers and admins alike: after the provider's
 * callback the browser returns to its page with a code in the URL's fragment, and the page
 * exchanges it (once, within two minutes) together with the verifier whose SHA-256 the tab
 * sent as `challenge` when it started. A code planted in another reader's page is useless there.
 */
import type { Store } from '../store/index.ts';
import type { AuthRequestRow, UserRow } from '../store/schema.ts';
import { hashToken, randomToken, sameSecret } from '../tokens.ts';
import type { CodeExchange } from './auth-schemas.ts';

/** How soon after the redirect back the code must be exchanged. */
const CODE_SECONDS = 120;

/** Keeps the sign-in request, now holding the code's hash and who signed in; returns the code for the redirect. */
export async function issueCode(store: Store, request: AuthRequestRow, userId: number, now: Date): Promise<string> {
  const code = randomToken();
  await store.authRequests.keepForCode(request, hashToken(code), userId, new Date(now.getTime() + CODE_SECONDS * 1000).toISOString());
  return code;
}

/**
 * Who signed in, if the code is unexpired and unused, comes with the starting tab's verifier,
 * and was issued for a sign-in started from `origin`; undefined otherwise. Taken (so used up)
 * before the checks: a wrong guess burns the code.
 */
export async function exchangeCode(
  store: Store,
  { code, verifier }: CodeExchange,
  origin: string | undefined,
  now: Date,
): Promise<UserRow | undefined> {
  const request = await store.authRequests.takeCode(hashToken(code), now.toISOString());
  if (!request?.returnChallenge || request.userId === null) return undefined;
  if (!sameSecret(hashToken(verifier), request.returnChallenge) || request.origin !== origin) return undefined;
  return store.users.get(request.userId);
}
