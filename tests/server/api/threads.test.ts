import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { WireComment, WireThread } from '../../../shared/wire.ts';
import { openTestApp, useTestApp } from '../../helpers/test-app.ts';

const page = 'post-1';
const author = { name: 'Reader' };

const t = useTestApp();

async function postOk(body: string, parentId?: number): Promise<WireComment> {
  const res = await t.post({ page, body, author, parentId });
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: WireComment }).comment;
}

describe('GET /api/v1/threads', () => {
  it('answers an empty thread for a page nobody commented on', async () => {
    const { status, body } = await t.thread('never-seen');
    expect(status).toBe(200);
    expect(body).toEqual({
      site: 'default',
      page: { key: 'never-seen', url: null, title: null },
      count: 0,
      likes: 0,
      version: 0,
      sort: 'oldest',
      votes: 'up',
      comments: [],
    });
  });

  it('answers 404 for an unknown site and 400 without a page or with a malformed site', async () => {
    expect((await t.thread('x', 'unknown-site')).status).toBe(404);
    expect((await t.thread('x', '../etc')).status).toBe(400);
    const res = await t.app.request('/api/v1/threads');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.page).toBeTruthy();
  });

  it('supports ETag and 304, and a new comment changes the ETag', async () => {
    await postOk('first');
    const first = await t.app.request(`/api/v1/threads?page=${page}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await t.app.request(`/api/v1/threads?page=${page}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await postOk('second');
    const changed = await t.app.request(`/api/v1/threads?page=${page}`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as WireThread).count).toBe(2);
  });

  it('sends brotli when the client accepts it, with the same content', async () => {
    await postOk('compressed');
    const plain = await (await t.app.request(`/api/v1/threads?page=${page}`)).text();
    const res = await t.app.request(`/api/v1/threads?page=${page}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(plain);
  });

  it('keeps a deleted comment with replies as a placeholder and hides one without', async () => {
    const parent = await postOk('parent');
    const reply = await postOk('reply', parent.id);
    const lonely = await postOk('lonely');
    await t.thread(page); // cached now
    // Changed behind the app's back, as moderation or an import would: the cache must notice.
    await t.store.comments.setStatus([parent.id], 'deleted');
    await t.store.comments.setStatus([lonely.id], 'deleted');
    const { body } = await t.thread(page);
    expect(body.comments).toEqual([
      {
        id: parent.id,
        parentId: null,
        status: 'deleted',
        author: { name: '', avatar: '' },
        html: '',
        createdAt: parent.createdAt,
        deleted: true,
      },
      reply,
    ]);
    expect(body.count).toBe(1);
  });

  it('sees a write made by another process on the same database', async () => {
    await postOk('from this server');
    await t.thread(page);
    const other = await openTestApp(t.dbFile);
    expect((await other.post({ page, body: 'from another process', author })).status).toBe(201);
    await other.close();
    expect((await t.thread(page)).body.count).toBe(2);
  });

  it('keeps a reply to a comment later marked as spam under a placeholder, showing nothing of it', async () => {
    const spam = await postOk('buy now');
    const reply = await postOk('a reply written before the owner saw it', spam.id);
    await t.store.comments.setStatus([spam.id], 'spam');
    const { body } = await t.thread(page);
    expect(body.comments.map((c) => [c.id, c.parentId, c.status])).toEqual([
      [spam.id, null, 'deleted'],
      [reply.id, spam.id, 'approved'],
    ]);
    expect(JSON.stringify(body)).not.toContain('buy now');
  });

  it('hides pending and spam comments', async () => {
    const held = await postOk('held');
    const spam = await postOk('spam');
    await t.store.comments.setStatus([held.id], 'pending');
    await t.store.comments.setStatus([spam.id], 'spam');
    expect((await t.thread(page)).body.comments).toEqual([]);
    const res = await t.post({ page, body: 'reply to held', author, parentId: held.id });
    expect(res.status).toBe(400);
  });
});
