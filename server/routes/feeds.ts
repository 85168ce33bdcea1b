/** GET /feeds/thread.atom: a page's comments as an Atom feed. */
import { Hono } from 'hono';
import { pageQuerySchema } from '../../shared/schemas.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';
import { threadFeed } from '../threads/thread-feed.ts';

export const feedRoutes = new Hono<AppEnv>().get('/thread.atom', async (c) => {
  const query = validate(pageQuerySchema, c.req.query());
  const site = await requireSite(c, query.site);
  const { publicUrl } = c.var.config;
  // Built from the validated values only, so the feed never echoes stray query parameters.
  const selfUrl = `${publicUrl}/feeds/thread.atom?${new URLSearchParams({ site: site.id, page: query.page })}`;
  const xml = await threadFeed(c.var.store, { now: c.var.now(), siteId: site.id, pageKey: query.page, selfUrl, publicUrl });
  c.header('Cache-Control', 'public, max-age=300');
  return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
});
