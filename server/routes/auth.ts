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
import { codeExchangeSchema, emailSessionSchema, emailStartSchema, siteQuerySchema, startQuerySchema } from '../auth/auth-schemas.ts';
import { finishEmailSignIn, startEmailSignIn } from '../auth/email-sign-in.ts';
import { exchangeCode } from '../auth/one-time-code.ts';
import { EXPIRED, finishSignIn, SIGN_IN_MINUTES, startSignIn } from '../auth/sign-in.ts';
import { bearerToken, createSession, sessionUser, unauthorized } from '../auth/sessions.ts';
import { hashToken } from '../tokens.ts';
import { toWireUser } from '../auth/wire-user.ts';
import { apiCors } from '../http/api-cors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { clientIp } from '../http/client-ip.ts';
import { RiposteError } from '../http/errors.ts';
import { readJson, validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';

/** Ties the callback to the browser that started the sign-in (against login CSRF). */
const STATE_COOKIE = 'riposte_sign_in';

function findProvider(c: Context<AppEnv>): SignInProvider | undefined {
  return c.var.config.auth.providers.find((p) => p.id === c.req.param('provider'));
}

const cors = apiCors();

export const authRoutes = new Hono<AppEnv>()
  // CORS only on what the widget calls with fetch; start and callback are pages in a window.
  .use('/providers', cors)
  .use('/me', cors)
  .use('/logout', cors)
  .use('/session', cors)
  .use('/email/*', cors)
  .get('/providers', async (c) => {
    const query = validate(siteQuerySchema, c.req.query());
    const settings = siteSettings((await requireSite(c, query.site)).settings);
    const options: SignInOptions = {
      providers: c.var.config.auth.providers.map(({ id, name }) => ({ id, name })),
      guests: settings.guests,
      editWindowMinutes: settings.editWindowMinutes,
      emailRequired: settings.emailRequired,
      // Notifications and sign-in by mail exist only where the server sends mail.
      mail: c.var.config.mail !== null,
    };
    return c.json(options);
  })
  // Sign-in by mail: ask for the mail (code and link), then trade the code or the link's token for a session.
  .post('/email/start', async (c) => {
    const request = await readJson(c, emailStartSchema);
    const site = await requireSite(c, request.site);
    const origin = c.req.header('origin');
    if (!origin) throw new RiposteError(400, 'invalid_input', 'Sign-in by mail starts from a page that embeds the comments.');
    const sender = clientIp(c, c.var.config.trustProxy) ?? 'unknown';
    return c.json(await startEmailSignIn(c.var, site, origin, request, sender), 202);
  })
  .post('/email/session', async (c) => {
    const request = await readJson(c, emailSessionSchema);
    return c.json(await finishEmailSignIn(c.var, request, c.req.header('origin')));
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
    const started = await startSignIn(c.var, provider, await requireSite(c, query.site), query);
    if ('page' in started) return sendHandoffPage(c, started.status, started.page);
    setCookie(c, STATE_COOKIE, started.state, {
      path: '/auth',
      httpOnly: true,
      // Lax: sent when the provider redirects back (a top-level GET), not on cross-site subrequests.
      sameSite: 'Lax',
      secure: c.var.config.publicUrl.startsWith('https:'),
      maxAge: SIGN_IN_MINUTES * 60,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(started.redirect, 302);
  })
  .get('/:provider/callback', async (c) => {
    const provider = findProvider(c);
    const state = c.req.query('state') ?? '';
    const cookie = getCookie(c, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, { path: '/auth' });
    const callback = { state, search: new URL(c.req.url).search, error: c.req.query('error') };
    const finished = provider && cookie === state ? await finishSignIn(c.var, provider, callback) : EXPIRED;
    if ('page' in finished) return sendHandoffPage(c, finished.status, finished.page);
    c.header('Cache-Control', 'no-store');
    return c.redirect(finished.redirect, 302);
  });
