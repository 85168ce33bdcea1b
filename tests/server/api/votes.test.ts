/** Votes on comments: one per reader, the site's vote settings, a reader's own votes, and the address limits. */
import { describe, expect, it } from 'vitest';
import type { PostedComment, ReaderVotes, WireThread } from '../../../shared/wire.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { BLOG_ORIGIN, openTempApp, useTestApp, type TestApp } from '../../helpers/test-app.ts';

const page = 'https://blog.example/votes';
const alice = 'alice-browser-0123456789';
const bob = 'bob-browser-0123456789ab';
const env = { RIPOSTE_GITHUB_CLIENT_ID: 'id', RIPOSTE_GITHUB_CLIENT_SECRET: 'secret' };

const t = useTestApp([], env);

async function post(app: Pick<TestApp, 'post'> = t, body = 'Worth a vote.', headers: Record<string, string> = {}): Promise<number> {
  const res = await app.post({ page, body, author: { name: 'Ann' } }, headers);
  expect(res.status).toBe(201);
  return ((await res.json()) as PostedComment).comment.id;
}

const vote = (id: number, body: Record<string, unknown>, headers: Record<string, string> = {}, app: Pick<TestApp, 'send'> = t) =>
  app.send('PUT', `/api/v1/comments/${id}/vote`, body, headers);
const votesOf = async (query: Record<string, string>, headers: Record<string, string> = {}) =>
  (await (await t.app.request(`/api/v1/votes?${new URLSearchParams({ page, ...query })}`, { headers })).json()) as ReaderVotes;
const errorOf = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });
const shown = async (id: number) => (await t.thread(page)).body.comments.find((c) => c.id === id);

async function signIn(subject: string): Promise<Record<string, string>> {
  const user = await t.store.users.upsert(
    { provider: 'github', subject, name: `User ${subject}`, email: null, website: null },
    t.now().toISOString(),
  );
  return { authorization: `Bearer ${await createSession(t, user.id)}` };
}

