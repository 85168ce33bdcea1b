/**
 * A cached thread brought up to date change by change answers exactly what a cold read does:
 * after a new comment, a reply, an edit, a deletion, moderation, a vote, a pin, a like, a
 * comment erased for good, and several writes between two reads; in every sort, every page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PostedComment, ThreadSort, WireThread } from '../../../shared/wire.ts';
import { SECRET_HEADER } from '../../../server/routes/comments.ts';
import { ThreadCache } from '../../../server/threads/thread-cache.ts';
import { readThreadPage } from '../../../server/threads/thread-read.ts';
import { useAdminApp } from '../../helpers/admin-session.ts';
import { BLOG_ORIGIN } from '../../helpers/test-app.ts';

const page = 'https://blog.example/catch-up';
const SORTS: ThreadSort[] = ['oldest', 'newest', 'best'];
const t = useAdminApp();

const get = async (sort: ThreadSort, cursor?: string) =>
  (await t.app.request(`/api/v1/threads?${new URLSearchParams({ page, sort, ...(cursor ? { cursor } : {}) })}`)).text();

/** Every page of the thread in every sort, read through the app's cache (kept warm between writes) and cold. */
async function expectAsCold(): Promise<void> {
  const site = (await t.store.sites.get('default'))!;
  const cold = { store: t.store, hashKey: await t.store.settings.hashKey(), threadCache: new ThreadCache() };
  for (const sort of SORTS) {
    let cursor: string | undefined;
    do {
      const warm = await get(sort, cursor);
      const { page: thread, next } = JSON.parse(warm) as WireThread;
      const body = await readThreadPage(cold, site, {
        pageKey: thread.key,
        sort,
        cursor: cursor === undefined ? undefined : Number(cursor),
      });
      expect(warm).toBe(new TextDecoder().decode(body.bodies.identity));
      cursor = next;
    } while (cursor);
  }
}

async function post(body: string, parentId?: number): Promise<PostedComment> {
  const res = await t.post(
    { page, body, author: { name: 'Ann' }, ...(parentId === undefined ? {} : { parentId }) },
    { origin: BLOG_ORIGIN },
  );
  expect(res.status).toBe(201);
  return (await res.json()) as PostedComment;
}

const moderate = async (ids: number[], action: string) =>
  expect((await t.send('POST', '/api/v1/admin/comments/actions', { ids, action }, t.admin)).status).toBe(200);

describe('a cached thread brought up to date', () => {
  let ids: number[];
  beforeEach(async () => {
    // Enough for several pages: 30 responses, each with a reply, some with a reply to that.
    ids = [];
    for (let i = 0; i < 30; i++) {
      const response = await post(`Response ${i}`);
      const reply = await post(`Reply to ${i}`, response.comment.id);
      ids.push(response.comment.id, reply.comment.id);
      if (i % 3 === 0) ids.push((await post(`Reply to the reply ${i}`, reply.comment.id)).comment.id);
    }
    // Warm: every sort and page cached.
    await expectAsCold();
  });

  it('takes new responses and replies at every depth', async () => {
    await post('A new response');
    await expectAsCold();
    await post('A reply to the first response', ids[0]);
    await expectAsCold();
    await post('A reply deep down', ids[2]);
    await expectAsCold();
  });

  it('takes an edit and a deletion that leaves a placeholder, then its last reply deleted too', async () => {
    const mine = await post('Mine, to edit');
    const reply = await post('A reply to mine', mine.comment.id);
    await expectAsCold();
    const asAuthor = { origin: BLOG_ORIGIN, [SECRET_HEADER]: mine.secret! };
    expect((await t.send('PATCH', `/api/v1/comments/${mine.comment.id}`, { body: 'Mine, edited' }, asAuthor)).status).toBe(200);
    await expectAsCold();
    expect((await t.send('DELETE', `/api/v1/comments/${mine.comment.id}`, undefined, asAuthor)).status).toBe(204);
    await expectAsCold();
    const asReplier = { origin: BLOG_ORIGIN, [SECRET_HEADER]: reply.secret! };
    expect((await t.send('DELETE', `/api/v1/comments/${reply.comment.id}`, undefined, asReplier)).status).toBe(204);
    await expectAsCold();
  });

  it('takes moderation: held (a placeholder while its replies show), marked spam, approved again, deleted', async () => {
    await moderate([ids[0]!], 'pending');
    await expectAsCold();
    await moderate([ids[3]!, ids[4]!], 'spam');
    await expectAsCold();
    await moderate([ids[0]!], 'approve');
    await expectAsCold();
    await moderate([ids[2]!], 'pending');
    await expectAsCold();
    await moderate([ids[6]!], 'delete');
    await moderate([ids[2]!], 'approve');
    await expectAsCold();
  });

  it('takes votes and pins, which reorder the thread', async () => {
    for (const [i, liker] of ['alice-browser-0123456789', 'bob-browser-0123456789ab'].entries()) {
      const res = await t.send('PUT', `/api/v1/comments/${ids[10 + i]}/vote`, { liker, value: 1 }, { origin: BLOG_ORIGIN });
      expect(res.status).toBe(200);
      await expectAsCold();
    }
    for (const id of [ids[20]!, ids[21]!]) {
      expect((await t.send('PUT', `/api/v1/admin/comments/${id}/pin`, { pinned: true }, t.admin)).status).toBe(200);
      await expectAsCold();
    }
    await post('A reply to a pinned reply', ids[21]);
    await expectAsCold();
    expect((await t.send('PUT', `/api/v1/admin/comments/${ids[20]}/pin`, { pinned: false }, t.admin)).status).toBe(200);
    await expectAsCold();
  });

  it('takes several writes between two reads, a like, and a comment erased for good', async () => {
    for (let i = 0; i < 5; i++) await post(`Burst ${i}`, i % 2 ? ids[i] : undefined);
    await moderate([ids[7]!], 'spam');
    await expectAsCold();
    // More writes than the thread's list of changes keeps: read whole.
    for (let i = 0; i < 20; i++) await post(`Flood ${i}`);
    await expectAsCold();
    const like = { page, liker: 'alice-browser-0123456789', liked: true };
    expect((await t.send('PUT', '/api/v1/likes', like, { origin: BLOG_ORIGIN })).status).toBe(200);
    await expectAsCold();
    // Erased for good: a reply with none of its own, then a response whose reply stays.
    const nobody = { userIds: [], addresses: [], secretHashes: [], likerHashes: [] };
    await t.store.privacy.erase(nobody, { placeholders: [], removed: [ids[4]!] });
    await expectAsCold();
    await t.store.privacy.erase(nobody, { placeholders: [], removed: [ids[5]!] });
    await post('A reply after the erasure', ids[6]);
    await expectAsCold();
  });
});
