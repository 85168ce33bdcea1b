/** The admin API's pins (first in every order, in the audit log) and its lists sorted and filtered by votes. */
import { describe, expect, it } from 'vitest';
import type { AdminCommentPage, WireAuditEntry } from '../../../shared/moderation.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { ADMIN_EMAIL, useAdminApp } from '../../helpers/admin-session.ts';

const page = 'https://blog.example/pins';
const t = useAdminApp();

async function post(body: string): Promise<number> {
  const res = await t.post({ page, body, author: { name: 'Guest' } });
  expect(res.status).toBe(201);
  return ((await res.json()) as PostedComment).comment.id;
}
const pin = (id: number, pinned: unknown, headers = t.admin) => t.send('PUT', `/api/v1/admin/comments/${id}/pin`, { pinned }, headers);
const list = async (query: string) =>
  (await (await t.send('GET', `/api/v1/admin/comments${query}`, undefined, t.admin)).json()) as AdminCommentPage;
const vote = (id: number, liker: string, value: number) =>
  t.send('PUT', `/api/v1/comments/${id}/vote`, { liker: `${liker}-0123456789abcdef`, value });

describe('pins and votes in the admin API', () => {
  it('pins a comment to the top of the thread and unpins it, each in the audit log', async () => {
    const first = await post('First.');
    const second = await post('Second.');
    const res = await pin(second, true);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: second, pinned: true });
    expect((await t.thread(page)).body.comments.map((c) => [c.id, c.pinned])).toEqual([
      [second, true],
      [first, undefined],
    ]);
    expect((await pin(second, false)).status).toBe(200);
    expect((await t.thread(page)).body.comments.map((c) => c.id)).toEqual([first, second]);
    const { entries } = (await (await t.send('GET', '/api/v1/admin/audit', undefined, t.admin)).json()) as { entries: WireAuditEntry[] };
    expect(entries.slice(0, 2).map((e) => [e.actor, e.action, e.commentId])).toEqual([
      [ADMIN_EMAIL, 'unpin', second],
      [ADMIN_EMAIL, 'pin', second],
    ]);
  });

  it('refuses a pin without the admin session or CSRF token, of an unknown comment, or not true or false', async () => {
    const id = await post('Pin me.');
    expect((await pin(id, true, {})).status).toBe(401);
    expect((await pin(id, true, { ...t.admin, 'riposte-csrf': 'wrong' })).status).toBe(403);
    expect((await pin(99_999, true)).status).toBe(404);
    expect((await pin(id, 'yes')).status).toBe(400);
    expect((await t.thread(page)).body.comments[0]).not.toHaveProperty('pinned');
  });

  it('sorts by score with pinned comments first, filters by score and by pin, and shows the counts', async () => {
    await t.store.sites.updateSettings('default', { votes: 'updown' });
    const [a, b, c, d] = [await post('A.'), await post('B.'), await post('C.'), await post('D.')];
    for (const liker of ['one', 'two', 'three']) await vote(b, liker, 1);
    await vote(c, 'one', 1);
    await vote(d, 'one', -1);
    await pin(a, true);
    const byScore = await list('?sort=score');
    expect(byScore.comments.map((x) => [x.id, x.upvotes, x.downvotes, x.pinned])).toEqual([
      [a, 0, 0, true],
      [b, 3, 0, false],
      [c, 1, 0, false],
      [d, 0, 1, false],
    ]);
    expect((await list('?sort=oldest')).comments.map((x) => x.id)).toEqual([a, b, c, d]);
    expect((await list('')).comments.map((x) => x.id)).toEqual([d, c, b, a]);
    const liked = await list('?minScore=1&sort=score');
    expect([liked.total, liked.comments.map((x) => x.id)]).toEqual([2, [b, c]]);
    expect((await list('?minScore=-1&sort=score')).total).toBe(4);
    expect((await list('?pinned=true')).comments.map((x) => x.id)).toEqual([a]);
    expect((await list('?pinned=false')).total).toBe(3);
    for (const bad of ['?sort=best', '?minScore=lots', '?pinned=yes']) {
      expect((await t.send('GET', `/api/v1/admin/comments${bad}`, undefined, t.admin)).status, bad).toBe(400);
    }
  });
});
