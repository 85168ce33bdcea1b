import { describe, expect, it } from 'vitest';
import { ADMIN_SESSION_DAYS } from '../../../server/admin/admin-auth.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { hashToken, randomToken } from '../../../server/tokens.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, addAdmin, adminHeaders } from '../../helpers/admin-session.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const env = {
  RIPOSTE_GITHUB_CLIENT_ID: 'id',
  RIPOSTE_GITHUB_CLIENT_SECRET: 'secret',
  RIPOSTE_OWNERS: 'github:1',
  RIPOSTE_ADMINS: 'github:1',
};
const t = useTestApp([], env, (app) => addAdmin(app));

const errorOf = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });

/** Every admin endpoint but login/logout/session, with a body where it takes one. */
const ENDPOINTS: [string, string, unknown?][] = [
  ['GET', '/api/v1/admin/comments'],
  ['POST', '/api/v1/admin/comments/actions', { ids: [1], action: 'approve' }],
  ['PATCH', '/api/v1/admin/comments/1', { body: 'changed' }],
  ['POST', '/api/v1/admin/comments/1/reply', { body: 'thanks' }],
  ['GET', '/api/v1/admin/sites'],
  ['PATCH', '/api/v1/admin/sites/default', { settings: { moderation: 'all' } }],
  ['PUT', '/api/v1/admin/threads/1/lock', { locked: true }],
  ['GET', '/api/v1/admin/bans'],
  ['POST', '/api/v1/admin/bans', { kind: 'email', value: 'x@example.org' }],
  ['DELETE', '/api/v1/admin/bans/1'],
  ['GET', '/api/v1/admin/audit'],
];

