/** GET /feeds/thread.atom: a page's comments as an Atom feed. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { normalisePageKey } from '../../shared/page-key.ts';
import { pageKeySchema, siteIdSchema } from '../../shared/schemas.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';
import { threadFeed } from '../threads/thread-feed.ts';

const feedQuerySchema = v.object({ site: v.optional(siteIdSchema), page: pageKeySchema });

export const feedRoutes = new Hono<AppEnv>().get('/thread.atom', (c) => {
  const query = validate(feedQuerySchema, c.req.query());
  const site = requireSite(c, query.site);
  const { publicUrl } = c.var.config;
  const selfUrl = new URL(c.req.path + '?' + new URLSearchParams(c.req.query()).toString(), publicUrl).href;
  const xml = threadFeed(c.var.store, { siteId: site.id, pageKey: normalisePageKey(query.page), selfUrl, publicUrl });
  c.header('Cache-Control', 'public, max-age=300');
  return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
});
