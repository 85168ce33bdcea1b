/** Which web origins may use a site's API: its stored origins, the configured ones, and the server itself. */
import type { Config } from '../config.ts';
import type { SiteRow } from '../store/schema.ts';
import { DEFAULT_SITE } from '../../shared/limits.ts';

export function allowedOrigins(site: SiteRow, config: Config): Set<string> {
  const origins = new Set(site.origins);
  if (site.id === DEFAULT_SITE) for (const origin of config.origins) origins.add(origin);
  origins.add(new URL(config.publicUrl).origin);
  return origins;
}

/** What a site's owner does to let pages on `origin` use the site `siteId` (or, unknown, whichever site they meant). */
export function howToAllow(origin: string, siteId?: string): string {
  if (siteId === undefined)
    return `Site owner: add ${origin} to RIPOSTE_ORIGINS (the default site) or to its site's Allowed origins under Rules in the admin view.`;
  if (siteId === DEFAULT_SITE)
    return `Site owner: add ${origin} to RIPOSTE_ORIGINS, or allow it under Rules → Allowed origins in the admin view.`;
  return `Site owner: allow ${origin} for site "${siteId}" under Rules → Allowed origins in the admin view (RIPOSTE_ORIGINS is for the default site only).`;
}
