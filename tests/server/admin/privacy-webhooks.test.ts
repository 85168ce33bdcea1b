/**
 * Erasing a person tells the site's webhooks, which keep what they were sent: comment.deleted
 * for each of the person's comments (the placeholders, the comments removed outright, one in
 * spam), signed as any delivery, with nothing of the author or text. On both databases (the
 * removed comments' events outlive their rows).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SiteSettings } from '../../../shared/site-settings.ts';
import type { PostedComment, WireComment } from '../../../shared/wire.ts';
import { signWebhookBody } from '../../../server/webhooks/webhook-delivery.ts';
import { addAdmin, adminHeaders } from '../../helpers/admin-session.ts';
import { type LoopbackServer, startLoopbackServer } from '../../helpers/loopback-server.ts';
import { openTempApp } from '../../helpers/test-app.ts';

const page = 'https://blog.example/2026/erased';
const receivers: LoopbackServer[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

type Told = { event: string; comment: WireComment & { markdown: string; url: string | null } };

describe('erasing a person', () => {
  it('sends the webhooks comment.deleted for each of their comments, removed ones too, empty of them', async () => {
    const receiver = await startLoopbackServer((_req, res) => res.writeHead(204).end());
    receivers.push(receiver);
    const t = await openTempApp([], {}, { addressPolicy: { allowLoopback: [receiver.port] } });
    await addAdmin(t);
    const admin = await adminHeaders(t);
    const changed = await t.send('PATCH', '/api/v1/admin/sites/default', { settings: { webhooks: [`${receiver.origin}/hook`] } }, admin);
    const { webhookSecret } = ((await changed.json()) as { settings: SiteSettings }).settings;
    const post = async (body: string, name: string, parentId?: number) => {
      const res = await t.post({ page, url: page, body, author: { name, email: `${name.toLowerCase()}@example.org` }, parentId });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as PostedComment).comment.id;
    };
    const answered = await post('Ann on *owls*, answered.', 'Ann');
    const reply = await post('Bo answers the owls.', 'Bo', answered);
    const alone = await post('Ann on herons, unanswered.', 'Ann');
    const spam = await post('Ann selling owls.', 'Ann');
    expect((await t.send('POST', '/api/v1/admin/comments/actions', { ids: [spam], action: 'spam' }, admin)).status).toBe(200);
    await t.outbox.settled();
    const before = receiver.requests.length;
    expect(before).toBe(4);

    const erased = await t.send('POST', '/api/v1/admin/privacy/erase', { person: 'ann@example.org', confirm: true }, admin);
    expect(erased.status, await erased.clone().text()).toBe(200);
    expect(await erased.json()).toMatchObject({ commentsRemoved: 2, commentsEmptied: 1 });
    expect(await t.store.comments.get(alone)).toBeUndefined();
    await t.outbox.settled();

    const told = receiver.requests.slice(before);
    for (const { headers, body } of told) expect(headers['riposte-signature']).toBe(signWebhookBody(body.toString('utf8'), webhookSecret!));
    const events = told.map(({ body }) => JSON.parse(body.toString('utf8')) as Told);
    expect(events.map((e) => [e.event, e.comment.id]).sort()).toEqual([answered, alone, spam].map((id) => ['comment.deleted', id]).sort());
    for (const { comment } of events) {
      expect(comment).toMatchObject({ status: 'deleted', deleted: true, html: '', markdown: '' });
      expect(comment.author).toEqual({ name: '', avatar: '' });
    }
    const sent = told.map(({ body }) => body.toString('utf8')).join('\n');
    for (const word of ['Ann', 'ann@example.org', 'owls', 'herons']) expect(sent).not.toContain(word);
    // Bo's reply is not Ann's: nothing is told of it.
    expect(events.some((e) => e.comment.id === reply)).toBe(false);
  });
});
