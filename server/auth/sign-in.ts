/**
 * A reader's sign-in with a provider, on this server's origin (DESIGN.md, "Auth in an
 * embedded widget"): start checks where the result may go and sends the reader to the
 * provider; the callback checks the provider's answer and ends with the session handed to
 * the page (popup), or with a one-time code for the page to exchange (full-page flow). Each
 * step answers with a redirect or the hand-off page to show; routes/auth.ts only sends it.
 */
import type * as v from 'valibot';
import type { AppDeps } from '../http/app-env.ts';
import { allowedOrigins } from '../sites/allowed-origins.ts';
import type { SiteRow, UserRow } from '../store/schema.ts';
import type { SignInProvider } from './auth-config.ts';
import type { startQuerySchema } from './auth-schemas.ts';
import type { HandoffPage } from './handoff-page.ts';
import { identityOf } from './identity.ts';
import { issueCode } from './one-time-code.ts';
import { authorizationUrl, completeSignIn, newChecks } from './providers.ts';
import { createSession } from './sessions.ts';
import { toWireUser } from './wire-user.ts';

/** A reader has this long to log in at the provider. */
export const SIGN_IN_MINUTES = 10;

type SignInDeps = Pick<AppDeps, 'store' | 'config' | 'hashKey' | 'now'>;

/** A hand-off page to show, with its status. */
export interface Handoff {
  status: 200 | 400 | 403 | 404 | 502;
  page: HandoffPage;
}

export type StartQuery = v.InferOutput<typeof startQuerySchema>;

/** Where the provider sends the reader back (the URL to register with it). */
export function callbackUrl(deps: Pick<AppDeps, 'config'>, provider: SignInProvider): string {
  return `${deps.config.publicUrl}/auth/${provider.id}/callback`;
}

/** The page origin (and, full-page, the page) the result may go to: an origin the site allows, and never an open redirect. */
function destination(deps: SignInDeps, site: SiteRow, query: StartQuery): { origin: string; returnUrl: string | null } | Handoff {
  const origin = URL.canParse(query.origin) ? new URL(query.origin).origin : null;
  if (origin !== query.origin || !allowedOrigins(site, deps.config).has(origin)) {
    return {
      status: 403,
      page: { title: 'Sign-in not allowed here', text: `Pages on ${query.origin} may not sign in to this comment server.` },
    };
  }
  if (query.return === undefined) return { origin, returnUrl: null };
  const url = URL.canParse(query.return) ? new URL(query.return) : null;
  // Only back to the page's own origin.
  if (!url || url.origin !== origin) {
    return { status: 400, page: { title: 'Sign-in not allowed here', text: "The page to return to is not on the page's own site." } };
  }
  url.hash = '';
  return { origin, returnUrl: url.href };
}

/** Keeps what the callback must check (state, PKCE verifier, nonce, where the result goes) and answers where to send the reader. */
export async function startSignIn(
  deps: SignInDeps,
  provider: SignInProvider,
  site: SiteRow,
  query: StartQuery,
): Promise<{ redirect: string; state: string } | Handoff> {
  const target = destination(deps, site, query);
  if ('page' in target) return target;
  const checks = newChecks(provider);
  let redirect: URL;
  try {
    redirect = await authorizationUrl(provider, callbackUrl(deps, provider), checks);
  } catch (error) {
    console.error(`riposte: could not reach sign-in provider ${provider.id}:`, error);
    const text = `Logging in with ${provider.name} is not possible right now. Try again later, or comment as a guest.`;
    return { status: 502, page: { title: `${provider.name} cannot be reached`, text } };
  }
  const now = deps.now();
  await deps.store.authRequests.deleteExpired(now.toISOString());
  await deps.store.authRequests.insert({
    state: checks.state,
    provider: provider.id,
    siteId: site.id,
    origin: target.origin,
    returnUrl: target.returnUrl,
    returnChallenge: target.returnUrl ? (query.challenge ?? null) : null,
    codeVerifier: checks.codeVerifier,
    nonce: checks.nonce,
    expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000).toISOString(),
  });
  return { redirect: redirect.href, state: checks.state };
}

export const EXPIRED: Handoff = {
  status: 400,
  page: {
    title: 'This sign-in has expired',
    text: 'It took too long, or was started in another browser. Close this window and log in again from the comment form.',
  },
};

export interface Callback {
  state: string;
  /** The query string the provider sent the reader back with (code, state, iss, or error). */
  search: string;
  error: string | undefined;
}

/**
 * Checks the provider's answer for the sign-in started with `state` (each state is good for
 * one callback), and makes or refreshes the person. Answers the page to show, or for the
 * full-page flow the redirect back to the page with a one-time code in its fragment.
 */
export async function finishSignIn(
  deps: SignInDeps,
  provider: SignInProvider,
  { state, search, error }: Callback,
): Promise<{ redirect: string } | Handoff> {
  const request = await deps.store.authRequests.take(state, deps.now().toISOString());
  if (!request || request.provider !== provider.id) return EXPIRED;
  const fail = (status: 400 | 502, text: string): Handoff => ({
    status,
    page: {
      title: 'You are not signed in',
      text,
      message: { type: 'riposte-sign-in-error', message: text },
      origin: request.origin,
      ...(request.returnUrl ? { backTo: request.returnUrl } : {}),
    },
  });
  if (error) return fail(400, `${provider.name} did not sign you in (${error}). You can try again, or comment as a guest.`);

  let user: UserRow;
  try {
    // The provider redirected to our public callback URL; behind a proxy the request's own URL has another host.
    const url = new URL(callbackUrl(deps, provider));
    url.search = search;
    const profile = await completeSignIn(provider, url, { state, codeVerifier: request.codeVerifier, nonce: request.nonce });
    user = await deps.store.users.upsert(profile, deps.now().toISOString());
    // The owner reads identities here to list them in RIPOSTE_OWNERS or RIPOSTE_MODERATORS.
    console.log(`riposte: signed in ${identityOf(user)} (${user.name})`);
  } catch (err) {
    console.error(`riposte: sign-in with ${provider.id} failed:`, err);
    return fail(502, `Logging in with ${provider.name} did not work. You can try again, or comment as a guest.`);
  }

  if (request.returnUrl) {
    const code = await issueCode(deps.store, request, user.id, deps.now());
    return { redirect: `${request.returnUrl}#riposte-sign-in=${code}` };
  }
  return {
    status: 200,
    page: {
      title: 'You are signed in',
      text: `Signed in as ${user.name}. This window closes by itself; if it stays open, close it and return to the page.`,
      message: {
        type: 'riposte-session',
        token: await createSession(deps, user.id),
        user: toWireUser(user, deps.config.auth, deps.hashKey),
      },
      origin: request.origin,
    },
  };
}
