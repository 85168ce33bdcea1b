/**
 * CORS for the JSON API: a browser may call it only from an origin that some site allows;
 * each route then checks the origin against its own site (sites/require-site.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { allowedOrigins } from '../sites/allowed-origins.ts';
import type { AppEnv } from './app-env.ts';
import { RiposteError } from './errors.ts';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Content-Type, Authorization, If-None-Match, Riposte-Comment-Secret';

export function apiCors(): MiddlewareHandler<AppEnv> {
  return async function apiCorsHandler(c, next) {
    c.header('Vary', 'Origin', { append: true });
    const origin = c.req.header('origin');
    if (!origin) return next();
    const allowed = c.var.store.sites.list().some((site) => allowedOrigins(site, c.var.config).has(origin));
    if (!allowed) throw new RiposteError(403, 'origin_not_allowed', `Pages on ${origin} may not use this server; its owner can allow this origin.`);
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'ETag');
    if (c.req.method !== 'OPTIONS') return next();
    c.header('Access-Control-Allow-Methods', ALLOW_METHODS);
    c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  };
}
