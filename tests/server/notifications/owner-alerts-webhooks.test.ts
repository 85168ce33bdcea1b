import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AdminDelivery, AdminDeliveryPage } from '../../../shared/notifications.ts';
import type { SiteSettings } from '../../../shared/site-settings.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { signWebhookBody } from '../../../server/webhooks/webhook-delivery.ts';
import { addAdmin, adminHeaders } from '../../helpers/admin-session.ts';
import { type LoopbackServer, startLoopbackServer } from '../../helpers/loopback-server.ts';
import { followLink, mailLink, mailsTo } from '../../helpers/mail-app.ts';
import { startSmtpServer } from '../../helpers/smtp-server.ts';
import { openTempApp } from '../../helpers/test-app.ts';

const page = 'https://blog.example/2017/03/le-pen/';
const smtp = await startSmtpServer();
afterAll(() => smtp.close());
const receivers: LoopbackServer[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

/** An app that mails through the test SMTP server and may post to `port` on loopback, with a logged-in admin. */
async function appWithAdmin(port?: number) {
  const t = await openTempApp([], smtp.env, port ? { addressPolicy: { allowLoopback: [port] } } : {});
  await addAdmin(t);
  const admin = await adminHeaders(t);
  const rules = async (settings: Partial<SiteSettings>) => {
    const res = await t.send('PATCH', '/api/v1/admin/sites/default', { settings }, admin);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { settings: SiteSettings }).settings;
  };
  const post = async (body: Record<string, unknown>) => {
    const res = await t.post({ page, url: page, title: 'Le Pen', ...body });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as PostedComment;
  };
  const act = async (ids: number[], action: string) =>
    expect((await t.send('POST', '/api/v1/admin/comments/actions', { ids, action }, admin)).status).toBe(200);
  return { t, admin, rules, post, act };
}

describe('owner alerts', () => {
  it('go, once confirmed, to every-comment addresses for each new comment and to held-only ones for held comments', async () => {
    const { t, rules, post, act } = await appWithAdmin();
    await rules({ moderation: 'first', alertsAll: ['Team@Blog.example'], alertsHeld: ['owner@blog.example'] });
    await t.outbox.settled();
    for (const address of ['team@blog.example', 'owner@blog.example']) {
      const confirmation = await smtp.nextMessage(address);
      expect(confirmation.parsed.text).toContain('added this address to the comment alerts of Default site');
      // Alerts start once the address's owner confirms it, through the mail's link.
      expect((await followLink(t, mailLink(confirmation, 'Confirm (opens a page with a button)'), { method: 'POST' })).status).toBe(200);
    }

    const held = await post({ body: 'A first comment, held.', author: { name: 'Zoe', email: 'zoe@example.org' } });
    expect(held.comment.status).toBe('pending');
    await t.outbox.settled();
    const ownerMail = await smtp.nextMessage('owner@blog.example');
    expect(ownerMail.parsed.subject).toBe('Held for approval: comment by Zoe on “Le Pen”');
    expect(ownerMail.parsed.text).toContain('Held because');
    expect(ownerMail.parsed.text).toContain('zoe@example.org');
    expect(mailLink(ownerMail, 'Moderate it in the admin view')).toBe(`${t.config.publicUrl}/admin#queue`);
    expect((await smtp.nextMessage('team@blog.example')).parsed.subject).toBe('Held for approval: comment by Zoe on “Le Pen”');

    // Approved: nobody is alerted again; Zoe's next comment is not held: only the every-comment address hears.
    await act([held.comment.id], 'approve');
    const earlierComments = [{ id: held.comment.id, secret: held.secret! }];
    const next = await post({ body: 'A second one.', author: { name: 'Zoe', email: 'zoe@example.org' }, earlierComments });
    expect(next.comment.status).toBe('approved');
    await t.outbox.settled();
    expect((await smtp.nextMessage('team@blog.example')).parsed.subject).toBe('New comment by Zoe on “Le Pen”');
    expect(mailsTo(smtp, 'owner@blog.example')).toHaveLength(2);
    expect(mailsTo(smtp, 'team@blog.example')).toHaveLength(3);
  });
});