describe('admin sign-in', () => {
  it('logs in with the right password: HttpOnly, SameSite=Strict cookie; the session answers who and the CSRF token', async () => {
    const res = await t.send('POST', '/api/v1/admin/login', { email: 'Owner@Blog.example', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^riposte_admin=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const body = (await res.json()) as { admin: unknown; csrf: string };
    expect(body.admin).toEqual({ email: ADMIN_EMAIL, name: 'Blog Owner' });
    const session = await t.app.request('/api/v1/admin/session', { headers: { cookie: cookie.split(';')[0]! } });
    expect(await session.json()).toEqual(body);
    // Only hashes are stored.
    expect(JSON.stringify(await t.store.admins.list())).not.toContain(ADMIN_PASSWORD);
  });

  it('says clearly when the password is wrong, and limits failed attempts', async () => {
    const wrong = await t.send('POST', '/api/v1/admin/login', { email: ADMIN_EMAIL, password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'unauthorized', message: 'Wrong email or password.' } });
    expect((await t.send('POST', '/api/v1/admin/login', { email: 'nobody@x.example', password: 'nope' })).status).toBe(401);
    for (let i = 0; i < 8; i++) await t.send('POST', '/api/v1/admin/login', { email: ADMIN_EMAIL, password: 'nope' });
    const limited = await t.send('POST', '/api/v1/admin/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(await errorOf(limited)).toEqual({ status: 429, code: 'rate_limited' });
  });

  it('refuses a login posted from another origin', async () => {
    const res = await t.send(
      'POST',
      '/api/v1/admin/login',
      { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(await errorOf(res)).toEqual({ status: 403, code: 'csrf_failed' });
  });

  it('ends the session at logout and after it expires, with a clear message', async () => {
    const headers = await adminHeaders(t);
    expect((await t.send('GET', '/api/v1/admin/comments', undefined, headers)).status).toBe(200);
    expect((await t.send('POST', '/api/v1/admin/logout', undefined, headers)).status).toBe(204);
    const after = await t.send('GET', '/api/v1/admin/comments', undefined, headers);
    expect(await after.json()).toEqual({
      error: { code: 'unauthorized', message: 'Your admin session has expired or you logged out; log in again.' },
    });

    const again = await adminHeaders(t);
    t.clock.advance(ADMIN_SESSION_DAYS * 86_400_000);
    expect((await t.send('GET', '/api/v1/admin/comments', undefined, again)).status).toBe(401);
  });
});

describe('admins named by provider identity (RIPOSTE_ADMINS)', () => {
  /** What the full-page sign-in leaves behind for a code: as if `subject` had logged in at GitHub from /admin. */
  const verifier = randomToken();
  async function signedInCode(subject: string): Promise<string> {
    const user = await t.store.users.upsert(
      { provider: 'github', subject, name: `User ${subject}`, email: null, website: null },
      t.now().toISOString(),
    );
    const code = randomToken();
    const origin = new URL(t.config.publicUrl).origin;
    const expiresAt = new Date(t.now().getTime() + 60_000).toISOString();
    const request = {
      state: randomToken(),
      provider: 'github',
      siteId: 'default',
      origin,
      returnUrl: `${origin}/admin`,
      returnChallenge: hashToken(verifier),
      codeVerifier: 'v',
      nonce: null,
      codeHash: null,
      userId: null,
      expiresAt,
    };
    await t.store.authRequests.keepForCode(request, hashToken(code), user.id, expiresAt);
    return code;
  }
  const providerLogin = (code: string, from = verifier) =>
    t.send('POST', '/api/v1/admin/login/provider', { code, verifier: from }, { origin: t.config.publicUrl });

  it('offers the providers, and logs a listed identity in with the code it came back with (once)', async () => {
    expect(await (await t.app.request('/api/v1/admin/providers')).json()).toEqual({ providers: [{ id: 'github', name: 'GitHub' }] });
    const code = await signedInCode('1');
    const res = await providerLogin(code);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { admin: unknown }).admin).toEqual({ email: 'github:1', name: 'User 1' });
    expect(res.headers.get('set-cookie')).toContain('HttpOnly');
    expect(await errorOf(await providerLogin(code))).toEqual({ status: 400, code: 'invalid_input' });
    // No password opens that admin.
    expect((await t.send('POST', '/api/v1/admin/login', { email: 'github:1', password: '' })).status).toBe(400);
    expect((await t.send('POST', '/api/v1/admin/login', { email: 'github:1', password: 'anything' })).status).toBe(401);
  });

  it('ends the sessions of an identity taken off RIPOSTE_ADMINS', async () => {
    const res = await providerLogin(await signedInCode('1'));
    const headers = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, origin: t.config.publicUrl };
    expect((await t.app.request('/api/v1/admin/comments', { headers })).status).toBe(200);
    // The owner restarts the server without github:1 in the list.
    await t.reopen([], { ...env, RIPOSTE_ADMINS: 'github:9' });
    expect(await errorOf(await t.app.request('/api/v1/admin/comments', { headers }))).toEqual({ status: 401, code: 'unauthorized' });
    expect((await t.app.request('/api/v1/admin/session', { headers })).status).toBe(401);
    // Listed again, the old session stays ended: they log in anew.
    await t.reopen([], env);
    expect((await t.app.request('/api/v1/admin/comments', { headers })).status).toBe(401);
  });

  it('refuses a code without the verifier of the tab that started the login', async () => {
    expect(await errorOf(await providerLogin(await signedInCode('1'), randomToken()))).toEqual({ status: 400, code: 'invalid_input' });
  });

  it('refuses an identity that is not listed', async () => {
    const res = await providerLogin(await signedInCode('2'));
    expect(await res.json()).toEqual({
      error: { code: 'forbidden', message: 'github:2 (User 2) is not an admin of this server; the owner can add it to RIPOSTE_ADMINS.' },
    });
  });
});

describe('every admin endpoint', () => {
  it('refuses without a session', async () => {
    for (const [method, path, body] of ENDPOINTS) {
      expect(await errorOf(await t.send(method, path, body)), `${method} ${path}`).toEqual({ status: 401, code: 'unauthorized' });
    }
  });

  it("refuses a reader's bearer token, even the owner's", async () => {
    const owner = await t.store.users.upsert(
      { provider: 'github', subject: '1', name: 'Owner', email: ADMIN_EMAIL, website: null },
      t.now().toISOString(),
    );
    const bearer = { authorization: `Bearer ${await createSession(t, owner.id)}` };
    for (const [method, path, body] of ENDPOINTS) {
      expect(await errorOf(await t.send(method, path, body, bearer)), `${method} ${path}`).toEqual({ status: 401, code: 'unauthorized' });
    }
  });

  it('refuses writes without the CSRF token, with a wrong one, or from another origin', async () => {
    const { 'riposte-csrf': csrf, ...noToken } = await adminHeaders(t);
    const writes = ENDPOINTS.filter(([method]) => method !== 'GET');
    for (const headers of [
      noToken,
      { ...noToken, 'riposte-csrf': `${csrf.slice(0, -1)}x` },
      { ...noToken, 'riposte-csrf': csrf, origin: 'https://blog.example' },
    ]) {
      for (const [method, path, body] of writes) {
        expect(await errorOf(await t.send(method, path, body, headers)), `${method} ${path}`).toEqual({ status: 403, code: 'csrf_failed' });
      }
    }
    // Reads need no token (they change nothing).
    expect((await t.send('GET', '/api/v1/admin/comments', undefined, noToken)).status).toBe(200);
  });
});

describe('the admin page', () => {
  it('is served at /admin with a strict policy of its own: own-origin scripts and styles, nothing inline, never framed', async () => {
    const res = await t.app.request('/admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = res.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    const page = await res.text();
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(page)![1]!;
    expect((await t.app.request(script)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
