/**
 * Sign-in under /auth: the providers a site offers, the popup (or full-page) OAuth flow
 * on this server's origin, the one-time code exchange of the full-page flow, who is signed
 * in, and log out. See DESIGN.md, "Auth in an embedded widget".
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { siteSettings } from '../../shared/site-settings.ts';
import type { SignInOptions, WireSession } from '../../shared/wire.ts';
import type { SignInProvider } from '../auth/auth-config.ts';
import { sendHandoffPage } from '../auth/handoff-page.ts';
import { authorizationUrl, completeSignIn, newChecks } from '../auth/providers.ts';
import { codeExchangeSchema, siteQuerySchema, startQuerySchema } from '../auth/auth-schemas.ts';
import { exchangeCode, issueCode } from '../auth/one-time-code.ts';
import { bearerToken, createSession, sessionUser, unauthorized } from '../auth/sessions.ts';
import { identityOf } from '../auth/identity.ts';
import { hashToken } from '../tokens.ts';
import { toWireUser } from '../auth/wire-user.ts';
import { apiCors } from '../http/api-cors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { readJson, validate } from '../http/read-json.ts';
import { allowedOrigins } from '../sites/allowed-origins.ts';
import { requireSite } from '../sites/require-site.ts';

/** A reader has this long to log in at the provider. */
const SIGN_IN_MINUTES = 10;
/** Ties the callback to the browser that started the sign-in (against login CSRF). */
const STATE_COOKIE = 'riposte_sign_in';

function findProvider(c: Context<AppEnv>): SignInProvider | undefined {
  return c.var.config.auth.providers.find((p) => p.id === c.req.param('provider'));
}

function callbackUrl(c: Context<AppEnv>, provider: SignInProvider): string {
  return `${c.var.config.publicUrl}/auth/${provider.id}/callback`;
}

/** The page origin that may receive the session: it must be one the site allows. */
async function allowedOrigin(
  c: Context<AppEnv>,
  siteId: string | undefined,
  origin: string,
): Promise<{ siteId: string; origin: string } | null> {
  const site = await requireSite(c, siteId);
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return null;
  }
  return parsed.origin === origin && allowedOrigins(site, c.var.config).has(origin) ? { siteId: site.id, origin } : null;
}

const cors = apiCors();

