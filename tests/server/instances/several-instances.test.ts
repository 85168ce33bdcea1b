/**
 * Several instances on one PostgreSQL serve as one: two apps, each with its own pool and its own
 * thread cache (as two `riposte serve` processes behind a proxy have), on one database. What one
 * writes the other reads at once; a reader's sign-in started on one finishes on the other and
 * its session works on both; an admin logged in on one acts on the other; rate limits count
 * the hits of both. (Migrating together: tests/server/store/postgres-database.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createSession } from '../../../server/auth/sessions.ts';
import type { PostedComment, WireSession, WireUser } from '../../../shared/wire.ts';
import { addAdmin, adminHeaders } from '../../helpers/admin-session.ts';
import { type GitHubStandIn, startGitHubStandIn } from '../../helpers/github-stand-in.ts';
import { startSmtpServer } from '../../helpers/smtp-server.ts';
import { hashToken, randomToken } from '../../../server/tokens.ts';
import { newPostgresDatabase } from '../../helpers/postgres.ts';
import { BLOG_ORIGIN, openTestApp, type TestApp } from '../../helpers/test-app.ts';

const PAGE = `${BLOG_ORIGIN}/shared-page`;
const PUBLIC_URL = 'http://127.0.0.1:9999';

let github: GitHubStandIn;
beforeAll(async () => {
  github = await startGitHubStandIn({ id: 583231, login: 'octocat', name: 'The Octocat' });
});
afterAll(() => github?.close());

/** Two instances on a new database, with the same settings, closed when the test finishes. */
async function twoInstances(flags: string[] = [], moreEnv: NodeJS.ProcessEnv = {}): Promise<[TestApp, TestApp]> {
  const url = await newPostgresDatabase();
  const env = {
    ...moreEnv,
    RIPOSTE_GITHUB_CLIENT_ID: github.clientId,
    RIPOSTE_GITHUB_CLIENT_SECRET: github.clientSecret,
    RIPOSTE_GITHUB_URL: github.webUrl,
    RIPOSTE_GITHUB_API_URL: github.apiUrl,
  };
  const open = () => openTestApp(url, ['--public-url', PUBLIC_URL, ...flags], env);
  const a = await open();
  onTestFinished(() => a.close());
  const b = await open();
  onTestFinished(() => b.close());
  return [a, b];
}

const post = (t: TestApp, body: string, headers: Record<string, string> = {}, name = 'Ann') =>
  t.post({ page: PAGE, body, author: { name } }, { origin: BLOG_ORIGIN, ...headers });

async function bodiesOn(t: TestApp): Promise<string[]> {
  const { status, body } = await t.thread(PAGE);
  expect(status).toBe(200);
  return body.comments.map((c) => String(c.html));
}

