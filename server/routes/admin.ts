/**
 * The admin API under /api/v1/admin, for the admin view on this server's own origin: log in
 * and out, the comments (queue, search, filters), moderation one by one or in bulk, edits and
 * the owner's replies, pins, sites' rules, thread locks, bans, the audit log, importing and
 * exporting (routes/admin-transfer.ts), deliveries and mentions (routes/admin-outbox.ts). Every route but login needs the admin cookie; every
 * write, the CSRF header too (admin/admin-auth.ts). Routes parse, call and answer: what they
 * do is in admin/, moderation/ and comments/comment-pipeline.ts.
 */
import { Hono, type Context } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { CountStore } from '../http/rate-limit-counts.ts';
import type { AdminComment, AdminCommentPage, WireAuditEntry, WireBan } from '../../shared/moderation.ts';
import { adminSession, checkOrigin, endAdminSession, requireAdmin, startAdminSession, type AdminEnv } from '../admin/admin-auth.ts';
import { toAdminComment } from '../admin/admin-comment.ts';
import { passwordLogin, providerLogin } from '../admin/admin-login.ts';
import {
  actionSchema,
  banSchema,
  bodySchema,
  commentQuerySchema,
  lockSchema,
  loginSchema,
  pathIdSchema,
  pinSchema,
  siteChangeSchema,
} from '../admin/admin-schemas.ts';
import { changeSite, siteView } from '../admin/site-rules.ts';
import { codeExchangeSchema } from '../auth/auth-schemas.ts';
import { ownerEditComment, ownerReply } from '../comments/comment-pipeline.ts';
import { clientIp, senderKey } from '../http/client-ip.ts';
import { RiposteError } from '../http/errors.ts';
import { readJson, validate } from '../http/read-json.ts';
import { banAuthor, liftBan } from '../moderation/bans.ts';
import { lockThread, moderateComments, pinComment } from '../moderation/moderate.ts';
import { adminLiveRoutes } from './admin-live.ts';
import { adminOutboxRoutes } from './admin-outbox.ts';
import { adminPrivacyRoutes } from './admin-privacy.ts';
import { adminTransferRoutes } from './admin-transfer.ts';

/** Failed logins one address may make per 15 minutes. */
const LOGIN_ATTEMPTS = 10;

/** One comment as the admin view shows it, read back after a change. */
async function one(c: Context<AdminEnv>, id: number): Promise<AdminComment> {
  const found = await c.var.store.adminComments.get(id);
  if (!found) throw new RiposteError(404, 'not_found', `There is no comment ${id}.`);
  return toAdminComment(found);
}

/** Failed logins are counted over this long. */
export const LOGIN_WINDOW_MS = 15 * 60_000;