export const authRoutes = new Hono<AppEnv>()
  // CORS only on what the widget calls with fetch; start and callback are pages in a window.
  .use('/providers', cors)
  .use('/me', cors)
  .use('/logout', cors)
  .use('/session', cors)
  .get('/providers', async (c) => {
    const query = validate(siteQuerySchema, c.req.query());
    const settings = siteSettings((await requireSite(c, query.site)).settings);
    const options: SignInOptions = {
      providers: c.var.config.auth.providers.map(({ id, name }) => ({ id, name })),
      guests: settings.guests,
      editWindowMinutes: settings.editWindowMinutes,
      emailRequired: settings.emailRequired,
    };
    return c.json(options);
  })
  .get('/me', async (c) => {
    const user = await sessionUser(c);
    if (!user) throw unauthorized();
    c.header('Cache-Control', 'no-store');
    return c.json({ user: toWireUser(user, c.var.config.auth, c.var.hashKey) });
  })
  .post('/logout', async (c) => {
    const token = bearerToken(c);
    // Logging out twice, or with a token that already expired, ends in the same place.
    if (token) await c.var.store.sessions.delete(hashToken(token));
    return c.body(null, 204);
  })
  .post('/session', async (c) => {
    // The full-page flow came back with a one-time code: it becomes a session token, once,
    // and only for the page origin the sign-in started from.
    const exchange = await readJson(c, codeExchangeSchema);
    const { store, config, hashKey } = c.var;
    const user = await exchangeCode(store, exchange, c.req.header('origin'), c.var.now());
    if (!user) throw new RiposteError(400, 'invalid_input', 'This sign-in link has expired or was already used. Log in again.');
    const session: WireSession = {
      type: 'riposte-session',
      token: await createSession(c.var, user.id),
      user: toWireUser(user, config.auth, hashKey),
    };
    return c.json(session);
  })
  .get('/:provider/start', async (c) => {
    const provider = findProvider(c);
    if (!provider) return sendHandoffPage(c, 404, { title: 'Unknown sign-in provider', text: 'This comment server has no such provider.' });
    const query = validate(startQuerySchema, c.req.query());
    const target = await allowedOrigin(c, query.site, query.origin);
    if (!target) {
      return sendHandoffPage(c, 403, {
        title: 'Sign-in not allowed here',
        text: `Pages on ${query.origin} may not sign in to this comment server.`,
      });
    }
    let returnUrl: string | null = null;
    if (query.return !== undefined) {
      const url = URL.canParse(query.return) ? new URL(query.return) : null;
      // Only back to the page's own origin: never an open redirect.
      if (!url || url.origin !== target.origin) {
        return sendHandoffPage(c, 400, { title: 'Sign-in not allowed here', text: "The page to return to is not on the page's own site." });
      }
      url.hash = '';
      returnUrl = url.href;
    }

    const checks = newChecks(provider);
    let redirect: URL;
    try {
      redirect = await authorizationUrl(provider, callbackUrl(c, provider), checks);
    } catch (error) {
      console.error(`riposte: could not reach sign-in provider ${provider.id}:`, error);
      return sendHandoffPage(c, 502, {
        title: `${provider.name} cannot be reached`,
        text: `Logging in with ${provider.name} is not possible right now. Try again later, or comment as a guest.`,
      });
    }
    const now = c.var.now();
    await c.var.store.authRequests.deleteExpired(now.toISOString());
    await c.var.store.authRequests.insert({
      state: checks.state,
      provider: provider.id,
      siteId: target.siteId,
      origin: target.origin,
      returnUrl,
      returnChallenge: returnUrl ? (query.challenge ?? null) : null,
      codeVerifier: checks.codeVerifier,
      nonce: checks.nonce,
      expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000).toISOString(),
    });
    setCookie(c, STATE_COOKIE, checks.state, {
      path: '/auth',
      httpOnly: true,
      // Lax: sent when the provider redirects back (a top-level GET), not on cross-site subrequests.
      sameSite: 'Lax',
      secure: c.var.config.publicUrl.startsWith('https:'),
      maxAge: SIGN_IN_MINUTES * 60,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(redirect.href, 302);
  })
  .get('/:provider/callback', async (c) => {
    const provider = findProvider(c);
    const state = c.req.query('state') ?? '';
    const cookie = getCookie(c, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, { path: '/auth' });
    const { store, config, hashKey } = c.var;
    const request = provider && cookie === state ? await store.authRequests.take(state, c.var.now().toISOString()) : undefined;
    if (!provider || !request || request.provider !== provider.id) {
      return sendHandoffPage(c, 400, {
        title: 'This sign-in has expired',
        text: 'It took too long, or was started in another browser. Close this window and log in again from the comment form.',
      });
    }
    const fail = (status: 400 | 502, text: string) =>
      sendHandoffPage(c, status, {
        title: 'You are not signed in',
        text,
        message: { type: 'riposte-sign-in-error', message: text },
        origin: request.origin,
        ...(request.returnUrl ? { backTo: request.returnUrl } : {}),
      });
    if (c.req.query('error'))
      return fail(400, `${provider.name} did not sign you in (${c.req.query('error')}). You can try again, or comment as a guest.`);

    let userId: number;
    try {
      // The provider redirected to our public callback URL; behind a proxy c.req.url has another host.
      const url = new URL(callbackUrl(c, provider));
      url.search = new URL(c.req.url).search;
      const profile = await completeSignIn(provider, url, { state, codeVerifier: request.codeVerifier, nonce: request.nonce });
      const user = await store.users.upsert(profile, c.var.now().toISOString());
      userId = user.id;
      // The owner reads identities here to list them in RIPOSTE_OWNERS or RIPOSTE_MODERATORS.
      console.log(`riposte: signed in ${identityOf(user)} (${user.name})`);
    } catch (error) {
      console.error(`riposte: sign-in with ${provider.id} failed:`, error);
      return fail(502, `Logging in with ${provider.name} did not work. You can try again, or comment as a guest.`);
    }

    if (request.returnUrl) {
      const code = await issueCode(store, request, userId, c.var.now());
      c.header('Cache-Control', 'no-store');
      return c.redirect(`${request.returnUrl}#riposte-sign-in=${code}`, 302);
    }
    const user = (await store.users.get(userId))!;
    return sendHandoffPage(c, 200, {
      title: 'You are signed in',
      text: `Signed in as ${user.name}. This window closes by itself; if it stays open, close it and return to the page.`,
      message: { type: 'riposte-session', token: await createSession(c.var, userId), user: toWireUser(user, config.auth, hashKey) },
      origin: request.origin,
    });
  });
