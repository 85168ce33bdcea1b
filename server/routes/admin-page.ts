/**
 * The admin view's page and files (dist/admin, built by `vite build --mode admin`) at /admin,
 * on this server's own origin, under a strict policy of its own: scripts, styles and requests
 * from this origin only, nothing inline, never framed.
 */
import { extname, join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { sendEncoded, type EncodedBody } from '../http/encoded-body.ts';
import { RiposteError } from '../http/errors.ts';
import { assetLoader, TYPES } from './widget-assets.ts';

const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function send(c: Context<AppEnv>, path: string, asset: EncodedBody | null, cacheControl: string): Response {
  if (!asset) throw new RiposteError(404, 'not_found', 'No such admin file (is it built? run `npm run build`).');
  c.header('Content-Security-Policy', POLICY);
  c.header('X-Frame-Options', 'DENY');
  return sendEncoded(c, asset, TYPES[extname(path)] ?? 'application/octet-stream', cacheControl);
}

/** `adminDir`: the built admin view (dist/admin). */
export function adminPageRoutes(adminDir: string) {
  const load = assetLoader(adminDir);
  const page = (c: Context<AppEnv>) => send(c, 'index.html', load('index.html'), 'no-cache');
  return new Hono<AppEnv>().get('/', page).get('/assets/:file{[A-Za-z0-9_-][A-Za-z0-9._-]*}', (c) => {
    const path = join('assets', c.req.param('file'));
    return send(c, path, load(path), 'public, max-age=31536000, immutable');
  });
}
