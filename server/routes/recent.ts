/** GET /api/v1/recent?site=&limit=: a site's newest comments, for a "Recent comments" sidebar (`<riposte-recent>`). */
import { Hono } from 'hono';
import type { WireRecent } from '../../shared/listing-wire.ts';
import { recentQuerySchema } from '../../shared/listings.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';

export const recentRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const query = validate(recentQuerySchema, c.req.query());
  const site = await requireSite(c, query.site);
  const { listings, sites } = c.var.store;
  const recent = await listings.recent(site.id, query.limit, (await sites.settings(site.id)).showPingbacks);
  const answer: WireRecent = {
    site: site.id,
    comments: recent.map(({ comment, thread }) => ({
      id: comment.id,
      author: { name: comment.authorName },
      createdAt: comment.createdAt,
      page: { key: thread.pageKey, url: thread.url, title: thread.title },
    })),
  };
  // Any comment on the site changes it, and a sidebar need not be to the second: a minute in caches.
  c.header('Cache-Control', 'public, max-age=60');
  return c.json(answer);
});
