/**
 * The admin API under /api/v1/admin, for the admin view on this server's own origin: log in
 * and out, the comments (queue, search, filters), moderation one by one or in bulk, edits and
 * the owner's replies, sites' rules, thread locks, bans, the audit log, and importing and
 * exporting (routes/admin-transfer.ts). Every route but
 * login needs the admin cookie; every write, the CSRF header too (admin/admin-auth.ts).
 */
import { Hono, type Context } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AdminCommentPage, AuditAction, ModerationAction, WireAuditEntry, WireBan } from '../../shared/moderation.ts';
import { siteSettings } from '../../shared/site-settings.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import {
  adminSession,
  checkOrigin,
  checkPassword,
  endAdminSession,
  requireAdmin,
  startAdminSession,
  type AdminEnv,
} from '../admin/admin-auth.ts';
import { toAdminComment } from '../admin/admin-comment.ts';
import {
  actionSchema,
  banSchema,
  bodySchema,
  commentQuerySchema,
  lockSchema,
  loginSchema,
  pathIdSchema,
  siteChangeSchema,
} from '../admin/admin-schemas.ts';
import { codeExchangeSchema } from '../auth/auth-schemas.ts';
import { identityOf } from '../auth/identity.ts';
import { exchangeCode } from '../auth/one-time-code.ts';
import { limitBody } from '../http/body-limit.ts';
import type { StoreTransaction } from '../store/index.ts';
import { clientIp } from '../http/client-ip.ts';
import { RiposteError } from '../http/errors.ts';
import { readJson, validate } from '../http/read-json.ts';
import { ownerEditComment, ownerReply } from '../comments/comment-pipeline.ts';
import { adminTransferRoutes } from './admin-transfer.ts';

/** Failed logins one address may make per 15 minutes. */
const LOGIN_ATTEMPTS = 10;

const STATUS_OF: Record<ModerationAction, CommentStatus> = { approve: 'approved', spam: 'spam', delete: 'deleted', pending: 'pending' };

/** One comment as the admin view shows it, read back after a change. */
async function one(c: Context<AdminEnv>, id: number) {
  const found = (await c.var.store.adminComments.list({ ids: [id], offset: 0, limit: 1 })).rows[0];
  if (!found) throw new RiposteError(404, 'not_found', `There is no comment ${id}.`);
  return toAdminComment(found);
}

/** Adds to the audit log under the logged-in admin's email. */
function audit(
  tx: Pick<StoreTransaction, 'audit'>,
  c: Context<AdminEnv>,
  action: AuditAction,
  commentId: number | null,
  detail: string | null,
): Promise<void> {
  return tx.audit.add(c.var.admin.email, action, commentId, detail, c.var.now().toISOString());
}

const limitAdminBody = limitBody();

