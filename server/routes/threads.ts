/** GET /api/v1/threads: one page's thread, served from the per-thread cache with ETag and 304. */
import { Hono } from 'hono';
import { pageQuerySchema } from '../../shared/schemas.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';
import { preferredEncoding, ThreadCache } from '../threads/thread-cache.ts';
import { threadJson } from '../threads/thread-json.ts';

export const threadRoutes = new Hono<AppEnv>().get('/', (c) => {
  const { site: siteId, page: pageKey } = validate(pageQuerySchema, c.req.query());
  const site = requireSite(c, siteId);
  const { store, hashKey, threadCache } = c.var;
  const entry = threadCache.get(ThreadCache.key(site.id, pageKey), () => threadJson(store, hashKey, site.id, pageKey));

  c.header('ETag', entry.etag);
  // Readers must see a new comment at once, so revalidate every time (cheap: a 304).
  c.header('Cache-Control', 'no-cache');
  c.header('Vary', 'Accept-Encoding', { append: true });
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304);

  const encoding = preferredEncoding(c.req.header('accept-encoding'));
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  c.header('Content-Type', 'application/json; charset=utf-8');
  return c.body(threadCache.body(entry, encoding));
});