/** `loginCounts`: where failed logins are counted (http/rate-limit-counts.ts). */
export function adminRoutes(trustProxy: boolean, loginCounts: CountStore<AdminEnv>) {
  const loginLimit = rateLimiter<AdminEnv>({
    store: loginCounts,
    windowMs: LOGIN_WINDOW_MS,
    limit: LOGIN_ATTEMPTS,
    skipSuccessfulRequests: true,
    keyGenerator: (c) => senderKey(clientIp(c, trustProxy)),
    handler: () => {
      throw new RiposteError(429, 'rate_limited', 'Too many failed logins from your address; wait 15 minutes and try again.');
    },
  });

  return (
    new Hono<AdminEnv>()
      .use(async function adminNoStore(c, next) {
        await next();
        c.header('Cache-Control', 'no-store');
      })
      .post('/login', loginLimit, async (c) => {
        checkOrigin(c);
        const { email, password } = await readJson(c, loginSchema);
        return c.json(await startAdminSession(c, await passwordLogin(c.var, email, password)));
      })
      // Providers an admin may log in with: only when RIPOSTE_ADMINS names someone.
      .get('/providers', (c) => {
        const { providers, admins } = c.var.config.auth;
        return c.json({ providers: admins.length ? providers.map(({ id, name }) => ({ id, name })) : [] });
      })
      .post('/login/provider', loginLimit, async (c) => {
        checkOrigin(c);
        // The full-page sign-in (started from /admin, so its origin is this server's) came back with a one-time code.
        const exchange = await readJson(c, codeExchangeSchema);
        return c.json(await startAdminSession(c, await providerLogin(c.var, exchange)));
      })
      .post('/logout', async (c) => {
        // Ending a session needs no token: the worst a forged logout does is log someone out.
        checkOrigin(c);
        await endAdminSession(c);
        return c.body(null, 204);
      })
      .get('/session', async (c) => {
        const session = await adminSession(c);
        if (!session) throw new RiposteError(401, 'unauthorized', 'Your admin session has expired or you logged out; log in again.');
        return c.json({ admin: { email: session.admin.email, name: session.admin.name }, csrf: session.csrfToken });
      })
      .use('*', requireAdmin())
      .get('/comments', async (c) => {
        const { offset = 0, limit = 50, ...filter } = validate(commentQuerySchema, c.req.query());
        const { rows, total, totalExact } = await c.var.store.adminComments.list({ ...filter, offset, limit });
        const page: AdminCommentPage = {
          comments: rows.map(toAdminComment),
          total,
          totalExact,
          pending: await c.var.store.adminComments.pendingCount(),
        };
        return c.json(page);
      })
      .post('/comments/actions', async (c) => {
        const { ids, action } = await readJson(c, actionSchema);
        const changed = await moderateComments(c.var, c.var.admin, ids, action);
        return c.json({ changed, pending: await c.var.store.adminComments.pendingCount() });
      })
      .patch('/comments/:id', async (c) => {
        const { id } = validate(pathIdSchema, c.req.param());
        const { body } = await readJson(c, bodySchema);
        await ownerEditComment(c.var, c.var.admin, id, body);
        return c.json(await one(c, id));
      })
      .post('/comments/:id/reply', async (c) => {
        const { id } = validate(pathIdSchema, c.req.param());
        const { body } = await readJson(c, bodySchema);
        return c.json(await one(c, await ownerReply(c.var, c.var.admin, id, body)), 201);
      })
      .put('/comments/:id/pin', async (c) => {
        const { id } = validate(pathIdSchema, c.req.param());
        const { pinned } = await readJson(c, pinSchema);
        await pinComment(c.var, c.var.admin, id, pinned);
        return c.json(await one(c, id));
      })
      .get('/sites', async (c) =>
        c.json({
          sites: (await c.var.store.sites.list()).map((site) => siteView(site, c.var.config)),
          // Owner alerts exist only where the server sends mail.
          mail: c.var.config.mail !== null,
        }),
      )
      .patch('/sites/:site', async (c) => {
        const change = await readJson(c, siteChangeSchema);
        return c.json(siteView(await changeSite(c.var, c.var.admin, c.req.param('site'), change), c.var.config));
      })
      .put('/threads/:id/lock', async (c) => {
        const { id } = validate(pathIdSchema, c.req.param());
        const { locked } = await readJson(c, lockSchema);
        const thread = await lockThread(c.var, c.var.admin, id, locked);
        return c.json({ id: thread.id, locked: thread.locked });
      })
      .get('/bans', async (c) => c.json({ bans: (await c.var.store.bans.list()) satisfies WireBan[] }))
      .post('/bans', async (c) => {
        const { ban, hidden } = await banAuthor(c.var, c.var.admin, await readJson(c, banSchema));
        return c.json({ ban: ban satisfies WireBan, hidden }, 201);
      })
      .delete('/bans/:id', async (c) => {
        const { id } = validate(pathIdSchema, c.req.param());
        await liftBan(c.var, c.var.admin, id);
        return c.body(null, 204);
      })
      .route('/', adminTransferRoutes())
      .route('/', adminOutboxRoutes())
      .route('/', adminPrivacyRoutes())
      .route('/', adminLiveRoutes())
      .get('/audit', async (c) => {
        const { offset = 0, limit = 100 } = validate(commentQuerySchema, c.req.query());
        return c.json({ entries: (await c.var.store.audit.list(limit, offset)) satisfies WireAuditEntry[] });
      })
  );
}