describe('webhooks', () => {
  it('receive a signed POST for created, approved, edited and deleted, with the same delivery id on a retry', async () => {
    let failNext = true;
    const receiver = await startLoopbackServer((_req, res) => {
      // The first delivery fails once: it is retried later with the same id.
      res.writeHead(failNext ? 503 : 204).end();
      failNext = false;
    });
    receivers.push(receiver);
    const { t, rules, post, act, admin } = await appWithAdmin(receiver.port);
    const settings = await rules({ moderation: 'all', webhooks: [`${receiver.origin}/hook`] });
    // The first webhook brought a secret to check signatures with.
    expect(settings.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const posted = await post({ body: 'Hello *hooks*.', author: { name: 'Ann', email: 'ann@example.org' } });
    await t.outbox.settled();
    expect(receiver.requests).toHaveLength(1);
    t.clock.advance(60_000);
    t.outbox.wake();
    await t.outbox.settled();
    expect(receiver.requests).toHaveLength(2);

    await act([posted.comment.id], 'approve');
    expect((await t.send('PATCH', `/api/v1/admin/comments/${posted.comment.id}`, { body: 'Edited.' }, admin)).status).toBe(200);
    await act([posted.comment.id], 'delete');
    await t.outbox.settled();

    const seen = receiver.requests.map((r) => ({ headers: r.headers, body: r.body.toString('utf8') }));
    for (const { headers, body } of seen) {
      expect(headers['content-type']).toBe('application/json');
      expect(headers['riposte-signature']).toBe(signWebhookBody(body, settings.webhookSecret!));
      expect(headers['riposte-delivery']).toBe((JSON.parse(body) as { id: string }).id);
    }
    expect(seen[0]!.body).toBe(seen[1]!.body);
    const events = seen
      .slice(1)
      .map(({ body }) => JSON.parse(body) as { event: string; comment: { id: number; status: string; markdown: string; url: string } });
    expect(events.map((e) => [e.event, e.comment.status])).toEqual([
      ['comment.created', 'pending'],
      ['comment.approved', 'approved'],
      ['comment.edited', 'approved'],
      ['comment.deleted', 'deleted'],
    ]);
    expect(events[0]!.comment).toMatchObject({
      id: posted.comment.id,
      markdown: 'Hello *hooks*.',
      url: `${page}#comment-${posted.comment.id}`,
    });
    expect(JSON.stringify(events)).not.toContain('ann@example.org');
  });

  it('refuse to post to a private address: the admin sees the failed delivery with its reason, and can retry it', async () => {
    const { t, rules, post, admin } = await appWithAdmin();
    await rules({ webhooks: ['http://10.0.0.1/hook', 'http://127.0.0.1:9/hook'] });
    await post({ body: 'Hi.', author: { name: 'Ann' } });
    await t.outbox.settled();
    const listed = await t.app.request('/api/v1/admin/deliveries?status=failed', { headers: admin });
    const page = (await listed.json()) as AdminDeliveryPage;
    expect(page.failed).toBe(2);
    expect(page.deliveries.map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['webhook', 'failed', 1],
      ['webhook', 'failed', 1],
    ]);
    for (const delivery of page.deliveries) expect(delivery.lastError).toMatch(/private|loopback|refus/i);

    const id = page.deliveries[0]!.id;
    const retried = await t.send('POST', `/api/v1/admin/deliveries/${id}/retry`, undefined, admin);
    expect(((await retried.json()) as AdminDelivery).status).toBe('pending');
    await t.outbox.settled();
    expect((await t.store.outbox.get(id))?.status).toBe('failed');
    // Only a failed or cancelled delivery can be retried; an unknown one is 404; the admin's cookie is needed.
    const sent = (await t.store.outbox.list({ channel: 'webhook', offset: 0, limit: 5 })).rows;
    expect(sent).toHaveLength(2);
    expect((await t.send('POST', '/api/v1/admin/deliveries/999/retry', undefined, admin)).status).toBe(404);
    expect((await t.app.request('/api/v1/admin/deliveries')).status).toBe(401);
  });
});
