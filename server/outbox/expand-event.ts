/**
 * Makes one comment event into its deliveries, in one transaction of the worker's: a POST per
 * webhook URL of the site, an alert per owner address, a notification per subscriber. Each
 * mail's dedupe key is the comment and the address, so an event expanded twice (two workers)
 * adds nothing, and one comment sends at most one mail to one address, whichever event (new,
 * approved later) comes first. Nobody is told of their own comment, and no address that has not
 * been confirmed is mailed. A comment removed since the event (a person erased) still goes to
 * the webhooks: that is how they learn of the erasure.
 */
import type { DeliveryKind } from '../../shared/notifications.ts';
import { siteSettings } from '../../shared/site-settings.ts';
import type { AppDeps } from '../http/app-env.ts';
import { newMessageId } from '../mail/message-id.ts';
import type { OutboxEventRow } from '../store/schema.ts';
import { newDeliveryId } from '../webhooks/webhook-delivery.ts';

type ExpandDeps = Pick<AppDeps, 'store' | 'config' | 'now'>;

interface MailTo {
  kind: Extract<DeliveryKind, 'alert' | 'replies' | 'thread'>;
  payload: Record<string, unknown>;
}

export async function expandEvent(deps: ExpandDeps, event: OutboxEventRow): Promise<void> {
  const now = deps.now().toISOString();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.outbox.markExpanded(event.id, now))) return;
    const site = await tx.sites.get(event.siteId);
    if (!site) return;
    const settings = siteSettings(site.settings);
    const common = { eventId: event.id, commentId: event.commentId, siteId: site.id, nextAttemptAt: now, createdAt: now };

    const payload = event.payload;
    if (typeof payload === 'object' && payload !== null) {
      for (const url of settings.webhooks) {
        const id = newDeliveryId();
        // The delivery id goes first in the body (comment-events.ts built the rest).
        const body = JSON.stringify({ id, ...payload });
        await tx.outbox.enqueue({
          ...common,
          channel: 'webhook',
          kind: 'webhook',
          recipient: url,
          messageId: id,
          dedupeKey: `webhook:${event.id}:${url}`,
          payload: { body },
        });
      }
    }

    const mail = deps.config.mail;
    if (!mail || (event.type !== 'comment.created' && event.type !== 'comment.approved')) return;
    // Webhooks are told of a comment erased since (their body was built with the event); mail is not.
    const found = await tx.comments.getWithThread(event.commentId);
    if (!found) return;
    const { comment, thread } = found;
    const recipients = new Map<string, MailTo>();
    if (event.type === 'comment.created') {
      const held = event.status === 'pending';
      for (const address of [...settings.alertsAll, ...(held ? settings.alertsHeld : [])]) {
        if (!recipients.has(address)) recipients.set(address, { kind: 'alert', payload: { held } });
      }
    }
    if (event.status === 'approved') {
      const subscribers = await tx.subscriptions.subscribersOf(thread.id, comment.parentId);
      // A reply to the reader's own comment is the more telling mail: it goes first.
      subscribers.sort((a, b) => Number(a.kind === 'thread') - Number(b.kind === 'thread'));
      for (const { address, kind, userId } of subscribers) {
        if (userId !== null && userId === comment.userId) continue;
        if (!recipients.has(address)) recipients.set(address, { kind, payload: {} });
      }
    }
    const author = comment.authorEmail?.toLowerCase();
    for (const [address, { kind, payload }] of recipients) {
      if (address === author) continue;
      const state = await tx.mailAddresses.state(address, site.id);
      if (state.stopped || state.bounced) continue;
      // Nobody who has not confirmed gets anything (alert addresses were sent a confirmation when added).
      if (!state.confirmed) continue;
      await tx.outbox.enqueue({
        ...common,
        channel: 'mail',
        kind,
        recipient: address,
        messageId: newMessageId(mail),
        dedupeKey: `comment:${comment.id}:${address}`,
        payload,
      });
    }
  });
}