describe('several instances on one PostgreSQL', () => {
  it('read at once what another instance wrote: no stale thread cache, no stale ETag', async () => {
    const [a, b] = await twoInstances();
    expect((await post(a, 'First')).status).toBe(201);
    // B builds and caches the thread, with its ETag.
    expect(await bodiesOn(b)).toEqual(['<p>First</p>']);
    const cached = await b.app.request(`/api/v1/threads?${new URLSearchParams({ page: PAGE })}`);
    const etag = cached.headers.get('etag')!;
    expect(etag).toBeTruthy();

    const second = (await (await post(a, 'Second')).json()) as PostedComment;
    expect(await bodiesOn(b)).toEqual(['<p>First</p>', '<p>Second</p>']);
    const revalidated = await b.app.request(`/api/v1/threads?${new URLSearchParams({ page: PAGE })}`, {
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(200);

    // An edit and a delete made through B show on A, which had the thread cached too.
    await bodiesOn(a);
    const secretHeader = { 'riposte-comment-secret': second.secret! };
    expect((await b.send('PATCH', `/api/v1/comments/${second.comment.id}`, { body: 'Second, edited' }, secretHeader)).status).toBe(200);
    expect(await bodiesOn(a)).toEqual(['<p>First</p>', '<p>Second, edited</p>']);
    expect((await b.send('DELETE', `/api/v1/comments/${second.comment.id}`, undefined, secretHeader)).status).toBe(204);
    expect(await bodiesOn(a)).toEqual(['<p>First</p>']);
  });

  it("take a reader's sign-in started on one and finished on the other; the session works on both and ends on both", async () => {
    const [a, b] = await twoInstances();
    const start = await a.app.request(`/auth/github/start?${new URLSearchParams({ site: 'default', origin: BLOG_ORIGIN })}`);
    expect(start.status).toBe(302);
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const back = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const callback = new URL(back.headers.get('location')!);
    expect(callback.origin).toBe(PUBLIC_URL);
    // The proxy sends the callback to the other instance.
    const page = await b.app.request(callback.pathname + callback.search, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const { message } = JSON.parse(/<script nonce="[^"]+" type="application\/json" id="handoff">(.*?)<\/script>/s.exec(html)![1]!) as {
      message: WireSession;
    };
    const bearer = { authorization: `Bearer ${message.token}` };

    for (const t of [a, b]) {
      const me = await t.app.request('/auth/me', { headers: bearer });
      expect(((await me.json()) as { user: WireUser }).user).toMatchObject({ name: 'The Octocat' });
    }
    const posted = (await (await post(a, 'Signed in', bearer)).json()) as PostedComment;
    expect(posted.comment.author.name).toBe('The Octocat');
    expect((await b.send('PATCH', `/api/v1/comments/${posted.comment.id}`, { body: 'Signed in, edited' }, bearer)).status).toBe(200);

    expect((await b.send('POST', '/auth/logout', undefined, { ...bearer, origin: BLOG_ORIGIN })).status).toBe(204);
    expect((await a.app.request('/auth/me', { headers: bearer })).status).toBe(401);
  });

  it('let an admin logged in on one moderate on the other, and log out of both at once', async () => {
    const [a, b] = await twoInstances();
    await addAdmin(a);
    const admin = await adminHeaders(a);
    await a.store.sites.updateSettings('default', { moderation: 'all' });
    const held = (await (await post(a, 'Held')).json()) as PostedComment;
    expect(held.comment.status).toBe('pending');

    const approve = await b.send('POST', '/api/v1/admin/comments/actions', { ids: [held.comment.id], action: 'approve' }, admin);
    expect(approve.status).toBe(200);
    expect(await bodiesOn(a)).toEqual(['<p>Held</p>']);

    expect((await b.send('POST', '/api/v1/admin/logout', undefined, admin)).status).toBe(204);
    expect((await a.send('GET', '/api/v1/admin/comments', undefined, admin)).status).toBe(401);
  });

  it('count rate limits across instances: per address, per account, and failed admin logins', async () => {
    const [a, b] = await twoInstances(['--rate-limit', '3', '--trust-proxy', 'true']);
    const from = (address: string) => ({ 'x-forwarded-for': address });
    // One address, requests shared between the instances: three in all, not three each.
    const byAddress = [];
    for (const t of [a, b, a, b]) byAddress.push((await post(t, 'Hello', from('203.0.113.7'), `Guest ${byAddress.length}`)).status);
    expect(byAddress).toEqual([201, 201, 201, 429]);

    // One signed-in author from ever new addresses.
    const user = await a.store.users.upsert(
      { provider: 'github', subject: '7', name: 'Bob', email: null, website: null },
      a.now().toISOString(),
    );
    const bearer = { authorization: `Bearer ${await createSession(a, user.id)}` };
    const byAuthor = [];
    for (const [i, t] of [b, a, b, a].entries())
      byAuthor.push((await post(t, `Again ${i}`, { ...from(`198.51.100.${i}`), ...bearer })).status);
    expect(byAuthor).toEqual([201, 201, 201, 429]);

    await addAdmin(a);
    const failed = [];
    for (let i = 0; i < 11; i++) {
      const t = i % 2 ? a : b;
      failed.push(
        (await t.send('POST', '/api/v1/admin/login', { email: 'owner@blog.example', password: 'wrong' }, from('192.0.2.1'))).status,
      );
    }
    expect(failed).toEqual([...Array(10).fill(401), 429]);
  });

  it('count the per-sender mail limits across instances: sign-in mails and address confirmations', async () => {
    const smtp = await startSmtpServer();
    onTestFinished(() => smtp.close());
    const [a, b] = await twoInstances(['--rate-limit', '100', '--trust-proxy', 'true'], smtp.env);
    const from = { origin: BLOG_ORIGIN, 'x-forwarded-for': '203.0.113.9' };
    const signIns = [];
    for (let i = 0; i < 11; i++) {
      const body = { email: `reader${i}@example.org`, name: 'Reader', return: PAGE, challenge: hashToken(randomToken()) };
      signIns.push((await (i % 2 ? a : b).send('POST', '/auth/email/start', body, from)).status);
    }
    expect(signIns).toEqual([...Array(10).fill(202), 429]);

    // A guest's "notify me" from the same sender to eleven addresses: the comments are taken, ten confirmations queued.
    for (let i = 0; i < 11; i++) {
      const comment = {
        page: PAGE,
        body: `Tell me ${i}`,
        author: { name: `Guest ${i}`, email: `guest${i}@example.org` },
        notify: { replies: true },
      };
      expect((await (i % 2 ? a : b).post(comment, from)).status).toBe(201);
    }
    const confirmations = await a.store.outbox.list({ channel: 'mail', offset: 0, limit: 100 });
    expect(confirmations.rows.filter((row) => row.kind === 'confirm')).toHaveLength(10);
  });
});
