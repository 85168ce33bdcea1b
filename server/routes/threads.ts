/** GET /api/v1/threads: one page's thread, served from the per-thread cache with ETag and 304. */
import { Hono } from 'hono';
import { pageQuerySchema } from '../../shared/schemas.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';
import { sendEncoded } from '../http/encoded-body.ts';
import { ThreadCache } from '../threads/thread-cache.ts';
import { threadJson } from '../threads/thread-json.ts';

export const threadRoutes = new Hono<AppEnv>().get('/', (c) => {
  const { site: siteId, page: pageKey } = validate(pageQuerySchema, c.req.query());
  const site = requireSite(c, siteId);
  const { store, hashKey, threadCache } = c.var;
  const entry = threadCache.get(ThreadCache.key(site.id, pageKey), () => threadJson(store, hashKey, site.id, pageKey));

  // Readers must see a new comment at once, so revalidate every time (cheap: a 304).
  return sendEncoded(c, entry, 'application/json; charset=utf-8', 'no-cache');
});