export function adminRoutes(trustProxy: boolean) {
  const loginLimit = rateLimiter<AdminEnv>({
    windowMs: 15 * 60_000,
    limit: LOGIN_ATTEMPTS,
    skipSuccessfulRequests: true,
    keyGenerator: (c) => clientIp(c, trustProxy) ?? 'unknown',
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
      // An uploaded export has its own, larger limit (routes/admin-transfer.ts).
      .on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', (c, next) =>
        c.req.method === 'POST' && c.req.path.endsWith('/admin/import') ? next() : limitAdminBody(c, next),
      )
      .post('/login', loginLimit, async (c) => {
        checkOrigin(c);
        const { email, password } = await readJson(c, loginSchema);
        const admin = await c.var.store.admins.findByEmail(email);
        if (!(await checkPassword(admin, password)) || !admin) throw new RiposteError(401, 'unauthorized', 'Wrong email or password.');
        const session = await startAdminSession(c, admin);
        await c.var.store.audit.add(admin.email, 'login', null, null, c.var.now().toISOString());
        return c.json(session);
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
        const { store, config } = c.var;
        const user = await exchangeCode(store, exchange, new URL(config.publicUrl).origin, c.var.now());
        if (!user) throw new RiposteError(400, 'invalid_input', 'This login link has expired or was already used; log in again.');
        const identity = identityOf(user);
        if (!config.auth.admins.includes(identity)) {
          throw new RiposteError(
            403,
            'forbidden',
            `${identity} (${user.name}) is not an admin of this server; the owner can add it to RIPOSTE_ADMINS.`,
          );
        }
        const admin = await store.admins.forIdentity(identity, user.name, c.var.now().toISOString());
        const session = await startAdminSession(c, admin);
        await store.audit.add(admin.email, 'login', null, null, c.var.now().toISOString());
        return c.json(session);
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
        const { status, site, q, offset = 0, limit = 50 } = validate(commentQuerySchema, c.req.query());
        const { rows, total } = await c.var.store.adminComments.list({ status, site, q, offset, limit });
        const page: AdminCommentPage = {
          comments: rows.map(toAdminComment),
          total,
          pending: await c.var.store.adminComments.pendingCount(),
        };
        return c.json(page);
      })
      .post('/comments/actions', async (c) => {
        const { ids, action } = await readJson(c, actionSchema);
        const changed = await c.var.store.transaction(async (tx) => {
          const done = await tx.comments.setStatus(ids, STATUS_OF[action]);
          for (const id of done) await audit(tx, c, action, id, null);
          return done;
        });
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
      .get('/sites', async (c) =>
        c.json({
          sites: (await c.var.store.sites.list()).map((s) => ({
            id: s.id,
            name: s.name,
            origins: s.origins,
            settings: siteSettings(s.settings),
          })),
        }),
      )
      .patch('/sites/:site', async (c) => {
        const siteId = c.req.param('site');
        if (!(await c.var.store.sites.get(siteId))) throw new RiposteError(404, 'unknown_site', `There is no site "${siteId}".`);
        const { origins, settings } = await readJson(c, siteChangeSchema);
        const changes = Object.fromEntries(Object.entries(settings ?? {}).filter(([, value]) => value !== undefined));
        await c.var.store.transaction(async (tx) => {
          if (origins) await tx.sites.setOrigins(siteId, [...new Set(origins)]);
          if (Object.keys(changes).length) await tx.sites.updateSettings(siteId, changes);
          await audit(tx, c, 'settings', null, `${siteId}: ${JSON.stringify({ ...(origins ? { origins } : {}), ...changes })}`);
        });
        const site = (await c.var.store.sites.get(siteId))!;
        return c.json({ id: site.id, name: site.name, origins: site.origins, settings: siteSettings(site.settings) });
      })
      .put('/threads/:id/lock', async (c) => {
        const { id } = validate(pathIdSchema, c.req.param());
        const { locked } = await readJson(c, lockSchema);
        const thread = await c.var.store.threads.setLocked(id, locked);
        if (!thread) throw new RiposteError(404, 'not_found', `There is no thread ${id}.`);
        await audit(c.var.store, c, locked ? 'lock' : 'unlock', null, thread.pageKey);
        return c.json({ id: thread.id, locked: thread.locked });
      })
      .get('/bans', async (c) => c.json({ bans: (await c.var.store.bans.list()) satisfies WireBan[] }))
      .post('/bans', async (c) => {
        const { kind, value, hideExisting } = await readJson(c, banSchema);
        const normalised = kind === 'email' ? value.toLowerCase() : value;
        const { ban, hidden } = await c.var.store.transaction(async (tx) => {
          const ban = await tx.bans.add(kind, normalised, hideExisting, c.var.admin.email, c.var.now().toISOString());
          const hidden = hideExisting ? await tx.bans.hideComments(kind, normalised) : [];
          await audit(
            tx,
            c,
            'ban',
            null,
            `${kind} ${normalised}${hideExisting ? `, ${hidden.length} ${hidden.length === 1 ? 'comment' : 'comments'} hidden` : ''}`,
          );
          return { ban, hidden };
        });
        return c.json({ ban: ban satisfies WireBan, hidden }, 201);
      })
      .delete('/bans/:id', async (c) => {
        const { id } = validate(pathIdSchema, c.req.param());
        const ban = await c.var.store.bans.remove(id);
        if (!ban) throw new RiposteError(404, 'not_found', `There is no ban ${id}.`);
        await audit(c.var.store, c, 'unban', null, `${ban.kind} ${ban.value}`);
        return c.body(null, 204);
      })
      .route('/', adminTransferRoutes())
      .get('/audit', async (c) => {
        const { offset = 0, limit = 100 } = validate(commentQuerySchema, c.req.query());
        return c.json({ entries: (await c.var.store.audit.list(limit, offset)) satisfies WireAuditEntry[] });
      })
  );
}
