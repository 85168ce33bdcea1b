/**
 * What a path answers to: a request with a method the path does not take gets 405 with an
 * `Allow` header naming those it does (and OPTIONS, outside a CORS preflight, 204 with it),
 * instead of the 404 that would say the path does not exist.
 */
import type { Context, Hono, NotFoundHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { errorBody } from './errors.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods some route (not only middleware, which Hono registers for "ALL") of `app` takes at `path`. */
function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  const allowed = METHODS.filter((method) => app.router.match(method, path)[0].some(([[, route]]) => route.method !== 'ALL'));
  return allowed.includes('GET') ? ['GET', 'HEAD', ...allowed.slice(1)] : allowed;
}

/** The app's not-found handler: 405 or 204 with `Allow` where the path exists, else `notFound`. */
export function methodNotAllowed(app: Hono<AppEnv>, notFound: NotFoundHandler<AppEnv>): NotFoundHandler<AppEnv> {
  return function notFoundOrNotAllowed(c: Context<AppEnv>) {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length === 0) return notFound(c);
    c.header('Allow', [...allowed, 'OPTIONS'].join(', '));
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    return c.json(errorBody('method_not_allowed', `${c.req.path} does not take ${c.req.method}; it takes ${allowed.join(', ')}.`), 405);
  };
}
