/**
 * The Webmention endpoint's part (W3C Recommendation, 3.2): check the request's source and
 * target, find the site whose pages the target is, and queue the verification in the outbox
 * (it fetches a stranger's URL, so it is done later, safely, and retried). A source sent again
 * while its verification waits is not queued twice.
 */
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { normalisePageKey } from '../../shared/page-key.ts';
import { siteIdSchema } from '../../shared/schemas.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { allowedOrigins } from '../sites/allowed-origins.ts';
import type { SiteRow } from '../store/schema.ts';

const url = (what: string) =>
  v.pipe(
    v.string(`${what} is required.`),
    v.trim(),
    v.maxLength(2000, `${what} is longer than 2000 characters.`),
    v.check((value) => /^https?:\/\//i.test(value) && URL.canParse(value), `${what} must be an http:// or https:// URL.`),
  );

/** The form a sender posts (`application/x-www-form-urlencoded`), and the endpoint's optional `?site=`. */
export const webmentionSchema = v.pipe(
  v.object({ source: url('source'), target: url('target'), site: v.optional(siteIdSchema) }),
  v.check((m) => normalisePageKey(m.source) !== normalisePageKey(m.target), 'source and target must be different pages.'),
);
export type WebmentionRequest = v.InferOutput<typeof webmentionSchema>;

/** The site the target is a page of: the one named, else the first whose blog origins hold the target's origin. */
function siteOf(deps: Pick<AppDeps, 'config'>, sites: SiteRow[], request: WebmentionRequest): SiteRow | undefined {
  const origin = new URL(request.target).origin;
  // The comment server's own origin is allowed for every site's API, but it holds no blog pages.
  const own = new URL(deps.config.publicUrl).origin;
  const holds = (site: SiteRow) => origin !== own && allowedOrigins(site, deps.config).has(origin);
  return request.site ? sites.filter((s) => s.id === request.site).find(holds) : sites.find(holds);
}

export async function receiveWebmention(
  deps: Pick<AppDeps, 'store' | 'config' | 'now' | 'outbox'>,
  request: WebmentionRequest,
): Promise<void> {
  const site = siteOf(deps, await deps.store.sites.list(), request);
  if (!site) {
    throw new RiposteError(400, 'invalid_input', 'The target is not a page of a blog whose comments this server keeps.', {
      target: 'Not a page of a blog this server keeps comments for.',
    });
  }
  const now = deps.now().toISOString();
  const queued = await deps.store.outbox.enqueue({
    channel: 'webmention',
    kind: 'webmention',
    recipient: request.source,
    messageId: randomUUID(),
    dedupeKey: `webmention:${site.id}:${normalisePageKey(request.target)}:${request.source}`,
    siteId: site.id,
    payload: { source: request.source, target: request.target },
    nextAttemptAt: now,
    createdAt: now,
  });
  if (queued) deps.outbox.wake();
}
