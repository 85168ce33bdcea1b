/** GET /api/v1/threads: one page's thread, served from the per-thread cache with ETag and 304. */
import { Hono } from 'hono';
import { pageQuerySchema } from '../../shared/schemas.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';
import { encodedBody, sendEncoded } from '../http/encoded-body.ts';
import { threadJson } from '../threads/thread-json.ts';

export const threadRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { site: siteId, page: pageKey } = validate(pageQuerySchema, c.req.query());
  const site = await requireSite(c, siteId);
  const { store, hashKey, threadCache } = c.var;
  const thread = await store.threads.find(site.id, pageKey);
  const build = () => threadJson(store, hashKey, site.id, pageKey, thread);
  // Pages without a thread are not cached: made-up page keys must not push real threads out.
  const entry = thread ? await threadCache.get(thread, build) : encodedBody(new TextEncoder().encode(await build()), 'fast');

  // Readers must see a new comment at once, so revalidate every time (cheap: a 304).
  return sendEncoded(c, entry, 'application/json; charset=utf-8', 'no-cache');
});
