/** Which web origins may use a site's API: its stored origins, the configured ones, and the server itself. */
import type { Config } from '../config.ts';
import type { SiteRow } from '../store/schema.ts';
import { DEFAULT_SITE } from '../../shared/limits.ts';

/** An origin a site allows because the server's settings say so, not its Rules: where it comes from. */
export interface ConfiguredOrigin {
  origin: string;
  from: 'RIPOSTE_ORIGINS' | 'this server';
}

/** The origins the server's settings allow for a site (the admin view shows them, marked, beside the site's own). */
export function configuredOrigins(siteId: string, config: Config): ConfiguredOrigin[] {
  const configured = siteId === DEFAULT_SITE ? config.origins.map((origin) => ({ origin, from: 'RIPOSTE_ORIGINS' as const })) : [];
  return [...configured, { origin: new URL(config.publicUrl).origin, from: 'this server' }];
}

export function allowedOrigins(site: SiteRow, config: Config): Set<string> {
  return new Set([...site.origins, ...configuredOrigins(site.id, config).map(({ origin }) => origin)]);
}

/** What a site's owner does to let pages on `origin` use the site `siteId` (or, unknown, whichever site they meant). */
export function howToAllow(origin: string, siteId?: string): string {
  if (siteId === undefined)
    return `Site owner: add ${origin} to RIPOSTE_ORIGINS (the default site) or to its site's Allowed origins under Rules in the admin view.`;
  if (siteId === DEFAULT_SITE)
    return `Site owner: add ${origin} to RIPOSTE_ORIGINS, or allow it under Rules → Allowed origins in the admin view.`;
  return `Site owner: allow ${origin} for site "${siteId}" under Rules → Allowed origins in the admin view (RIPOSTE_ORIGINS is for the default site only).`;
}
