/**
 * Queries of what blogs put into their own pages: a thread as HTML, the counts of many pages
 * at once (index pages), a site's recent comments.
 */
import * as v from 'valibot';
import { MAX_COUNT_PAGES, MAX_RECENT } from './listing-wire.ts';
import { pageKeySchema, pageQuerySchema, siteIdSchema } from './schemas.ts';

/** A language tag such as "fr" or "pt-BR" (the answer speaks the nearest one there is, else English). */
export const langSchema = v.pipe(
  v.string('Lang must be text.'),
  v.regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/, 'Lang must be a language tag such as "en", "fr" or "de-CH".'),
);

/** GET /threads/html: which page, in which language. */
export const threadHtmlQuerySchema = v.object({ ...pageQuerySchema.entries, lang: v.optional(langSchema) });

/** GET /counts: a site and its pages (`page` given once per page). */
export const countsQuerySchema = v.object({
  site: v.optional(siteIdSchema),
  page: v.pipe(
    v.array(pageKeySchema),
    v.minLength(1, 'Name at least one page: ?page=KEY&page=KEY…'),
    v.maxLength(MAX_COUNT_PAGES, `Ask for at most ${MAX_COUNT_PAGES} pages at once; split the rest into more requests.`),
  ),
});

/** GET /feeds/site.atom: a site's newest comments. */
export const siteQuerySchema = v.object({ site: v.optional(siteIdSchema) });

/** GET /recent: a site's newest comments, `limit` of them (default 5). */
export const recentQuerySchema = v.object({
  site: v.optional(siteIdSchema),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, `Limit must be a whole number from 1 to ${MAX_RECENT}.`),
      v.transform(Number),
      v.minValue(1, `Limit must be a whole number from 1 to ${MAX_RECENT}.`),
      v.maxValue(MAX_RECENT, `Limit must be a whole number from 1 to ${MAX_RECENT}.`),
    ),
    '5',
  ),
});
