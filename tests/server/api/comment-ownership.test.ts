import { describe, expect, it } from 'vitest';
import type { PostedComment, WireComment, WireUser } from '../../../shared/wire.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { hashToken } from '../../../server/tokens.ts';
import { BLOG_ORIGIN, useTestApp } from '../../helpers/test-app.ts';

const page = 'https://blog.example/2017/03/le-pen/';
/** Sign-in settings: one GitHub provider, and one identity listed as the blog's owner. */
const env = { RIPOSTE_GITHUB_CLIENT_ID: 'id', RIPOSTE_GITHUB_CLIENT_SECRET: 'secret', RIPOSTE_OWNERS: 'github:1' };

const t = useTestApp([], env);

async function signIn(subject: string, name: string): Promise<string> {
  const user = await t.store.users.upsert({ provider: 'github', subject, name, email: null, website: null }, t.now().toISOString());
  return createSession(t, user.id);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const secretHeader = (secret: string) => ({ 'riposte-comment-secret': secret });

async function post(headers: Record<string, string> = {}, body = 'First *words*.'): Promise<PostedComment> {
  const res = await t.post({ page, body, author: { name: 'Guest' } }, headers);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as PostedComment;
}

const edit = (id: number, headers: Record<string, string>, body = 'Second *thoughts*.') =>
  t.send('PATCH', `/api/v1/comments/${id}`, { body }, headers);
const remove = (id: number, headers: Record<string, string>) => t.send('DELETE', `/api/v1/comments/${id}`, undefined, headers);
const errorOf = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });

