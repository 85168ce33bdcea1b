/**
 * The admin view's deliveries and mentions (mounted by routes/admin.ts behind requireAdmin):
 * `GET /deliveries`, `POST /deliveries/:id/retry`, `GET /mentions`, `POST /mentions/actions`.
 */
import { Hono } from 'hono';
import type { AdminDeliveryPage } from '../../shared/notifications.ts';
import type { AdminEnv } from '../admin/admin-auth.ts';
import { moderateMentions, retryDelivery, toAdminDelivery, toAdminMention } from '../admin/admin-outbox.ts';
import { deliveryQuerySchema, mentionActionSchema, mentionQuerySchema, pathIdSchema } from '../admin/admin-schemas.ts';
import { readJson, validate } from '../http/read-json.ts';

export function adminOutboxRoutes() {
  return new Hono<AdminEnv>()
    .get('/deliveries', async (c) => {
      const { status, channel, offset = 0, limit = 50 } = validate(deliveryQuerySchema, c.req.query());
      const { rows, total } = await c.var.store.outbox.list({ status, channel, offset, limit });
      const page: AdminDeliveryPage = { deliveries: rows.map(toAdminDelivery), total, failed: await c.var.store.outbox.failedCount() };
      return c.json(page);
    })
    .post('/deliveries/:id/retry', async (c) => c.json(await retryDelivery(c.var, validate(pathIdSchema, c.req.param()).id)))
    .get('/mentions', async (c) => {
      const { status, offset = 0, limit = 50 } = validate(mentionQuerySchema, c.req.query());
      const { rows, total } = await c.var.store.mentions.list({ status, offset, limit });
      return c.json({ mentions: rows.map(toAdminMention), total, pending: await c.var.store.mentions.pendingCount() });
    })
    .post('/mentions/actions', async (c) => {
      const { ids, action } = await readJson(c, mentionActionSchema);
      return c.json({ changed: await moderateMentions(c.var, ids, action) });
    });
}
