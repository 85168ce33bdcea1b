/** GET /feeds/thread.atom and /feeds/site.atom: a page's comments, and a site's newest comments, as Atom feeds. */
import { Hono } from 'hono';
import { siteQuerySchema } from '../../shared/listings.ts';
import { pageQuerySchema } from '../../shared/schemas.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';
import { siteFeed } from '../threads/site-feed.ts';
import { threadFeed } from '../threads/thread-feed.ts';

const ATOM = { 'Content-Type': 'application/atom+xml; charset=utf-8' };

export const feedRoutes = new Hono<AppEnv>()
  .get('/thread.atom', async (c) => {
    const query = validate(pageQuerySchema, c.req.query());
    const site = await requireSite(c, query.site);
    const { publicUrl } = c.var.config;
    // Built from the validated values only, so the feed never echoes stray query parameters.
    const selfUrl = `${publicUrl}/feeds/thread.atom?${new URLSearchParams({ site: site.id, page: query.page })}`;
    const xml = await threadFeed(c.var.store, { now: c.var.now(), siteId: site.id, pageKey: query.page, selfUrl, publicUrl });
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(xml, 200, ATOM);
  })
  .get('/site.atom', async (c) => {
    const site = await requireSite(c, validate(siteQuerySchema, c.req.query()).site);
    const { publicUrl } = c.var.config;
    const selfUrl = `${publicUrl}/feeds/site.atom?${new URLSearchParams({ site: site.id })}`;
    const xml = await siteFeed(c.var.store, { now: c.var.now(), site, selfUrl, publicUrl });
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(xml, 200, ATOM);
  });