describe('signed-in authors', () => {
  it('post under their profile name with an opaque author id, the owner with the Author badge', async () => {
    const token = await signIn('2', 'Grace Hopper');
    const { comment, secret } = await post(bearer(token));
    expect(secret).toBeUndefined();
    expect(comment.author).toMatchObject({ name: 'Grace Hopper' });
    const me = await t.app.request('/auth/me', { headers: bearer(token) });
    const { user } = (await me.json()) as { user: WireUser };
    expect(user).toEqual({ id: comment.author.id, name: 'Grace Hopper', provider: 'github', providerName: 'GitHub' });
    expect(comment.author.id).toMatch(/^[0-9a-f]{16}$/);

    const owner = await post(bearer(await signIn('1', 'Blog Author')));
    expect(owner.comment.author.badge).toBe('owner');
  });

  it('edit within the window (re-rendered, sanitised, editedAt set, thread cache dropped) and delete any time', async () => {
    const token = await signIn('2', 'Grace');
    const { comment } = await post(bearer(token));
    await t.thread(page); // fills the thread cache
    const res = await edit(comment.id, bearer(token), 'Second *thoughts* <script>alert(1)</script>');
    expect(res.status).toBe(200);
    const edited = ((await res.json()) as { comment: WireComment }).comment;
    expect(edited.html).toBe('<p>Second <em>thoughts</em> &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(Date.parse(edited.editedAt!)).toBeGreaterThanOrEqual(Date.parse(comment.createdAt));
    expect((await t.thread(page)).body.comments).toEqual([edited]);

    const source = await t.app.request(`/api/v1/comments/${comment.id}`, { headers: bearer(token) });
    expect(await source.json()).toEqual({ body: 'Second *thoughts* <script>alert(1)</script>' });

    // The edit window (15 minutes by default) passes.
    t.clock.advance(16 * 60_000);
    expect(await errorOf(await edit(comment.id, bearer(token)))).toEqual({ status: 403, code: 'edit_window_closed' });
    expect((await remove(comment.id, bearer(token))).status).toBe(204);
    expect((await t.thread(page)).body.comments).toEqual([]);
  });

  it("cannot edit or delete anyone else's comment", async () => {
    const mine = await post(bearer(await signIn('2', 'Grace')));
    const other = await signIn('3', 'Mallory');
    expect(await errorOf(await edit(mine.comment.id, bearer(other)))).toEqual({ status: 403, code: 'forbidden' });
    expect(await errorOf(await remove(mine.comment.id, bearer(other)))).toEqual({ status: 403, code: 'forbidden' });
    expect(await errorOf(await edit(mine.comment.id, {}))).toEqual({ status: 403, code: 'forbidden' });
    const guest = await post();
    expect(await errorOf(await edit(guest.comment.id, bearer(other)))).toEqual({ status: 403, code: 'forbidden' });
    expect((await t.thread(page)).body.comments.map((c) => c.html)).toEqual([mine.comment.html, guest.comment.html]);
  });

  it('get 401 with a clear message for an expired, logged-out or made-up token, and nothing is posted', async () => {
    const token = await signIn('2', 'Grace');
    const { comment } = await post(bearer(token));

    const expired = 'e'.repeat(43);
    const created = new Date(t.now().getTime() - 60_000).toISOString();
    const expiredAt = new Date(t.now().getTime() - 1000).toISOString();
    await t.store.sessions.create(hashToken(expired), (await t.store.users.find('github', '2'))!.id, created, expiredAt);
    for (const bad of [expired, 'x'.repeat(43)]) {
      const res = await t.post({ page, body: 'hello', author: { name: 'G' } }, bearer(bad));
      expect(res.status).toBe(401);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('unauthorized');
      expect(error.message).toMatch(/expired or you logged out/);
      expect((await t.app.request('/auth/me', { headers: bearer(bad) })).status).toBe(401);
      expect((await edit(comment.id, bearer(bad))).status).toBe(401);
    }

    expect((await t.app.request('/auth/me', { headers: bearer(token) })).status).toBe(200);
    expect((await t.app.request('/auth/logout', { method: 'POST', headers: bearer(token) })).status).toBe(204);
    expect(await errorOf(await t.app.request('/auth/me', { headers: bearer(token) }))).toEqual({ status: 401, code: 'unauthorized' });
    expect((await edit(comment.id, bearer(token))).status).toBe(401);
    expect((await t.thread(page)).body.comments).toHaveLength(1);
  });
});

describe('guests', () => {
  it('get a secret (stored only hashed) that edits and deletes their own comment within the window', async () => {
    const { comment, secret } = await post();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await t.store.comments.get(comment.id))!.guestSecretHash).toBe(hashToken(secret!));
    expect(JSON.stringify((await t.thread(page)).body)).not.toContain(secret);

    const res = await edit(comment.id, secretHeader(secret!));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { comment: WireComment }).comment.html).toBe('<p>Second <em>thoughts</em>.</p>');
    expect((await remove(comment.id, secretHeader(secret!))).status).toBe(204);
    expect((await t.thread(page)).body.comments).toEqual([]);
  });

  it('cannot use their secret on another comment, or after the window', async () => {
    const first = await post();
    const second = await post();
    expect(await errorOf(await edit(second.comment.id, secretHeader(first.secret!)))).toEqual({ status: 403, code: 'forbidden' });
    expect(await errorOf(await remove(second.comment.id, secretHeader(first.secret!)))).toEqual({ status: 403, code: 'forbidden' });
    t.clock.advance(16 * 60_000);
    expect(await errorOf(await edit(first.comment.id, secretHeader(first.secret!)))).toEqual({ status: 403, code: 'edit_window_closed' });
    expect(await errorOf(await remove(first.comment.id, secretHeader(first.secret!)))).toEqual({ status: 403, code: 'edit_window_closed' });
  });

  it('leave a placeholder when the deleted comment has replies', async () => {
    const parent = await post();
    const reply = await t.post({ page, body: 'reply', parentId: parent.comment.id, author: { name: 'Other' } });
    expect(reply.status).toBe(201);
    expect((await remove(parent.comment.id, secretHeader(parent.secret!))).status).toBe(204);
    const { body } = await t.thread(page);
    expect(body.comments.map((c) => [c.id, c.deleted ?? false, c.html === ''])).toEqual([
      [parent.comment.id, true, true],
      [(await reply.json()).comment.id, false, false],
    ]);
    expect(body.count).toBe(1);
  });

  it('may be turned off per site, leaving signed-in readers able to post', async () => {
    await t.store.sites.updateSettings('default', { guests: false, editWindowMinutes: 30 });
    const res = await t.post({ page, body: 'hello', author: { name: 'G' } });
    expect(await errorOf(res)).toEqual({ status: 403, code: 'guests_not_allowed' });
    await post(bearer(await signIn('2', 'Grace')));
    const options = await (await t.app.request('/auth/providers')).json();
    expect(options).toEqual({
      providers: [{ id: 'github', name: 'GitHub' }],
      guests: false,
      editWindowMinutes: 30,
      emailRequired: false,
      mail: false,
    });
  });
});

describe('CORS for the new routes', () => {
  it('lets an allowed page send the bearer token and the guest secret', async () => {
    const res = await t.app.request('/api/v1/comments/1', {
      method: 'OPTIONS',
      headers: {
        origin: BLOG_ORIGIN,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, riposte-comment-secret',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Riposte-Comment-Secret/);
    const me = await t.app.request('/auth/me', {
      method: 'OPTIONS',
      headers: { origin: BLOG_ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(me.headers.get('access-control-allow-origin')).toBe(BLOG_ORIGIN);
    const evil = await t.app.request('/auth/providers', { headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
  });
});
