/**
 * CORS for the JSON API: a browser may call it only from an origin that some site allows;
 * each route then checks the origin against its own site (sites/require-site.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { allowedOrigins, howToAllow } from '../sites/allowed-origins.ts';
import type { AppEnv } from './app-env.ts';
import { RiposteError } from './errors.ts';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Content-Type, Authorization, If-None-Match, Riposte-Comment-Secret';

/** Origins already reported in the log: a refused blog would otherwise log on every page view. */
const MAX_REPORTED = 100;

export function apiCors(): MiddlewareHandler<AppEnv> {
  const reported = new Set<string>();
  return async function apiCorsHandler(c, next) {
    c.header('Vary', 'Origin', { append: true });
    const origin = c.req.header('origin');
    if (!origin) return next();
    const allowed = (await c.var.store.sites.list()).some((site) => allowedOrigins(site, c.var.config).has(origin));
    // Even a refusal is readable by the page, so the widget can say why instead of "check your connection".
    c.header('Access-Control-Allow-Origin', origin);
    if (!allowed) {
      if (reported.size < MAX_REPORTED && !reported.has(origin)) {
        reported.add(origin);
        console.warn(`riposte: refused a page on ${origin}: if it is your blog, ${howToAllow(origin).replace('Site owner: ', '')}`);
      }
      throw new RiposteError(403, 'origin_not_allowed', `This comment server does not accept pages on ${origin}. ${howToAllow(origin)}`);
    }
    c.header('Access-Control-Expose-Headers', 'ETag');
    if (c.req.method !== 'OPTIONS') return next();
    c.header('Access-Control-Allow-Methods', ALLOW_METHODS);
    c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  };
}
