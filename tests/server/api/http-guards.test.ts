import { describe, expect, it } from 'vitest';
import { BLOG_ORIGIN, useTestApp } from '../../helpers/test-app.ts';
import { holdWriteLock } from '../../helpers/test-database.ts';

const t = useTestApp();

const comment = { page: 'p', body: 'hi', author: { name: 'A' } };

describe('origins', () => {
  it('answers CORS for an allowed origin, on preflight and on the request', async () => {
    const preflight = await t.app.request('/api/v1/comments', {
      method: 'OPTIONS',
      headers: { origin: BLOG_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(BLOG_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const res = await t.post(comment, { origin: BLOG_ORIGIN });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(BLOG_ORIGIN);
  });

  it('carries CORS headers on errors, so the widget can read them', async () => {
    const res = await t.post({ ...comment, body: '' }, { origin: BLOG_ORIGIN });
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe(BLOG_ORIGIN);
  });

  it('refuses an origin no site allows with 403, stores nothing', async () => {
    const preflight = await t.app.request('/api/v1/comments', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    // A preflight that is not 2xx and allows no method: the browser sends nothing.
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    const res = await t.post(comment, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
    const read = await t.app.request('/api/v1/threads?page=p', { headers: { origin: 'https://evil.example' } });
    expect(read.status).toBe(403);
    // Readable by that page, so the widget can say why rather than "check your connection".
    expect(read.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(((await read.json()) as { error: { message: string } }).error.message).toContain('https://evil.example');
    expect((await t.thread('p')).body.comments).toEqual([]);
  });

  it('refuses an origin that another site allows but this one does not', async () => {
    await t.store.sites.ensure('other-blog', 'Other blog', t.now().toISOString());
    const res = await t.post({ ...comment, site: 'other-blog' }, { origin: BLOG_ORIGIN });
    expect(res.status).toBe(403);
    // RIPOSTE_ORIGINS covers the default site only: the message names what to do for this one.
    const { message } = ((await res.json()) as { error: { message: string } }).error;
    expect(message).toContain(`allow ${BLOG_ORIGIN} for site "other-blog" under Rules → Allowed origins in the admin view`);
    expect(message).toContain('RIPOSTE_ORIGINS is for the default site only');
    const nowhere = await t.post(comment, { origin: 'https://new-blog.example' });
    expect(((await nowhere.json()) as { error: { message: string } }).error.message).toContain(
      "add https://new-blog.example to RIPOSTE_ORIGINS (the default site) or to its site's Allowed origins",
    );
  });
});

describe('security headers', () => {
  it('are on every answer, errors included', async () => {
    for (const res of [await t.app.request('/api/v1/threads?page=p'), await t.app.request('/nowhere'), await t.post({})]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('unknown paths get a JSON 404', async () => {
    const res = await t.app.request('/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('rate limit', () => {
  it('counts the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    await t.reopen(['--rate-limit', '2', '--trust-proxy', 'true']);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.post({ ...comment, body: `n${i}` }, { 'x-forwarded-for': `10.0.0.${i}, 198.51.100.1` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('counts the connection, not X-Forwarded-For, when its last entry is no address (each would be a key of its own)', async () => {
    await t.reopen(['--rate-limit', '2', '--trust-proxy', 'true']);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.post({ ...comment, body: `m${i}` }, { 'x-forwarded-for': `made-up-${i}-${'x'.repeat(1000)}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('limits sign-in starts too, though they are GETs (each stores a row until it expires)', async () => {
    await t.reopen(['--rate-limit', '3']);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.app.request(`/auth/nope/start?origin=${encodeURIComponent(BLOG_ORIGIN)}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    // Reading threads is not limited.
    expect((await t.thread('p')).status).toBe(200);
  });

  it('answers 429 once one sender makes too many writes in a minute', async () => {
    await t.reopen(['--rate-limit', '3']);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.post({ ...comment, body: `n${i}` })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect((await t.thread('p')).status).toBe(200);
  });
});

describe('a database busy with an import', () => {
  it('answers writes 503 "try again" quickly, keeps serving reads, and takes writes again after', async () => {
    expect((await t.post(comment)).status).toBe(201);
    // Another process (riposte import) holds the write lock.
    const importer = await holdWriteLock(t.dbFile);
    const started = Date.now();
    const res = await t.post({ ...comment, body: 'while importing' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('busy');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await t.send('PUT', '/api/v1/likes', { page: 'p', liker: 'reader-0123456789abcdef', liked: true })).status).toBe(503);
    expect((await t.thread('p')).body.count).toBe(1);
    await importer.release();
    expect((await t.post({ ...comment, body: 'after the import' })).status).toBe(201);
  });

  it('answers reads while a write waits for the lock, and lets the write through once the lock is free', async () => {
    expect((await t.post(comment)).status).toBe(201);
    const importer = await holdWriteLock(t.dbFile);
    const done: string[] = [];
    const posting = Promise.resolve(t.post({ ...comment, body: 'waits its turn' })).then((res) => {
      done.push('post');
      return res;
    });
    // A write waiting synchronously would hold the whole server: this read could not be answered.
    expect((await t.thread('p')).body.count).toBe(1);
    done.push('read');
    await importer.release();
    expect((await posting).status).toBe(201);
    expect(done).toEqual(['read', 'post']);
    expect((await t.thread('p')).body.count).toBe(2);
  });
});
