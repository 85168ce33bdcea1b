import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInOptions, WireSession, WireUser } from '../../../shared/wire.ts';
import { hashToken, randomToken } from '../../../server/tokens.ts';
import { type GitHubStandIn, type GitHubUser, startGitHubStandIn } from '../../helpers/github-stand-in.ts';
import { BLOG_ORIGIN, openTestApp, type TestApp } from '../../helpers/test-app.ts';
import { makeTestDatabase } from '../../helpers/test-database.ts';

let github: GitHubStandIn;
let database: Awaited<ReturnType<typeof makeTestDatabase>>;
let t: TestApp;

/** What the stand-in's /user answers: a test may change it for a while. */
const octocat: GitHubUser = { id: 583231, login: 'octocat', name: 'The Octocat', blog: 'github.blog' };

beforeAll(async () => {
  github = await startGitHubStandIn(octocat);
  database = await makeTestDatabase();
  // Configured exactly as for GitHub Enterprise: the web and API base addresses.
  t = await openTestApp(database.database.location, ['--public-url', 'http://127.0.0.1:9999'], {
    RIPOSTE_GITHUB_CLIENT_ID: github.clientId,
    RIPOSTE_GITHUB_CLIENT_SECRET: github.clientSecret,
    RIPOSTE_GITHUB_URL: github.webUrl,
    RIPOSTE_GITHUB_API_URL: github.apiUrl,
    RIPOSTE_GITHUB_NAME: 'GitHub Enterprise',
    RIPOSTE_MODERATORS: 'github:583231',
  });
});
afterAll(async () => {
  await t?.close();
  await database?.remove();
  await github?.close();
});

/** Follows one redirect by hand, as the browser would, carrying the sign-in cookie. */
async function get(url: string, cookie = ''): Promise<Response> {
  const local = url.startsWith('http://127.0.0.1:9999') ? url.slice('http://127.0.0.1:9999'.length) : null;
  return local !== null ? t.app.request(local, { headers: cookie ? { cookie } : {} }) : fetch(url, { redirect: 'manual' });
}

/** Start -> GitHub authorize -> callback; returns the callback's answer. */
async function signInWithGitHub(query: Record<string, string>): Promise<Response> {
  const start = await t.app.request(`/auth/github/start?${new URLSearchParams(query)}`);
  expect(start.status).toBe(302);
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.origin + authorize.pathname).toBe(`${github.webUrl}/login/oauth/authorize`);
  expect(authorize.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:9999/auth/github/callback');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const back = await get(authorize.href);
  return get(back.headers.get('location')!, cookie);
}

/** The JSON the hand-off page posts to its opener, and the origin it targets. */
function handoff(html: string): { message: WireSession; origin: string } {
  return JSON.parse(/<script nonce="[^"]+" type="application\/json" id="handoff">(.*?)<\/script>/s.exec(html)![1]!);
}

describe('GitHub sign-in (against a local stand-in, through the GitHub Enterprise URL settings)', () => {
  it('lists the provider by name', async () => {
    const options = (await (await t.app.request('/auth/providers?site=default')).json()) as SignInOptions;
    expect(options).toEqual({
      providers: [{ id: 'github', name: 'GitHub Enterprise' }],
      guests: true,
      editWindowMinutes: 15,
      emailRequired: false,
    });
  });

  it('popup: the callback page posts a session to the page origin only, under a strict CSP', async () => {
    const res = await signInWithGitHub({ site: 'default', origin: BLOG_ORIGIN });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/postMessage\([^)]*'\*'/);
    const { message, origin } = handoff(html);
    expect(origin).toBe(BLOG_ORIGIN);
    expect(message.type).toBe('riposte-session');
    expect(message.user).toMatchObject({ name: 'The Octocat', provider: 'github', providerName: 'GitHub Enterprise', badge: 'moderator' });
    // PKCE: the token request carried the verifier, and the stand-in checked it against the challenge.
    expect(github.tokenRequests.at(-1)!.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,}$/);

    const me = await t.app.request('/auth/me', { headers: { authorization: `Bearer ${message.token}` } });
    expect(((await me.json()) as { user: WireUser }).user).toEqual(message.user);
    const user = await t.store.users.find('github', '583231');
    expect(user).toMatchObject({ name: 'The Octocat', website: 'https://github.blog/' });
  });

  /** The full-page flow as the widget runs it: a verifier kept in the tab, its SHA-256 sent along. */
  async function fullPageCode(): Promise<{ code: string; verifier: string }> {
    const verifier = randomToken();
    const res = await signInWithGitHub({
      site: 'default',
      origin: BLOG_ORIGIN,
      return: `${BLOG_ORIGIN}/post?p=1#comment-3`,
      challenge: hashToken(verifier),
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${BLOG_ORIGIN}/post\\?p=1#riposte-sign-in=[A-Za-z0-9_-]{43}$`));
    return { code: location.split('#riposte-sign-in=')[1]!, verifier };
  }
  const exchange = (body: { code: string; verifier: string }, origin = BLOG_ORIGIN) => t.send('POST', '/auth/session', body, { origin });

  it('full-page flow: back to the page with a one-time code, exchanged once, from that tab only', async () => {
    const { code, verifier } = await fullPageCode();
    const ok = await exchange({ code, verifier });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as WireSession).user.name).toBe('The Octocat');
    expect((await exchange({ code, verifier })).status).toBe(400);
  });

  it('full-page flow: a code is useless without the verifier of the tab that started it (login CSRF), and burnt by a wrong one', async () => {
    // An attacker signs in with their own account and plants the code in a reader's page:
    // the reader's tab has no verifier for it (or another one).
    const { code, verifier } = await fullPageCode();
    expect((await exchange({ code, verifier: randomToken() })).status).toBe(400);
    expect((await exchange({ code, verifier })).status).toBe(400);
    // Nor from another origin, even with the right verifier (refused before the route runs).
    const other = await fullPageCode();
    expect((await exchange(other, 'https://evil.example')).status).toBe(403);
  });

  it('refuses a start from an origin the site does not allow, or a return address elsewhere', async () => {
    const evil = await t.app.request(`/auth/github/start?origin=${encodeURIComponent('https://evil.example')}`);
    expect(evil.status).toBe(403);
    const away = await t.app.request(`/auth/github/start?${new URLSearchParams({ origin: BLOG_ORIGIN, return: 'https://evil.example/' })}`);
    expect(away.status).toBe(400);
    expect((await t.app.request('/auth/nope/start?origin=x')).status).toBe(404);
  });

  it('stores a profile without the U+0000 a provider may send in a name or email (PostgreSQL cannot store it)', async () => {
    Object.assign(octocat, { name: 'The Octo\u0000cat', email: 'octo\u0000cat@github.example' });
    try {
      expect((await signInWithGitHub({ site: 'default', origin: BLOG_ORIGIN })).status).toBe(200);
    } finally {
      Object.assign(octocat, { name: 'The Octocat', email: null });
    }
    expect(await t.store.users.find('github', '583231')).toMatchObject({ name: 'The Octocat', email: 'octocat@github.example' });
  });

  it("refuses a callback without the browser's sign-in cookie (login CSRF), or twice", async () => {
    const start = await t.app.request(`/auth/github/start?${new URLSearchParams({ origin: BLOG_ORIGIN })}`);
    const back = await get(start.headers.get('location')!);
    const callback = back.headers.get('location')!;
    expect((await get(callback)).status).toBe(400);
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    expect((await get(callback, cookie)).status).toBe(200); // the browser that started it still can
    expect((await get(callback, cookie)).status).toBe(400); // but only once
  });
});
