/**
 * GET /api/v1/counts?site=&page=&page=…: how many comments each of many pages has, in one
 * request (an index page's "9 Responses" under each post). A thread's count is kept while its
 * version stands, so a busy front page costs one small query for the thread versions.
 */
import { Hono } from 'hono';
import type { WireCounts } from '../../shared/listing-wire.ts';
import { countsQuerySchema } from '../../shared/listings.ts';
import type { AppEnv } from '../http/app-env.ts';
import { encodedBody, sendEncoded } from '../http/encoded-body.ts';
import { validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';

/** Counts kept: a number per thread, so many threads fit in little memory. */
const MAX_KEPT = 50_000;

export function countRoutes() {
  const kept = new Map<number, { version: number; count: number }>();
  return new Hono<AppEnv>().get('/', async (c) => {
    const query = validate(countsQuerySchema, { site: c.req.query('site'), page: c.req.queries('page') ?? [] });
    const site = await requireSite(c, query.site);
    const { listings, sites } = c.var.store;
    const listed = await listings.threadsFor(site.id, [...new Set(query.page)]);
    const countOf = new Map<number, number>();
    const stale: number[] = [];
    for (const thread of listed) {
      const known = kept.get(thread.id);
      if (known?.version === thread.version) countOf.set(thread.id, known.count);
      else stale.push(thread.id);
    }
    if (stale.length) {
      const counts = await listings.countsFor(stale, (await sites.settings(site.id)).showPingbacks);
      for (const thread of listed.filter((t) => stale.includes(t.id))) {
        const count = counts.get(thread.id) ?? 0;
        countOf.set(thread.id, count);
        kept.delete(thread.id);
        if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(thread.id, { version: thread.version, count });
      }
    }
    // A page's own key wins over an imported thread's old id, as when a thread is read.
    const byKey = new Map<string, number>();
    for (const thread of listed) if (thread.externalId) byKey.set(thread.externalId, thread.id);
    for (const thread of listed) byKey.set(thread.pageKey, thread.id);
    const answer: WireCounts = {
      site: site.id,
      counts: query.page.map((page) => ({ page, count: countOf.get(byKey.get(page) ?? 0) ?? 0 })),
    };
    return sendEncoded(
      c,
      encodedBody(new TextEncoder().encode(JSON.stringify(answer)), 'fast'),
      'application/json; charset=utf-8',
      'no-cache',
    );
  });
}
