/**
 * What one database stores and the other cannot must never become a 500: U+0000 in any text a
 * request brings (PostgreSQL's text refuses it) is dropped before it is stored, the same on both
 * databases, and ids past 2^31 - 1 (PostgreSQL's integer) are refused as ids that cannot exist.
 * Runs on SQLite and on PostgreSQL (vitest.config.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AdminCommentPage, WireBan } from '../../../shared/moderation.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { ADMIN_EMAIL, useAdminApp } from '../../helpers/admin-session.ts';

const NUL = '\u0000';
const t = useAdminApp();

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; fields?: Record<string, string> } }).error;

/** Every stored text of every table, to check that none holds U+0000. */
async function storedText(): Promise<string> {
  let all = '';
  for await (const { row } of t.store.exportRows()) all += JSON.stringify(row);
  return all;
}

describe('U+0000 in what a request brings', () => {
  it('is dropped from every field of a comment: body, author name, email, website, page, address and title', async () => {
    const res = await t.post({
      page: `https://blog.example/p${NUL}ost`,
      url: `https://blog.example/p${NUL}ost`,
      title: `Ti${NUL}tle`,
      body: `Hel${NUL}lo`,
      author: { name: `An${NUL}n`, email: `ann${NUL}@example.org`, website: `https://ann${NUL}.example` },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { comment } = (await res.json()) as PostedComment;
    expect(comment.html).toBe('<p>Hello</p>');
    expect(comment.author.name).toBe('Ann');
    const thread = await t.thread('https://blog.example/post');
    expect(thread.body).toMatchObject({ page: { key: 'https://blog.example/post', url: 'https://blog.example/post', title: 'Title' } });
    const [stored] = (await t.store.adminComments.list({ offset: 0, limit: 1 })).rows;
    expect(stored?.comment).toMatchObject({ authorEmail: 'ann@example.org', authorWebsite: 'https://ann.example' });
    expect(await storedText()).not.toContain('\\u0000');
  });

  it('is dropped from an edit, a like, an admin reply, a ban, a search, a login and site settings', async () => {
    const posted = (await (await t.post({ page: 'p', body: 'first', author: { name: 'Ann' } })).json()) as PostedComment & {
      secret: string;
    };
    const id = posted.comment.id;
    const edit = await t.send('PATCH', `/api/v1/comments/${id}`, { body: `edi${NUL}ted` }, { 'riposte-comment-secret': posted.secret });
    expect(edit.status).toBe(200);
    expect((await t.send('PUT', '/api/v1/likes', { page: `p${NUL}`, liker: 'reader-0123456789abcdef', liked: true })).status).toBe(200);
    expect((await t.thread('p')).body.likes).toBe(1);
    expect((await t.send('POST', `/api/v1/admin/comments/${id}/reply`, { body: `than${NUL}ks` }, t.admin)).status).toBe(201);
    expect((await t.send('PATCH', `/api/v1/admin/comments/${id}`, { body: `own${NUL}er edit` }, t.admin)).status).toBe(200);

    const ban = await t.send('POST', '/api/v1/admin/bans', { kind: 'email', value: `tro${NUL}ll@example.org` }, t.admin);
    expect(ban.status).toBe(201);
    expect(((await ban.json()) as { ban: WireBan }).ban.value).toBe('troll@example.org');

    const search = await t.send('GET', `/api/v1/admin/comments?q=${encodeURIComponent(`er${NUL} ed`)}`, undefined, t.admin);
    expect(search.status).toBe(200);
    expect(((await search.json()) as AdminCommentPage).comments.map((c) => c.id)).toEqual([id]);

    const login = await t.send('POST', '/api/v1/admin/login', { email: `${ADMIN_EMAIL}${NUL}`, password: 'wrong password' });
    expect(login.status).toBe(401);

    const site = await t.send('PATCH', '/api/v1/admin/sites/default', { settings: { blockedWords: [`cas${NUL}ino`] } }, t.admin);
    expect(site.status).toBe(200);
    expect((await t.store.sites.settings('default')).blockedWords).toEqual(['casino']);
    expect(await storedText()).not.toContain('\\u0000');
  });

  it('in a page asked for is left out of the page key (a sign-in profile: see sign-in.test.ts)', async () => {
    const thread = await t.thread(`x${NUL}`);
    expect(thread.status).toBe(200);
    expect(thread.body.comments).toEqual([]);
  });
});

describe('ids no database row can have', () => {
  const tooBig = 2 ** 31;

  it('are refused as a parent, in a path and in a bulk action with 400, never 500', async () => {
    const parent = await t.post({ page: 'p', body: 'reply', author: { name: 'Ann' }, parentId: tooBig });
    expect(parent.status).toBe(400);
    expect((await errorOf(parent)).fields?.parentId).toBe('Parent must be a comment id.');
    // The largest id that can exist is simply not there.
    expect((await t.post({ page: 'p', body: 'reply', author: { name: 'Ann' }, parentId: tooBig - 1 })).status).toBe(400);
    for (const path of [`/api/v1/comments/${tooBig}`, `/api/v1/comments/${10 ** 15}`]) {
      expect((await t.send('GET', path)).status).toBe(400);
      expect((await t.send('PATCH', path, { body: 'x' })).status).toBe(400);
      expect((await t.send('DELETE', path)).status).toBe(400);
    }
    expect((await t.send('GET', `/api/v1/comments/${tooBig - 1}`)).status).toBe(404);
    for (const [method, path, body] of [
      ['PATCH', `/api/v1/admin/comments/${tooBig}`, { body: 'x' }],
      ['POST', `/api/v1/admin/comments/${tooBig}/reply`, { body: 'x' }],
      ['PUT', `/api/v1/admin/threads/${tooBig}/lock`, { locked: true }],
      ['DELETE', `/api/v1/admin/bans/${tooBig}`, undefined],
      ['POST', '/api/v1/admin/comments/actions', { ids: [tooBig], action: 'approve' }],
    ] as const) {
      const res = await t.send(method, path, body, t.admin);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect((await errorOf(res)).code).toBe('invalid_input');
    }
    expect((await t.send('PUT', `/api/v1/admin/threads/${tooBig - 1}/lock`, { locked: true }, t.admin)).status).toBe(404);
  });
});
