import { describe, expect, it } from 'vitest';
import type { WireSubscription } from '../../../shared/notifications.ts';
import type { PostedComment, SignInOptions, WireUser } from '../../../shared/wire.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { addAdmin, adminHeaders } from '../../helpers/admin-session.ts';
import { followLink, mailLink, mailsTo, useMailApp } from '../../helpers/mail-app.ts';
import { openTempApp } from '../../helpers/test-app.ts';

const page = 'https://blog.example/2017/03/le-pen/';
const { t, smtp } = await useMailApp();

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<PostedComment> {
  const res = await t.post({ page, url: page, title: 'Le Pen', ...body }, headers);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as PostedComment;
}

const guest = (name: string, email: string, extra: Record<string, unknown> = {}) => ({ author: { name, email }, ...extra });

/** Waits until the outbox has sent (or dropped) everything it was woken for. */
const settled = () => t.outbox.settled();

async function confirmedGuest(name: string, email: string, notify: Record<string, boolean>): Promise<PostedComment> {
  const posted = await post({ body: `I am ${name}.`, ...guest(name, email, { notify }) });
  await settled();
  const confirmation = await smtp.nextMessage(email);
  expect((await followLink(t, mailLink(confirmation, 'Confirm (opens a page with a button)'), { method: 'POST' })).status).toBe(200);
  return posted;
}

async function signIn(subject: string, name: string, email: string | null, emailVerified: boolean): Promise<string> {
  const user = await t.store.users.upsert(
    { provider: 'github', subject, name, email, emailVerified, website: null },
    t.now().toISOString(),
  );
  return createSession(t, user.id);
}