describe('votes on comments', () => {
  it('counts each browser once, lets it change its mind, and shows the counts in the thread', async () => {
    const id = await post();
    expect(await (await vote(id, { liker: alice, value: 1 })).json()).toEqual({ up: 1, down: 0, value: 1 });
    expect(await (await vote(id, { liker: alice, value: 1 })).json()).toEqual({ up: 1, down: 0, value: 1 });
    expect(await (await vote(id, { liker: bob, value: 1 })).json()).toEqual({ up: 2, down: 0, value: 1 });
    expect(await shown(id)).toMatchObject({ up: 2 });
    expect(await (await vote(id, { liker: alice, value: 0 })).json()).toEqual({ up: 1, down: 0, value: 0 });
    expect(await votesOf({ liker: alice })).toEqual({ votes: {} });
    expect(await votesOf({ liker: bob })).toEqual({ votes: { [id]: 1 } });
  });

  it('changes the ETag of the thread, so every reader sees the new count', async () => {
    const id = await post();
    const before = await t.app.request(`/api/v1/threads?page=${encodeURIComponent(page)}`);
    await vote(id, { liker: alice, value: 1 });
    const after = await t.app.request(`/api/v1/threads?page=${encodeURIComponent(page)}`, {
      headers: { 'if-none-match': before.headers.get('etag')! },
    });
    expect(after.status).toBe(200);
    expect(((await after.json()) as WireThread).comments[0]?.up).toBe(1);
  });

  it('takes downvotes only where the site counts them, and no votes where it turned them off', async () => {
    const id = await post();
    expect(await errorOf(await vote(id, { liker: alice, value: -1 }))).toEqual({ status: 403, code: 'votes_off' });
    await t.store.sites.updateSettings('default', { votes: 'updown' });
    expect(await (await vote(id, { liker: alice, value: -1 })).json()).toEqual({ up: 0, down: 1, value: -1 });
    await vote(id, { liker: bob, value: 1 });
    expect((await t.thread(page)).body).toMatchObject({ votes: 'updown', comments: [{ id, up: 1, down: 1 }] });

    await t.store.sites.updateSettings('default', { votes: 'off' });
    expect(await errorOf(await vote(id, { liker: alice, value: 1 }))).toEqual({ status: 403, code: 'votes_off' });
    const { body } = await t.thread(page);
    expect(body.votes).toBeUndefined();
    expect(body.comments[0]).not.toHaveProperty('up');
    expect(body.comments[0]).not.toHaveProperty('down');
  });

  it('counts a signed-in reader once, as their account, and not on their own comment', async () => {
    const grace = await signIn('2');
    const id = await post();
    expect(await (await vote(id, { value: 1 }, grace)).json()).toEqual({ up: 1, down: 0, value: 1 });
    // The account counts, whichever browser (liker id) it votes from.
    expect(await (await vote(id, { liker: alice, value: 1 }, grace)).json()).toEqual({ up: 1, down: 0, value: 1 });
    expect(await votesOf({}, grace)).toEqual({ votes: { [id]: 1 } });
    const own = await post(t, 'My own.', grace);
    expect(await errorOf(await vote(own, { value: 1 }, grace))).toEqual({ status: 403, code: 'forbidden' });
  });

  it('refuses what cannot be voted on, with clear errors, and counts nothing', async () => {
    const id = await post();
    const held = await post(t, 'Held.');
    await t.store.comments.setStatus([held], 'pending');
    const deleted = await post(t, 'Gone.');
    await t.store.comments.setStatus([deleted], 'deleted');
    const cases: [Response, number, string][] = [
      [await vote(id, { value: 1 }), 400, 'invalid_input'],
      [await vote(id, { liker: alice, value: 2 }), 400, 'invalid_input'],
      [await vote(id, { liker: 'short', value: 1 }), 400, 'invalid_input'],
      [await vote(held, { liker: alice, value: 1 }), 404, 'not_found'],
      [await vote(deleted, { liker: alice, value: 1 }), 404, 'not_found'],
      [await vote(99_999, { liker: alice, value: 1 }), 404, 'not_found'],
      [await t.send('PUT', '/api/v1/comments/abc/vote', { liker: alice, value: 1 }), 400, 'invalid_input'],
      [await vote(id, { liker: alice, value: 1 }, { origin: 'https://evil.example' }), 403, 'origin_not_allowed'],
      [await vote(id, { liker: alice, value: 1 }, { 'content-type': 'text/plain' }), 400, 'invalid_input'],
      [await t.app.request(`/api/v1/votes?page=${page}`), 400, 'invalid_input'],
    ];
    for (const [res, status, code] of cases) expect(await errorOf(res)).toEqual({ status, code });
    await t.store.threads.setLocked((await t.store.threads.find('default', page))!.id, true);
    expect(await errorOf(await vote(id, { liker: alice, value: 1 }))).toEqual({ status: 403, code: 'thread_closed' });
    expect(await shown(id)).not.toHaveProperty('up');
  });

  it('answers no votes for a page without a thread, and accepts votes from the blog origin', async () => {
    expect(await votesOf({ page: 'https://blog.example/nothing-here', liker: alice })).toEqual({ votes: {} });
    const id = await post();
    expect((await vote(id, { liker: alice, value: 1 }, { origin: BLOG_ORIGIN })).status).toBe(200);
  });
});

describe('vote rate limits', () => {
  it('give votes an allowance per address of their own (three times --rate-limit), apart from comments', async () => {
    const app = await openTempApp(['--rate-limit', '2']);
    const id = await post(app, 'One.');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await vote(id, { liker: `reader-${i}-0123456789ab`, value: 1 }, {}, app)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    const limited = await vote(id, { liker: 'reader-late-0123456789', value: 1 }, {}, app);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Too many votes/);
    // The reader's comments have their own allowance: the second of two still goes through.
    expect((await app.post({ page, body: 'Two.', author: { name: 'Ann' } })).status).toBe(201);
    expect((await app.post({ page, body: 'Three.', author: { name: 'Ann' } })).status).toBe(429);
    expect((await vote(id, { liker: 'reader-late-0123456789', value: 1 }, {}, app)).status).toBe(429);
  });
});
