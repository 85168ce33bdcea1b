import { describe, expect, it } from 'vitest';
import type { AdminComment, AdminCommentPage, WireAuditEntry, WireBan } from '../../../shared/moderation.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { ADMIN_EMAIL, useAdminApp } from '../../helpers/admin-session.ts';
import { BLOG_ORIGIN } from '../../helpers/test-app.ts';

const page = 'https://blog.example/2017/03/le-pen/';
const t = useAdminApp();

async function post(
  body: string,
  author: Record<string, string> = { name: 'Guest' },
  extra: Record<string, unknown> = {},
): Promise<PostedComment> {
  const res = await t.post({ page, title: 'Le Pen', url: 'https://blog.example/2017/03/le-pen', body, author, ...extra });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as PostedComment;
}
const list = async (query = '') =>
  (await (await t.send('GET', `/api/v1/admin/comments${query}`, undefined, t.admin)).json()) as AdminCommentPage;
const act = (ids: number[], action: string) => t.send('POST', '/api/v1/admin/comments/actions', { ids, action }, t.admin);
const settings = (changes: Record<string, unknown>) => t.send('PATCH', '/api/v1/admin/sites/default', { settings: changes }, t.admin);
const visible = async () => (await t.thread(page)).body.comments.map((c) => c.id);

describe('the moderation queue', () => {
  it('lists pending comments with page, author, email, IP hash, reasons and parent; approving shows them to readers', async () => {
    const first = await post('The first word.', { name: 'Ada', email: 'ada@example.org', website: 'https://ada.example' });
    expect((await settings({ moderation: 'all' })).status).toBe(200);
    const reply = await post('A held reply.', { name: 'Bob', email: 'bob@example.org' }, { parentId: first.comment.id });
    expect(reply.comment.status).toBe('pending');
    expect(await visible()).toEqual([first.comment.id]);

    const queue = await list('?status=pending');
    expect(queue.pending).toBe(1);
    expect(queue.total).toBe(1);
    const held = queue.comments[0]!;
    expect(held).toMatchObject({
      id: reply.comment.id,
      status: 'pending',
      site: 'default',
      thread: { key: 'https://blog.example/2017/03/le-pen', url: 'https://blog.example/2017/03/le-pen', title: 'Le Pen', locked: false },
      author: { name: 'Bob', email: 'bob@example.org', identity: null },
      html: '<p>A held reply.</p>',
      heldReasons: ['moderation_all'],
      parent: { id: first.comment.id, authorName: 'Ada', html: '<p>The first word.</p>' },
    });

    const res = await act([reply.comment.id], 'approve');
    expect(await res.json()).toEqual({ changed: [reply.comment.id], pending: 0 });
    expect(await visible()).toEqual([first.comment.id, reply.comment.id]);
  });

  it('marks spam, deletes and approves in bulk; searches text, author, email and page; filters status and site', async () => {
    const ids = [];
    for (const [body, name] of [
      ['cheap pills', 'Spammer'],
      ['more pills', 'Spammer'],
      ['kind words', 'Carol'],
    ] as const)
      ids.push((await post(body, { name, email: `${name.toLowerCase()}@example.org` })).comment.id);
    expect((await act(ids.slice(0, 2), 'spam')).status).toBe(200);
    expect(await visible()).toEqual([ids[2]]);
    expect((await list('?q=pills')).comments.map((c) => c.id)).toEqual([ids[1], ids[0]]);
    expect((await list('?q=carol%40example')).total).toBe(1);
    expect((await list('?q=le-pen')).total).toBe(3);
    expect((await list('?q=Spammer&status=spam')).total).toBe(2);
    expect((await list('?site=default&status=approved')).comments.map((c) => c.id)).toEqual([ids[2]]);
    expect((await list('?q=100%25')).total).toBe(0);
    expect((await act([ids[2]!], 'delete')).status).toBe(200);
    expect(await visible()).toEqual([]);
    expect((await t.send('GET', '/api/v1/admin/comments?status=nonsense', undefined, t.admin)).status).toBe(400);
  });

  it('edits (re-rendered and sanitised) and replies as the owner, badged', async () => {
    const { comment } = await post('Original');
    const edited = await t.send('PATCH', `/api/v1/admin/comments/${comment.id}`, { body: 'Fixed *typo* <script>x</script>' }, t.admin);
    expect(((await edited.json()) as AdminComment).html).toBe('<p>Fixed <em>typo</em> &lt;script&gt;x&lt;/script&gt;</p>');
    const replied = await t.send('POST', `/api/v1/admin/comments/${comment.id}/reply`, { body: 'Thanks!' }, t.admin);
    expect(replied.status).toBe(201);
    const thread = (await t.thread(page)).body.comments;
    expect(thread[1]).toMatchObject({ parentId: comment.id, html: '<p>Thanks!</p>', author: { name: 'Blog Owner', badge: 'owner' } });
    expect(JSON.stringify(thread)).not.toContain(ADMIN_EMAIL);
  });

  it('keeps an audit log of who did what to which comment', async () => {
    const { comment } = await post('Something');
    await act([comment.id], 'spam');
    await settings({ maxLinks: 5 });
    const { entries } = (await (await t.send('GET', '/api/v1/admin/audit', undefined, t.admin)).json()) as { entries: WireAuditEntry[] };
    expect(entries.map((e) => [e.actor, e.action, e.commentId])).toEqual([
      [ADMIN_EMAIL, 'settings', null],
      [ADMIN_EMAIL, 'spam', comment.id],
      [ADMIN_EMAIL, 'login', null],
    ]);
  });
});

