/**
 * The built widget: /embed.js keeps a stable URL (cached briefly, then revalidated);
 * /assets/* have content-hashed names and are cached for a year. Any page may load them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Hono, type Context } from 'hono';
import { preferredEncoding, type Bytes } from '../threads/thread-cache.ts';
import type { AppEnv } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  type: string;
  etag: string;
  identity: Bytes;
  br: Bytes;
  gzip: Bytes;
}

/** Reads and compresses each file once; the build does not change while the server runs. */
function assetLoader(widgetDir: string) {
  const loaded = new Map<string, Asset | null>();
  return (relativePath: string): Asset | null => {
    if (!loaded.has(relativePath)) {
      let asset: Asset | null = null;
      try {
        const identity = new Uint8Array(readFileSync(join(widgetDir, relativePath)));
        asset = {
          type: TYPES[extname(relativePath)] ?? 'application/octet-stream',
          etag: `"${createHash('sha1').update(identity).digest('base64url')}"`,
          identity,
          br: new Uint8Array(brotliCompressSync(identity)),
          gzip: new Uint8Array(gzipSync(identity, { level: 9 })),
        };
      } catch {
        asset = null;
      }
      loaded.set(relativePath, asset);
    }
    return loaded.get(relativePath)!;
  };
}

function sendAsset(c: Context<AppEnv>, asset: Asset | null, cacheControl: string): Response {
  if (!asset) throw new RiposteError(404, 'not_found', 'No such widget file (is the widget built? run `npm run build`).');
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  c.header('Cache-Control', cacheControl);
  c.header('ETag', asset.etag);
  c.header('Vary', 'Accept-Encoding');
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
  const encoding = preferredEncoding(c.req.header('accept-encoding'));
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  c.header('Content-Type', asset.type);
  return c.body(asset[encoding]);
}

export function widgetAssetRoutes(widgetDir: string) {
  const load = assetLoader(widgetDir);
  return new Hono<AppEnv>()
    .get('/embed.js', (c) => sendAsset(c, load('embed.js'), 'public, max-age=300, must-revalidate'))
    .get('/assets/:file{[A-Za-z0-9._-]+}', (c) =>
      sendAsset(c, load(join('assets', c.req.param('file'))), 'public, max-age=31536000, immutable'),
    );
}
