/**
 * Privacy requests through the HTTP API, on a real database: a reader's own data from the
 * widget's routes (signed in, or a guest proving comments with their secrets), an owner's from
 * /admin by address or identity; erasure leaves placeholders where others replied, removes the
 * rest, and the words are nowhere afterwards.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../server/auth/sessions.ts';
import type { ErasureSummary, PersonalDataAnswer } from '../../../shared/privacy.ts';
import type { WireAuditEntry } from '../../../shared/moderation.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { useAdminApp } from '../../helpers/admin-session.ts';
import { expectNowhere } from '../../helpers/erased-everywhere.ts';
import { BLOG_ORIGIN } from '../../helpers/test-app.ts';

const page = 'https://blog.example/2026/privacy';
const env = { RIPOSTE_GITHUB_CLIENT_ID: 'id', RIPOSTE_GITHUB_CLIENT_SECRET: 'secret' };
const t = useAdminApp([], env);
const fromBlog = { origin: BLOG_ORIGIN };
const liker = 'liker-of-ann-0123456789';

async function post(body: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<PostedComment> {
  const res = await t.post({ page, body, author: { name: 'Ann Guest', email: 'Ann@Example.org' }, ...extra }, headers);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as PostedComment;
}

async function signIn(subject: string, name: string, email: string | null = null) {
  const user = await t.store.users.upsert(
    { provider: 'github', subject, name, email, emailVerified: email !== null, website: null },
    t.now().toISOString(),
  );
  return { authorization: `Bearer ${await createSession(t, user.id)}` };
}

async function log(): Promise<WireAuditEntry[]> {
  return ((await (await t.app.request('/api/v1/admin/audit', { headers: t.admin })).json()) as { entries: WireAuditEntry[] }).entries;
}

describe('a guest, from the widget', () => {
  it('sees, downloads and erases the comments their browser holds secrets for: replied-to ones become placeholders', async () => {
    const first = await post('Guest words about *owls*.');
    const second = await post('A second thought on **herons**.', { parentId: first.comment.id });
    const other = await t.post({ page, body: 'Someone else answers the owls.', author: { name: 'Bo' }, parentId: first.comment.id });
    expect(other.status).toBe(201);
    const proofs = [first, second].map(({ comment, secret }) => ({ id: comment.id, secret: secret! }));
    await t.send('PUT', '/api/v1/likes', { page, liker, liked: true });

    const seen = await t.send('POST', '/api/v1/my-data', { comments: proofs, liker }, fromBlog);
    expect(seen.status).toBe(200);
    expect(seen.headers.get('cache-control')).toBe('no-store');
    const { data, markdown } = (await seen.json()) as PersonalDataAnswer;
    expect(data.format).toBe('riposte-personal-data');
    expect(data.comments.map((c) => [c.id, c.markdown, c.authorEmail, c.page.key])).toEqual([
      [first.comment.id, 'Guest words about *owls*.', 'Ann@Example.org', page],
      [second.comment.id, 'A second thought on **herons**.', 'Ann@Example.org', page],
    ]);
    expect(data.likes).toHaveLength(1);
    expect(data.personalFields).toEqual(
      expect.arrayContaining(['comments.authorName', 'comments.authorEmail', 'comments.markdown', 'likes']),
    );
    expect(markdown).toContain('A second thought on **herons**.');

    // A secret that is not the comment's proves nothing: nothing of it is shown.
    const stranger = await t.send('POST', '/api/v1/my-data', { comments: [{ id: first.comment.id, secret: 'x'.repeat(43) }] }, fromBlog);
    expect(((await stranger.json()) as PersonalDataAnswer).data.comments).toEqual([]);

    const unconfirmed = await t.send('POST', '/api/v1/my-data/erase', { comments: proofs, liker }, fromBlog);
    expect(unconfirmed.status).toBe(400);
    const erased = await t.send('POST', '/api/v1/my-data/erase', { comments: proofs, liker, confirm: true }, fromBlog);
    expect(erased.status).toBe(200);
    expect((await erased.json()) as ErasureSummary).toMatchObject({ commentsRemoved: 1, commentsEmptied: 1, likes: 1 });

    const thread = (await t.thread(page)).body;
    expect(thread.comments.map((c) => [c.id, c.status])).toEqual([
      [first.comment.id, 'deleted'],
      [expect.any(Number), 'approved'],
    ]);
    expect(thread.count).toBe(1);
    expect(thread.likes).toBe(0);
    await expectNowhere(t, t.admin, page, 'owls*');
    await expectNowhere(t, t.admin, page, 'herons');
    await expectNowhere(t, t.admin, page, 'Ann Guest');
    await expectNowhere(t, t.admin, page, 'Ann@Example.org');
    const entry = (await log()).find((e) => e.action === 'privacy-erase');
    expect(entry).toMatchObject({ actor: 'reader (guest)' });
    expect(entry?.detail).toMatch(/^for a guest's browser: 1 comment\(s\) removed, 1 left as placeholder\(s\)/);
  });

  it('is refused for a page the site does not allow', async () => {
    const res = await t.send('POST', '/api/v1/my-data', { comments: [] }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
  });
});

describe('a signed-in reader, from the widget', () => {
  it('erases their account: comments, votes, sessions and identity go; the token stops working', async () => {
    const ann = await signIn('77', 'Ann Account', 'ann@example.org');
    const bo = await signIn('78', 'Bo');
    const mine = await post('Signed-in words on *kestrels*.', {}, ann);
    const guestOfHers = await post('Before signing in, on *plovers*.');
    const bos = await post('Bo says hi.', {}, bo);
    expect((await t.send('PUT', `/api/v1/comments/${bos.comment.id}/vote`, { value: 1 }, ann)).status).toBe(200);

    const seen = (await (await t.send('POST', '/api/v1/my-data', {}, { ...fromBlog, ...ann })).json()) as PersonalDataAnswer;
    expect(seen.data.identities).toMatchObject([{ identity: 'github:77', name: 'Ann Account', email: 'ann@example.org' }]);
    expect(seen.data.identities[0]!.sessions).toHaveLength(1);
    // Her verified address is hers: the guest comment she typed it in is hers too.
    expect(seen.data.comments.map((c) => c.id)).toEqual([mine.comment.id, guestOfHers.comment.id]);
    expect(seen.data.votes).toMatchObject([{ commentId: bos.comment.id, value: 1 }]);

    const erased = await t.send('POST', '/api/v1/my-data/erase', { confirm: true }, { ...fromBlog, ...ann });
    expect((await erased.json()) as ErasureSummary).toMatchObject({ commentsRemoved: 2, votes: 1, sessions: 1, identities: 1 });
    expect((await t.app.request('/auth/me', { headers: ann })).status).toBe(401);
    const thread = (await t.thread(page)).body;
    expect(thread.comments.map((c) => [c.id, c.up ?? 0])).toEqual([[bos.comment.id, 0]]);
    expect(await t.store.users.find('github', '77')).toBeUndefined();
    await expectNowhere(t, t.admin, page, 'kestrels');
    await expectNowhere(t, t.admin, page, 'plovers');
    await expectNowhere(t, t.admin, page, 'Ann Account');
  });
});

describe('the owner, in /admin', () => {
  it('looks a person up by address, downloads JSON and Markdown (in the Log), and erases after confirmation', async () => {
    await post('Owner-side *lookup* words.');
    const q = new URLSearchParams({ person: 'ANN@example.org' });
    const found = await t.app.request(`/api/v1/admin/privacy?${q}`, { headers: t.admin });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ person: 'ann@example.org', counts: { comments: 1, votes: 0, likes: 0 } });

    const json = await t.app.request(`/api/v1/admin/privacy/export?${q}`, { headers: t.admin });
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="riposte-personal-data-\d{4}-\d\d-\d\d\.json"/);
    expect(json.headers.get('cache-control')).toBe('no-store');
    expect(await json.text()).toContain('Owner-side *lookup* words.');
    const md = await t.app.request(`/api/v1/admin/privacy/export?${q}&format=markdown`, { headers: t.admin });
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toMatch(/^# Comments of ann@example.org\n/);

    const noConfirm = await t.send('POST', '/api/v1/admin/privacy/erase', { person: 'ann@example.org' }, t.admin);
    expect(noConfirm.status).toBe(400);
    const bad = await t.send('POST', '/api/v1/admin/privacy/erase', { person: 'not a person', confirm: true }, t.admin);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/neither an email address/);
    const erased = await t.send('POST', '/api/v1/admin/privacy/erase', { person: 'ann@example.org', confirm: true }, t.admin);
    expect((await erased.json()) as ErasureSummary).toMatchObject({ commentsRemoved: 1 });
    await expectNowhere(t, t.admin, page, 'lookup* words');

    const entries = await log();
    expect(entries.filter((e) => e.action.startsWith('privacy-')).map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['privacy-erase', 'owner@blog.example', expect.stringMatching(/^for ann@example.org: 1 comment\(s\) removed/)],
      ['privacy-export', 'owner@blog.example', 'for ann@example.org: 1 comment(s)'],
      ['privacy-export', 'owner@blog.example', 'for ann@example.org: 1 comment(s)'],
    ]);
    expect(JSON.stringify(entries)).not.toContain('lookup* words');
  });

  it('needs an admin session, and the CSRF header to erase', async () => {
    expect((await t.app.request('/api/v1/admin/privacy?person=ann@example.org')).status).toBe(401);
    const { 'riposte-csrf': _csrf, ...noCsrf } = t.admin;
    expect((await t.send('POST', '/api/v1/admin/privacy/erase', { person: 'ann@example.org', confirm: true }, noCsrf)).status).toBe(403);
  });
});
