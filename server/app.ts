/** createApp(deps): the whole HTTP app, composed from one small router per resource. No I/O here. */
import { resolve } from 'node:path';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv, AppState } from './http/app-env.ts';
import { apiCors } from './http/api-cors.ts';
import { methodNotAllowed } from './http/allowed-methods.ts';
import { limitBody } from './http/body-limit.ts';
import { notFound, onError } from './http/errors.ts';
import { addressRateLimit } from './http/address-rate-limit.ts';
import { rateLimitCounts } from './http/rate-limit-counts.ts';
import { identityRateLimit } from './moderation/identity-rate-limit.ts';
import { mailRateLimits } from './notifications/mail-rate-limits.ts';
import { adminPageRoutes } from './routes/admin-page.ts';
import { adminRoutes, LOGIN_WINDOW_MS } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { commentRoutes } from './routes/comments.ts';
import { countRoutes } from './routes/counts.ts';
import { feedRoutes } from './routes/feeds.ts';
import { likeRoutes } from './routes/likes.ts';
import { liveRoutes } from './routes/live.ts';
import { mailLinkRoutes } from './routes/mail-links.ts';
import { myDataRoutes } from './routes/my-data.ts';
import { subscriptionRoutes } from './routes/subscriptions.ts';
import { recentRoutes } from './routes/recent.ts';
import { threadHtmlRoutes } from './routes/thread-html.ts';
import { previewRoutes } from './routes/preview.ts';
import { threadRoutes } from './routes/threads.ts';
import { voteRoutes } from './routes/votes.ts';
import { webmentionRoutes } from './routes/webmention.ts';
import { widgetAssetRoutes } from './routes/widget-assets.ts';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(onError(deps.now));
  app.notFound(methodNotAllowed(app, notFound));

  const state: AppState = {
    commentRateLimit: identityRateLimit(deps.config.writesPerMinute, rateLimitCounts(deps, 'authors', 60_000)),
    mailLimits: mailRateLimits(deps),
  };
  app.use(async function provideDeps(c, next) {
    for (const [name, value] of Object.entries(deps)) c.set(name as keyof AppDeps, value);
    c.set('commentRateLimit', state.commentRateLimit);
    c.set('mailLimits', state.mailLimits);
    await next();
  });
  app.use(
    secureHeaders({
      // Nothing the server answers is a page to render or frame (the admin view will set its own policy).
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      // A page that sets its own policy (the sign-in hand-off, with a nonce) keeps it.
      overwrite: false,
    }),
  );

  // One body limit, before any route reads a body.
  app.use(limitBody());

  const api = new Hono<AppEnv>();
  api.use(apiCors());
  const { writesPerMinute: perMinute, trustProxy } = deps.config;
  const limitByAddress = (counts: 'writes' | 'all', message: string, name: string, skip?: (path: string) => boolean) =>
    addressRateLimit({ perMinute, trustProxy, counts, message, store: rateLimitCounts(deps, name, 60_000), skip });
  // Votes and previews come in bursts while reading and writing: each has its own, larger
  // allowance, so neither uses up the reader's comments.
  const ownLimit = (message: string, name: string) =>
    addressRateLimit({ perMinute: perMinute * 3, trustProxy, counts: 'writes', message, store: rateLimitCounts(deps, name, 60_000) });
  api.use(
    limitByAddress('writes', 'Too many posts from your address; wait a minute and try again.', 'writes', (path) =>
      /^\/api\/v1\/(preview$|comments\/\d+\/vote$)/.test(path),
    ),
  );
  api.use('/comments/:id/vote', ownLimit('Too many votes from your address; wait a minute and try again.', 'votes'));
  api.use('/preview', ownLimit('Too many previews from your address; wait a minute and try again.', 'previews'));
  api.route('/threads', threadRoutes);
  api.route('/threads/html', threadHtmlRoutes());
  api.route('/threads/events', liveRoutes);
  api.route('/counts', countRoutes());
  api.route('/recent', recentRoutes);
  api.route('/comments', commentRoutes);
  api.route('/likes', likeRoutes);
  api.route('/subscriptions', subscriptionRoutes);
  api.route('/my-data', myDataRoutes);
  api.route('/preview', previewRoutes);
  api.route('/', voteRoutes);

  // Before the public API: the admin API is same-origin only, with its own guards (no CORS, no bearer tokens).
  app.route('/api/v1/admin', adminRoutes(deps.config.trustProxy, rateLimitCounts(deps, 'failed-logins', LOGIN_WINDOW_MS)));
  app.route('/api/v1', api);
  // Each sign-in start stores a row until it expires: one address may not start thousands.
  const signInLimit = limitByAddress('all', 'Too many sign-ins from your address; wait a minute and try again.', 'sign-ins');
  app.use('/auth/:provider/start', signInLimit);
  app.use('/auth/session', signInLimit);
  // (POST /auth/email/start is counted by the first line; it limits its mails per address and per sender too.)
  app.use('/auth/email/session', signInLimit);
  app.use('/auth/email/*', limitBody());
  app.route('/auth', authRoutes);
  app.route('/feeds', feedRoutes);
  // The links in mails (a page with a button, then the action) and the Webmention endpoint.
  app.route('/mail', mailLinkRoutes);
  app.use(
    '/webmention',
    limitBody(),
    limitByAddress('writes', 'Too many Webmentions from your address; wait a minute and try again.', 'webmentions'),
  );
  app.route('/webmention', webmentionRoutes);
  app.route('/admin', adminPageRoutes(resolve(deps.widgetDir, '..', 'admin')));
  app.route('/', widgetAssetRoutes(deps.widgetDir));
  app.get('/', (c) => c.text('Riposte comment server. Embed: <script type="module" src="/embed.js"></script>\n'));
  return app;
}
