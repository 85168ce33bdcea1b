/** GET /api/v1/threads: one page of a page's thread, served from the thread cache with ETag and 304. */
import { Hono } from 'hono';
import { threadQuerySchema } from '../../shared/schemas.ts';
import type { AppEnv } from '../http/app-env.ts';
import { sendEncoded } from '../http/encoded-body.ts';
import { validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';
import { readThreadPage } from '../threads/thread-read.ts';

export const threadRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const query = validate(threadQuerySchema, c.req.query());
  const site = await requireSite(c, query.site);
  const body = await readThreadPage(c.var, site, { pageKey: query.page, sort: query.sort, cursor: query.cursor, comment: query.comment });
  // Readers must see a new comment at once, so revalidate every time (cheap: a 304).
  return sendEncoded(c, body, 'application/json; charset=utf-8', 'no-cache');
});