describe('site rules', () => {
  it('change at once, keep what was not changed, and refuse bad values', async () => {
    await post('Before');
    await t.thread(page); // cached
    expect((await settings({ moderation: 'all', blockedWords: ['casino'] })).status).toBe(200);
    expect((await post('After')).comment.status).toBe('pending');
    const res = await settings({ maxLinks: 1 });
    const site = (await res.json()) as { settings: Record<string, unknown> };
    expect(site.settings).toMatchObject({ moderation: 'all', blockedWords: ['casino'], maxLinks: 1, guests: true });
    expect((await settings({ moderation: 'sometimes' })).status).toBe(400);
    const origins = await t.send('PATCH', '/api/v1/admin/sites/default', { origins: ['https://other.example/'] }, t.admin);
    expect(((await origins.json()) as { origins: string[] }).origins).toEqual(['https://other.example']);
    // The origins the server's settings allow are shown beside the site's own, marked as such.
    const { sites } = (await (await t.send('GET', '/api/v1/admin/sites', undefined, t.admin)).json()) as {
      sites: { id: string; configuredOrigins: unknown }[];
    };
    expect(sites.find((site) => site.id === 'default')?.configuredOrigins).toEqual([
      { origin: BLOG_ORIGIN, from: 'RIPOSTE_ORIGINS' },
      { origin: new URL(t.config.publicUrl).origin, from: 'this server' },
    ]);
    // Non-http addresses would be stored as the origin "null", which sandboxed frames send.
    for (const bad of ['javascript:alert(1)', 'ftp://files.example', 'data:text/html,x']) {
      expect((await t.send('PATCH', '/api/v1/admin/sites/default', { origins: [bad] }, t.admin)).status, bad).toBe(400);
    }
  });

  it('a locked thread takes no new comments, and its answer says so at once; closing after N days gives the time', async () => {
    await post('First');
    expect((await t.thread(page)).body.locked).toBeUndefined(); // cached
    const threadId = (await list()).comments[0]!.thread.id;
    expect((await t.send('PUT', `/api/v1/admin/threads/${threadId}/lock`, { locked: true }, t.admin)).status).toBe(200);
    const res = await t.post({ page, body: 'Too late', author: { name: 'Guest' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('thread_closed');
    expect((await t.thread(page)).body.locked).toBe(true);
    await settings({ closeAfterDays: 10 });
    const { closesAt } = (await t.thread(page)).body as { closesAt?: string };
    const created = (await t.store.threads.find('default', 'https://blog.example/2017/03/le-pen'))!.createdAt;
    expect(Date.parse(closesAt!) - Date.parse(created)).toBe(10 * 86_400_000);
  });
});

describe('bans', () => {
  it("refuse the banned author's new comments with a neutral message, and can hide their existing ones", async () => {
    const old = await post('Earlier', { name: 'Troll', email: 'troll@example.org' });
    const ban = await t.send('POST', '/api/v1/admin/bans', { kind: 'email', value: 'TROLL@example.org', hideExisting: true }, t.admin);
    expect(ban.status).toBe(201);
    expect(((await ban.json()) as { hidden: number[] }).hidden).toEqual([old.comment.id]);
    expect(await visible()).toEqual([]);
    const refused = await t.post({ page, body: 'Again', author: { name: 'Troll', email: 'troll@example.org' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'comment_refused', message: 'This comment could not be posted.' } });

    const { bans } = (await (await t.send('GET', '/api/v1/admin/bans', undefined, t.admin)).json()) as { bans: WireBan[] };
    expect(bans).toMatchObject([{ kind: 'email', value: 'troll@example.org', hidExisting: true, createdBy: ADMIN_EMAIL }]);
    expect((await t.send('DELETE', `/api/v1/admin/bans/${bans[0]!.id}`, undefined, t.admin)).status).toBe(204);
    expect((await post('Forgiven', { name: 'Troll', email: 'troll@example.org' })).comment.status).toBe('approved');
  });
});
