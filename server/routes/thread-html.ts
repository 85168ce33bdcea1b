/**
 * GET /api/v1/threads/html: a page's thread as an HTML fragment for the blog's own page
 * (page-html/thread-html.ts), cached per thread and language like the JSON thread, with ETag
 * and 304, so a theme include or server-side include can ask on every page view.
 */
import { Hono } from 'hono';
import { threadHtmlQuerySchema } from '../../shared/listings.ts';
import type { AppEnv } from '../http/app-env.ts';
import { encodedBody, heldBytes, sendEncoded } from '../http/encoded-body.ts';
import { validate } from '../http/read-json.ts';
import { pageThreadHtml } from '../page-html/page-thread-html.ts';
import { THREAD_LANGUAGES } from '../page-html/thread-words.ts';
import { matchLanguage, FALLBACK } from '../../widget/i18n/languages.ts';
import { requireSite } from '../sites/require-site.ts';

export function threadHtmlRoutes() {
  return new Hono<AppEnv>().get('/', async (c) => {
    const query = validate(threadHtmlQuerySchema, c.req.query());
    const site = await requireSite(c, query.site);
    const { store, hashKey, config, threadCache } = c.var;
    const thread = await store.threads.find(site.id, query.page);
    const lang = matchLanguage(query.lang, THREAD_LANGUAGES) ?? FALLBACK;
    const build = async () =>
      encodedBody(
        new TextEncoder().encode(
          await pageThreadHtml(store, hashKey, { siteId: site.id, pageKey: query.page, thread, lang, publicUrl: config.publicUrl }),
        ),
        'fast',
      );
    // As for JSON: pages without a thread are not cached, so made-up keys push no real thread out.
    // A tag with no catalogue shares English's part.
    const entry = thread ? await threadCache.part(thread, `html:${lang}`, build, heldBytes) : await build();
    return sendEncoded(c, entry, 'text/html; charset=utf-8', 'no-cache');
  });
}
