import { describe, expect, it } from 'vitest';
import type { PostedComment, WireComment } from '../../../shared/wire.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { ADMIN_EMAIL, addAdmin, adminHeaders } from '../../helpers/admin-session.ts';
import { openTempApp, type TestApp } from '../../helpers/test-app.ts';

const page = 'https://blog.example/post';
const open = (flags: string[] = []) => openTempApp(flags);

type App = TestApp;
const send = (
  t: App,
  body: string,
  author: Record<string, string> = { name: 'Reader' },
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
) => t.post({ page, body, author, ...extra }, headers);
async function verdict(t: App, ...args: Parameters<typeof send> extends [App, ...infer R] ? R : never) {
  const res = await send(t, ...args);
  expect(res.status, await res.clone().text()).toBe(201);
  const { comment } = (await res.json()) as PostedComment;
  const stored = (await t.store.comments.get(comment.id))!;
  return { wire: comment.status, status: stored.status, reasons: stored.heldReasons };
}
const approved = { wire: 'approved', status: 'approved', reasons: null };
const set = (t: App, changes: Parameters<App['store']['sites']['updateSettings']>[1]) => t.store.sites.updateSettings('default', changes);

describe('spam defence on every new comment', () => {
  it('lets a normal comment through', async () => {
    const t = await open();
    await set(t, { minSeconds: 3, blockedWords: ['casino'] });
    expect(
      await verdict(
        t,
        'A thoughtful comment with [one link](https://example.org).',
        { name: 'Reader', email: 'r@example.org' },
        { trap: '', formMs: 45_000 },
      ),
    ).toEqual(approved);
  });

  it('honeypot: a filled hidden field goes to spam, and the sender is told only "pending"', async () => {
    const t = await open();
    expect(await verdict(t, 'Buy now', { name: 'Bot' }, { trap: 'http://spam.example' })).toEqual({
      wire: 'pending',
      status: 'spam',
      reasons: ['honeypot'],
    });
    expect((await t.thread(page)).body.comments).toEqual([]);
  });

  it('minimum time: a form sent sooner than the site allows is held', async () => {
    const t = await open();
    await set(t, { minSeconds: 3 });
    expect(await verdict(t, 'Quick', undefined, { formMs: 800 })).toMatchObject({ status: 'pending', reasons: ['too_fast'] });
    expect(await verdict(t, 'Slow enough', undefined, { formMs: 3_000 })).toEqual(approved);
  });

  it('link count: more links than maxLinks (default 2) is held', async () => {
    const t = await open();
    expect(await verdict(t, 'See https://a.example and https://b.example')).toEqual(approved);
    const three = 'See [a](https://a.example), [b](https://b.example) and [c](https://c.example)';
    expect(await verdict(t, three)).toMatchObject({ status: 'pending', reasons: ['too_many_links'] });
  });

  it('duplicate: the same author posting the same text on the page again is held; someone else saying it is not', async () => {
    const t = await open();
    expect(await verdict(t, 'Great post!', { name: 'Ann' })).toEqual(approved);
    expect(await verdict(t, 'Great post!', { name: 'ann' })).toMatchObject({ status: 'pending', reasons: ['duplicate'] });
    expect(await verdict(t, 'Great post!', { name: 'Ben' })).toEqual(approved);
  });

  it('blocked words: in the text, name, email or website, any case', async () => {
    const t = await open();
    await set(t, { blockedWords: ['casino', 'pills.example'] });
    expect(await verdict(t, 'Visit the CASINO')).toMatchObject({ status: 'pending', reasons: ['blocked_word'] });
    expect(await verdict(t, 'Hello', { name: 'Ann', website: 'https://pills.example' })).toMatchObject({
      status: 'pending',
      reasons: ['blocked_word'],
    });
    expect(await verdict(t, 'Occasionally fine')).toEqual(approved);
  });

  it("moderation modes: all holds everything, first holds only an author's first comment", async () => {
    const t = await open();
    await set(t, { moderation: 'first' });
    const first = await send(t, 'Hi, first time', { name: 'Ann', email: 'ann@example.org' });
    const { comment, secret } = (await first.json()) as PostedComment;
    expect(await t.store.comments.get(comment.id)).toMatchObject({ status: 'pending', heldReasons: ['first_time'] });
    // Held until the owner approves it, even with the proof of it.
    const proof = { earlierComments: [{ id: comment.id, secret: secret! }] };
    expect((await verdict(t, 'Still waiting', { name: 'Ann' }, proof)).reasons).toEqual(['first_time']);
    await t.store.comments.setStatus([comment.id], 'approved');
    // Known from the same browser, which holds the secret of the approved comment (not by the email it types).
    expect(await verdict(t, 'Back again', { name: 'Ann', email: 'ann@example.org' }, proof)).toEqual(approved);
    await set(t, { moderation: 'all' });
    expect(await verdict(t, 'Once more', { name: 'Ann', email: 'ann@example.org' }, proof)).toMatchObject({
      status: 'pending',
      reasons: ['moderation_all'],
    });
  });

  it("moderation first: an email typed in proves nothing, not even the owner's; a wrong secret neither", async () => {
    const t = await open();
    await set(t, { moderation: 'first' });
    await addAdmin(t);
    const admin = await adminHeaders(t);
    // A reader's comment, approved, answered by the owner from /admin (stored approved under the owner's email).
    const reader = (await (await send(t, 'A question', { name: 'Ann', email: 'ann@example.org' })).json()) as PostedComment;
    await t.store.comments.setStatus([reader.comment.id], 'approved');
    const reply = await t.send('POST', `/api/v1/admin/comments/${reader.comment.id}/reply`, { body: 'An answer' }, admin);
    expect(reply.status).toBe(201);
    for (const email of [ADMIN_EMAIL, 'ann@example.org']) {
      expect((await verdict(t, `Pretending to be ${email}`, { name: 'Blog Owner', email })).reasons).toEqual(['first_time']);
    }
    const forged = { earlierComments: [{ id: reader.comment.id, secret: 'x'.repeat(43) }] };
    expect((await verdict(t, 'With a made-up secret', { name: 'Ann' }, forged)).reasons).toEqual(['first_time']);
    // Nor does the impostor get the owner's avatar.
    const { comments } = (await t.thread(page)).body as unknown as { comments: WireComment[] };
    const owner = comments.find((c) => c.author.badge === 'owner')!;
    const impostor = (await (await send(t, 'Me again', { name: 'Blog Owner', email: ADMIN_EMAIL })).json()) as PostedComment;
    expect(impostor.comment.author.avatar).not.toBe(owner.author.avatar);
  });

  it('moderation first: a signed-in account with an approved comment is known', async () => {
    const t = await open();
    await set(t, { moderation: 'first' });
    const user = await t.store.users.upsert(
      { provider: 'github', subject: '8', name: 'Sam', email: 'sam@example.org', website: null },
      t.now().toISOString(),
    );
    const bearer = { authorization: `Bearer ${await createSession(t, user.id)}` };
    const first = (await (await send(t, 'First', undefined, {}, bearer)).json()) as PostedComment;
    expect(first.comment.status).toBe('pending');
    await t.store.comments.setStatus([first.comment.id], 'approved');
    expect(await verdict(t, 'Second', undefined, {}, bearer)).toEqual(approved);
    // A guest typing the account's email is not that account.
    expect((await verdict(t, 'Guest', { name: 'Sam', email: 'sam@example.org' })).reasons).toEqual(['first_time']);
  });

  it('per-account rate limit: one author changing addresses is still counted, and a guest by address only', async () => {
    const t = await open(['--rate-limit', '2', '--trust-proxy', 'true']);
    let address = 1;
    const from = (headers: Record<string, string> = {}) => ({ ...headers, 'x-forwarded-for': `203.0.113.${address++}` });
    const user = await t.store.users.upsert(
      { provider: 'github', subject: '7', name: 'Sam', email: null, website: null },
      t.now().toISOString(),
    );
    const bearer = { authorization: `Bearer ${await createSession(t, user.id)}` };
    expect((await send(t, 'one', undefined, {}, from(bearer))).status).toBe(201);
    expect((await send(t, 'two', undefined, {}, from(bearer))).status).toBe(201);
    const third = await send(t, 'three', undefined, {}, from(bearer));
    expect(third.status).toBe(429);
    // A guest's name and email are whatever the sender types: nobody can use up someone else's share with them.
    for (const body of ['a', 'b', 'c']) expect((await send(t, body, { name: 'G', email: 'g@example.org' }, {}, from())).status).toBe(201);
  });

  it('per-address rate limit: an IPv6 sender is counted by its /64, where it may pick any address', async () => {
    const t = await open(['--rate-limit', '2', '--trust-proxy', 'true']);
    const from = (address: string) => ({ 'x-forwarded-for': address });
    expect((await send(t, 'one', undefined, {}, from('2001:db8:1:2::1'))).status).toBe(201);
    expect((await send(t, 'two', undefined, {}, from('2001:db8:1:2:aaaa:bbbb:cccc:dddd'))).status).toBe(201);
    expect((await send(t, 'three', undefined, {}, from('2001:0db8:0001:0002::ffff'))).status).toBe(429);
    // Another /64 is another sender; an IPv4 address written as IPv6 is that IPv4 address.
    expect((await send(t, 'four', undefined, {}, from('2001:db8:1:3::1'))).status).toBe(201);
    expect((await send(t, 'five', undefined, {}, from('198.51.100.7'))).status).toBe(201);
    expect((await send(t, 'six', undefined, {}, from('::ffff:198.51.100.7'))).status).toBe(201);
    expect((await send(t, 'seven', undefined, {}, from('::ffff:c633:6407'))).status).toBe(429);
  });

  it('email required, and threads closed after N days', async () => {
    const t = await open();
    await set(t, { emailRequired: true, closeAfterDays: 30 });
    const noEmail = await send(t, 'Hi');
    expect(noEmail.status).toBe(400);
    expect(((await noEmail.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      'author.email': 'Email is required on this site.',
    });
    expect(await verdict(t, 'Hi', { name: 'Ann', email: 'ann@example.org' })).toEqual(approved);
    t.clock.advance(31 * 86_400_000);
    const closed = await send(t, 'Late', { name: 'Ann', email: 'ann@example.org' });
    expect(closed.status).toBe(403);
    expect(await closed.json()).toEqual({ error: { code: 'thread_closed', message: 'Comments are closed on pages older than 30 days.' } });
  });
});

describe('spam defence on edits', () => {
  /** A guest's comment and a function that edits it with the secret the guest got. */
  async function guestComment(t: App, body: string) {
    const res = await send(t, body, { name: 'Guest', email: 'guest@example.org' });
    const { comment, secret } = (await res.json()) as PostedComment;
    const edit = (newBody: string) =>
      t.send('PATCH', `/api/v1/comments/${comment.id}`, { body: newBody }, { 'riposte-comment-secret': secret! });
    return { id: comment.id, edit };
  }

  it('an approved comment edited into link spam or a blocked word goes back to the queue, with why', async () => {
    const t = await open();
    await set(t, { blockedWords: ['casino'] });
    const links = await guestComment(t, 'An honest first version.');
    expect((await links.edit('Now with [a](https://a.example), [b](https://b.example), [c](https://c.example)')).status).toBe(200);
    expect(await t.store.comments.get(links.id)).toMatchObject({ status: 'pending', heldReasons: ['too_many_links'] });
    const word = await guestComment(t, 'Another honest one.');
    expect((await word.edit('Visit my casino')).status).toBe(200);
    expect(await t.store.comments.get(word.id)).toMatchObject({ status: 'pending', heldReasons: ['blocked_word'] });
    expect((await t.thread(page)).body.comments).toEqual([]);
  });

  it('a normal edit stays published (an edit is not its own duplicate)', async () => {
    const t = await open();
    const same = await guestComment(t, 'Typo fixd.');
    expect((await same.edit('Typo fixd.')).status).toBe(200);
    expect((await same.edit('Typo fixed.')).status).toBe(200);
    expect(await t.store.comments.get(same.id)).toMatchObject({ status: 'approved' });
  });

  it('a banned author cannot edit, nor can anyone on a locked thread', async () => {
    const t = await open();
    const banned = await guestComment(t, 'Before the ban.');
    await t.store.bans.add('email', 'guest@example.org', false, 'owner@example.org', t.now().toISOString());
    expect((await banned.edit('After the ban')).status).toBe(403);
    for (const ban of await t.store.bans.list()) await t.store.bans.remove(ban.id);
    const locked = await guestComment(t, 'Before the lock.');
    await t.store.threads.setLocked((await t.store.threads.find('default', page))!.id, true);
    const res = await locked.edit('After the lock');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('thread_closed');
  });
});