describe('a guest who asks to be notified (double opt-in)', () => {
  it('gets only the confirmation until they confirm, then each reply with its text, link and one-click unsubscribe', async () => {
    const ann = await post({ body: 'First!', ...guest('Ann', 'Ann@Example.org', { notify: { replies: true } }) });
    expect(ann.notify).toBe('check-mail');
    await settled();
    const confirmation = await smtp.nextMessage('ann@example.org');
    expect(confirmation.parsed.subject).toBe('Confirm your email address for comments on Default site');
    expect(confirmation.parsed.text).toContain('when someone replies to their comment on “Le Pen”');

    // A reply before the confirmation sends nothing, then or later.
    await post({ body: 'Too early.', parentId: ann.comment.id, ...guest('Bob', 'bob@example.org') });
    await settled();
    expect(mailsTo(smtp, 'ann@example.org')).toHaveLength(1);

    // Opening the link (a mail scanner does) only shows the button.
    const confirmUrl = mailLink(confirmation, 'Confirm (opens a page with a button)');
    const ask = await followLink(t, confirmUrl);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('<button type="submit">Confirm</button>');
    expect(await t.store.mailAddresses.isConfirmed('ann@example.org')).toBe(false);
    const done = await followLink(t, confirmUrl, { method: 'POST' });
    expect(await done.text()).toContain('Address confirmed');
    expect(await t.store.mailAddresses.isConfirmed('ann@example.org')).toBe(true);

    const reply = await post({
      body: 'Hello *Ann* <script>alert(1)</script>',
      parentId: ann.comment.id,
      ...guest('Bob', 'bob@example.org'),
    });
    await settled();
    const mail = await smtp.nextMessage('ann@example.org');
    expect(mail.parsed.subject).toBe('Bob replied to your comment on “Le Pen”');
    expect(mail.parsed.text).toContain('> Hello *Ann* <script>alert(1)</script>');
    // The HTML part carries the comment as the widget shows it: sanitised by the same sanitiser.
    expect(mail.parsed.html).toContain(reply.comment.html);
    expect(mail.parsed.html).not.toContain('<script>');
    expect(mailLink(mail, 'Read the reply on the page')).toBe(`${page}#comment-${reply.comment.id}`);
    const unsubscribe = mailLink(mail, 'Stop mails about this page');
    // List-Unsubscribe and List-Unsubscribe-Post, as mailparser reads them.
    expect(mail.parsed.headers.get('list')).toEqual({
      unsubscribe: { url: unsubscribe },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    expect(mailLink(mail, 'No more mail from Default site')).toMatch(/\/mail\/stop\?t=/);
    // The Message-ID is the one the outbox stored, so a resend after a crash is recognisable.
    const { rows } = await t.store.outbox.list({ channel: 'mail', status: 'sent', offset: 0, limit: 10 });
    expect(rows.find((r) => r.kind === 'replies')?.messageId).toBe(mail.parsed.messageId);

    // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the header's URL.
    const oneClick = await followLink(t, unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    await post({ body: 'Still there?', parentId: ann.comment.id, ...guest('Bob', 'bob@example.org') });
    await settled();
    expect(mailsTo(smtp, 'ann@example.org')).toHaveLength(2);
  });

  it('is told of a held reply when it is approved, never of their own comment, and once per comment', async () => {
    await t.store.sites.updateSettings('default', { moderation: 'first' });
    const ann = await confirmedGuest('Ann', 'ann@example.org', { replies: true, thread: true });
    await t.store.comments.setStatus([ann.comment.id], 'approved');

    // Ann's own comments (as a reply to herself too) tell her nothing.
    // She proves she is the same guest (the secret of her first comment), so the site does not hold her.
    const earlierComments = [{ id: ann.comment.id, secret: ann.secret! }];
    const again = await post({ body: 'Me again.', parentId: ann.comment.id, ...guest('Ann', 'ANN@example.org', { earlierComments }) });
    expect(again.comment.status).toBe('approved');
    await settled();
    expect(mailsTo(smtp, 'ann@example.org')).toHaveLength(1);

    // Carl is new here: his reply is held, and Ann hears of it only once approved.
    const carl = await post({ body: 'A held reply.', parentId: ann.comment.id, ...guest('Carl', 'carl@example.org') });
    expect(carl.comment.status).toBe('pending');
    await settled();
    expect(mailsTo(smtp, 'ann@example.org')).toHaveLength(1);
    await addAdmin(t);
    const admin = await adminHeaders(t);
    const moderate = async (action: string) =>
      expect((await t.send('POST', '/api/v1/admin/comments/actions', { ids: [carl.comment.id], action }, admin)).status).toBe(200);
    await moderate('approve');
    await settled();
    // Subscribed to replies and to the thread: one mail, the reply's.
    const told = mailsTo(smtp, 'ann@example.org');
    expect(told.map((m) => m.parsed.subject)).toEqual([
      'Confirm your email address for comments on Default site',
      'Carl replied to your comment on “Le Pen”',
    ]);
    // Approving it again (back to the queue and approved once more) mails nothing new.
    await moderate('pending');
    await moderate('approve');
    await settled();
    expect(mailsTo(smtp, 'ann@example.org')).toHaveLength(2);
  });

  it('"no more mail from this site" ends the subscriptions and every mail, confirmations included', async () => {
    const ann = await confirmedGuest('Ann', 'ann@example.org', { thread: true });
    await post({ body: 'New one.', ...guest('Bob', 'bob@example.org') });
    await settled();
    const mail = await smtp.nextMessage('ann@example.org');
    expect(mail.parsed.subject).toBe('New comment by Bob on “Le Pen”');
    const stop = mailLink(mail, 'No more mail from Default site');
    expect(await (await followLink(t, stop)).text()).toContain('<button type="submit">No more mail</button>');
    expect(await (await followLink(t, stop, { method: 'POST' })).text()).toContain('will send nothing more to ann@example.org');
    await post({ body: 'Another.', parentId: ann.comment.id, ...guest('Bob', 'bob@example.org') });
    await post({ body: 'Again.', ...guest('Ann', 'ann@example.org', { notify: { replies: true } }) });
    await settled();
    expect(mailsTo(smtp, 'ann@example.org')).toHaveLength(2);
  });

  it('gets at most three confirmation mails a day, whoever asks', async () => {
    for (let i = 0; i < 5; i++) await post({ body: `Try ${i}.`, ...guest('Ann', 'ann@example.org', { notify: { thread: true } }) });
    await settled();
    expect(mailsTo(smtp, 'ann@example.org')).toHaveLength(3);
    t.clock.advance(25 * 3_600_000);
    await post({ body: 'Next day.', ...guest('Ann', 'ann@example.org', { notify: { thread: true } }) });
    await settled();
    expect(mailsTo(smtp, 'ann@example.org')).toHaveLength(4);
  });

  it('needs an address, and a link this server did not sign does nothing', async () => {
    const res = await t.post({ page, body: 'Hi', author: { name: 'Ann' }, notify: { replies: true } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      'author.email': 'Give your email address to be notified.',
    });
    for (const path of ['/mail/confirm?t=abc.def', '/mail/unsubscribe', '/mail/stop?t=e30.0000']) {
      const bad = await t.app.request(path, { method: 'POST' });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('This link does not work');
    }
  });
});

describe('a signed-in reader', () => {
  it('whose provider vouches for the address is notified at once, lists their subscriptions and ends them', async () => {
    const grace = await signIn('2', 'Grace', 'Grace@Example.org', true);
    const auth = { authorization: `Bearer ${grace}` };
    const mine = await post({ body: 'Signed in.', notify: { replies: true, thread: true } }, auth);
    expect(mine.notify).toBe('active');
    // The widget offers the boxes only where the sign-in vouches for an address (never shown).
    const me = async (headers: Record<string, string>) =>
      ((await (await t.app.request('/auth/me', { headers })).json()) as { user: WireUser }).user;
    expect(await me(auth)).toMatchObject({ mailable: true });
    expect(await me({ authorization: `Bearer ${await signIn('4', 'Unverified', 'u@example.org', false)}` })).not.toHaveProperty('mailable');
    expect(JSON.stringify(await me(auth))).not.toContain('example.org');
    await post({ body: 'Answer.', parentId: mine.comment.id, ...guest('Bob', 'bob@example.org') });
    await settled();
    expect((await smtp.nextMessage('grace@example.org')).parsed.subject).toBe('Bob replied to your comment on “Le Pen”');

    const listed = await t.app.request('/api/v1/subscriptions', { headers: auth });
    const { subscriptions } = (await listed.json()) as { subscriptions: WireSubscription[] };
    expect(subscriptions.map((s) => [s.kind, s.commentId, s.page.url])).toEqual([
      ['thread', null, page],
      ['replies', mine.comment.id, page],
    ]);
    // Nobody else can end them.
    const other = { authorization: `Bearer ${await signIn('3', 'Mallory', 'mallory@example.org', true)}` };
    expect((await t.send('DELETE', `/api/v1/subscriptions/${subscriptions[0]!.id}`, undefined, other)).status).toBe(404);
    expect((await t.app.request('/api/v1/subscriptions')).status).toBe(401);
    for (const s of subscriptions) expect((await t.send('DELETE', `/api/v1/subscriptions/${s.id}`, undefined, auth)).status).toBe(204);
    await post({ body: 'Answer two.', parentId: mine.comment.id, ...guest('Bob', 'bob@example.org') });
    await settled();
    expect(mailsTo(smtp, 'grace@example.org')).toHaveLength(1);
  });

  it('without a verified address cannot ask for notifications', async () => {
    const auth = { authorization: `Bearer ${await signIn('4', 'Hal', 'hal@example.org', false)}` };
    const res = await t.post({ page, body: 'Hi', notify: { thread: true } }, auth);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('notify');
  });
});

describe('without mail settings', () => {
  it('offers no notifications and stores none', async () => {
    const app = await openTempApp();
    const options = (await (await app.app.request('/auth/providers')).json()) as SignInOptions;
    expect(options.mail).toBe(false);
    const res = await app.post({ page, body: 'Hi', author: { name: 'Ann', email: 'ann@example.org' }, notify: { replies: true } });
    expect(res.status).toBe(201);
    expect((await res.json()) as PostedComment).not.toHaveProperty('notify');
    expect(await app.store.subscriptions.subscribersOf(1, null)).toEqual([]);
  });
});
