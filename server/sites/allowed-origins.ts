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
