/**
 * The built widget: /embed.js keeps a stable URL (cached briefly, then revalidated);
 * /assets/* have content-hashed names and are cached for a year. Any page may load them.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { encodedBody, sendEncoded, type EncodedBody } from '../http/encoded-body.ts';
import { RiposteError } from '../http/errors.ts';

export const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};

/**
 * Reads each file once and keeps it: the build does not change while the server runs. Only
 * files that exist are kept, so requests for made-up names cannot grow the map.
 */
export function assetLoader(widgetDir: string) {
  const loaded = new Map<string, EncodedBody>();
  return (relativePath: string): EncodedBody | null => {
    let asset = loaded.get(relativePath);
    if (!asset) {
      try {
        asset = encodedBody(new Uint8Array(readFileSync(join(widgetDir, relativePath))), 'max');
      } catch (err) {
        if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return null;
        throw err;
      }
      loaded.set(relativePath, asset);
    }
    return asset;
  };
}

function sendAsset(c: Context<AppEnv>, path: string, asset: EncodedBody | null, cacheControl: string): Response {
  if (!asset) throw new RiposteError(404, 'not_found', 'No such widget file (is the widget built? run `npm run build`).');
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  return sendEncoded(c, asset, TYPES[extname(path)] ?? 'application/octet-stream', cacheControl);
}

export function widgetAssetRoutes(widgetDir: string) {
  const load = assetLoader(widgetDir);
  return new Hono<AppEnv>()
    .get('/embed.js', (c) => sendAsset(c, 'embed.js', load('embed.js'), 'public, max-age=300, must-revalidate'))
    .get('/assets/:file{[A-Za-z0-9_-][A-Za-z0-9._-]*}', (c) => {
      const path = join('assets', c.req.param('file'));
      return sendAsset(c, path, load(path), 'public, max-age=31536000, immutable');
    });
}
