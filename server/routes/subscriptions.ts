/** /api/v1/subscriptions: a signed-in reader lists the mail they asked for, and ends any of it. */
import { Hono } from 'hono';
import { sessionUser, unauthorized } from '../auth/sessions.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/read-json.ts';
import { endSubscription, listSubscriptions } from '../notifications/reader-subscriptions.ts';
import { pathIdSchema } from '../admin/admin-schemas.ts';

export const subscriptionRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = await sessionUser(c);
    if (!user) throw unauthorized();
    c.header('Cache-Control', 'no-store');
    return c.json({ subscriptions: await listSubscriptions(c.var, user) });
  })
  .delete('/:id', async (c) => {
    const user = await sessionUser(c);
    if (!user) throw unauthorized();
    await endSubscription(c.var, user, validate(pathIdSchema, c.req.param()).id);
    return c.body(null, 204);
  });
