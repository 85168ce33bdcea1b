/** Looks up the site a request names and checks that the calling page's origin may use it. */
import type { Context } from 'hono';
import { DEFAULT_SITE } from '../../shared/limits.ts';
import type { AppEnv } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { SiteRow } from '../store/schema.ts';
import { allowedOrigins, howToAllow } from './allowed-origins.ts';

export async function requireSite(c: Context<AppEnv>, siteId: string | undefined): Promise<SiteRow> {
  const id = siteId ?? DEFAULT_SITE;
  const site = await c.var.store.sites.get(id);
  if (!site) throw new RiposteError(404, 'unknown_site', `There is no site "${id}" on this server.`);
  const origin = c.req.header('origin');
  if (origin && !allowedOrigins(site, c.var.config).has(origin)) {
    throw new RiposteError(403, 'origin_not_allowed', `Pages on ${origin} may not use site "${id}". ${howToAllow(origin, id)}`);
  }
  return site;
}
