/** The admin list's search through its index (SQLite FTS5 trigrams, PostgreSQL pg_trgm) and its bounded count. */
import { describe, expect, it } from 'vitest';
import type { AdminCommentPage } from '../../../shared/moderation.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { useAdminApp } from '../../helpers/admin-session.ts';

const page = 'https://blog.example/2024/05/search/';
const t = useAdminApp();

async function post(body: string, author: Record<string, string> = { name: 'Guest' }): Promise<PostedComment> {
  const res = await t.post({ page, title: 'Search', url: page, body, author });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as PostedComment;
}
const list = async (query: string) =>
  (await (await t.send('GET', `/api/v1/admin/comments${query}`, undefined, t.admin)).json()) as AdminCommentPage;
const ids = async (q: string) => (await list(`?q=${encodeURIComponent(q)}`)).comments.map((c) => c.id);

describe('the admin search', () => {
  it('matches inside words, in any ASCII case, accents as written, quotes and short queries too', async () => {
    const dull = await post('A disappointing Café au lait.', { name: 'Zoé Quill', email: 'zoe@example.org' });
    const quoted = await post('She said "hello there" twice.', { name: 'Ben' });
    const other = await post('Nothing to see.', { name: 'Ann' });

    expect(await ids('ppoint')).toEqual([dull.comment.id]);
    expect(await ids('DISAPP')).toEqual([dull.comment.id]);
    expect(await ids('café')).toEqual([dull.comment.id]);
    // No accent folding, as before the index: "cafe" is not "café".
    expect(await ids('cafe')).toEqual([]);
    expect(await ids('oé qu')).toEqual([dull.comment.id]);
    expect(await ids('zoe@EXAMPLE')).toEqual([dull.comment.id]);
    expect(await ids('"hello')).toEqual([quoted.comment.id]);
    // Shorter than a trigram: every comment is read, as before.
    expect(await ids('ee')).toEqual([other.comment.id]);
    expect(await ids('x"y')).toEqual([]);
    // The page's key, address and title still match every comment on it, newest first.
    expect(await ids('2024/05')).toEqual([other.comment.id, quoted.comment.id, dull.comment.id]);
  });

  it('finds an edited comment by its new text only', async () => {
    const c = await post('Original wording here.');
    expect((await t.send('PATCH', `/api/v1/admin/comments/${c.comment.id}`, { body: 'Revised phrasing now.' }, t.admin)).status).toBe(200);
    expect(await ids('Original')).toEqual([]);
    expect(await ids('Revised phr')).toEqual([c.comment.id]);
  });

  it('counts exactly up to a bound past the page, then says there are more', async () => {
    for (const n of [1, 2, 3, 4, 5, 6]) await post(`Counted comment ${n}.`);
    expect(await list('?q=Counted')).toMatchObject({ total: 6, totalExact: true });
    // The API counts up to COUNT_AHEAD (server/store/admin-comments.ts) past the page's start; here, up to 3.
    const counted = async (offset: number, q?: string) => {
      const { rows, total, totalExact } = await t.store.adminComments.list({ q, offset, limit: 2 }, 3);
      return { shown: rows.length, total, totalExact };
    };
    expect(await counted(0)).toEqual({ shown: 2, total: 3, totalExact: false });
    expect(await counted(0, 'Counted comm')).toEqual({ shown: 2, total: 3, totalExact: false });
    expect(await counted(2)).toEqual({ shown: 2, total: 5, totalExact: false });
    expect(await counted(3)).toEqual({ shown: 2, total: 6, totalExact: true });
    expect(await counted(5, 'Counted comm')).toEqual({ shown: 1, total: 6, totalExact: true });
  });
});
