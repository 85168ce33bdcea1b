import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDGET_DIR } from '../../../server/main.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const t = useTestApp();

describe('widget files (built by npm test before the tests run)', () => {
  it('serves embed.js to any origin, cached briefly and revalidated', async () => {
    const res = await t.app.request('/embed.js', { headers: { origin: 'https://any-blog.example', 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(res.headers.get('content-encoding')).toBe('br');
    const etag = res.headers.get('etag')!;
    const again = await t.app.request('/embed.js', { headers: { 'if-none-match': etag, 'accept-encoding': 'br' } });
    expect(again.status).toBe(304);
    // Weak tags and lists, as proxies and browsers send them, count too.
    const weak = await t.app.request('/embed.js', { headers: { 'if-none-match': `"other", W/${etag}`, 'accept-encoding': 'br' } });
    expect(weak.status).toBe(304);
    // The uncompressed file is other bytes, so it has another tag.
    const plain = await t.app.request('/embed.js', { headers: { 'if-none-match': etag } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('etag')).not.toBe(etag);
  });

  it('serves content-hashed chunks cached for a year', async () => {
    const [chunk] = readdirSync(`${DEFAULT_WIDGET_DIR}/assets`);
    const res = await t.app.request(`/assets/${chunk}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 404 for files that are not there, and never leaves the folder', async () => {
    for (const path of ['/assets/nope.js', '/assets/..%2Fembed.js', '/assets/../../package.json']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
    }
  });
});
