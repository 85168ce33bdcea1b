import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/limits.ts';
import { BLOG_ORIGIN, useTestApp } from '../../helpers/test-app.ts';

const t = useTestApp();

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const oversized = JSON.stringify({ code: 'x'.repeat(LIMITS.requestMaxBytes), verifier: 'y' });

describe('one body limit for every route', () => {
  it('refuses an oversized body with 413 outside the public API too: sign-in, log out, the admin login, an unknown path', async () => {
    for (const path of ['/auth/session', '/auth/logout', '/api/v1/admin/login', '/nowhere']) {
      const res = await t.send('POST', path, oversized);
      expect(res.status, path).toBe(413);
      expect(await errorCode(res)).toBe('payload_too_large');
    }
  });

  it('lets the calling page read the refusal (it carries no data)', async () => {
    const res = await t.send('POST', '/api/v1/comments', oversized, { origin: BLOG_ORIGIN });
    expect(res.status).toBe(413);
    expect(res.headers.get('access-control-allow-origin')).toBe(BLOG_ORIGIN);
  });
});

describe('request bodies that are not UTF-8', () => {
  it('are refused with 400, not stored with U+FFFD in place of the bytes', async () => {
    const json = new TextEncoder().encode('{"page":"p","body":"caf\u00e9 X","author":{"name":"Ann"}}');
    const broken = new Uint8Array(json);
    broken[broken.indexOf('X'.charCodeAt(0))] = 0xff;
    const res = await t.app.request('/api/v1/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: broken });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('UTF-8');
    expect((await t.thread('p')).body.comments).toEqual([]);
    const fine = await t.app.request('/api/v1/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
    expect(fine.status).toBe(201);
  });
});

describe('methods a documented route does not take', () => {
  it('get 405 with Allow, not 404', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', '/api/v1/threads?page=p', 'GET, HEAD, OPTIONS'],
      ['PUT', '/api/v1/comments', 'POST, OPTIONS'],
      ['POST', '/api/v1/comments/12', 'GET, HEAD, PATCH, DELETE, OPTIONS'],
      ['GET', '/auth/session', 'POST, OPTIONS'],
      ['DELETE', '/api/v1/likes', 'GET, HEAD, PUT, OPTIONS'],
      ['POST', '/feeds/thread.atom', 'GET, HEAD, OPTIONS'],
      ['POST', '/embed.js', 'GET, HEAD, OPTIONS'],
      ['POST', '/admin', 'GET, HEAD, OPTIONS'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await t.app.request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expect(await errorCode(res)).toBe('method_not_allowed');
    }
  });

  it('answers OPTIONS (outside a CORS preflight) with Allow, and unknown paths still with 404', async () => {
    const options = await t.app.request('/api/v1/threads', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const unknown = await t.app.request('/api/v1/nothing', { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('not_found');
  });
});
