/**
 * What the admin view shows of what left the server and what came in: the outbox's deliveries
 * (with why one failed, and a retry), and received Webmentions to approve, mark as spam or
 * delete. Subscriber addresses appear here only as the recipients of mails, to the admin.
 */
import type { AdminDelivery, AdminMention, MentionStatus } from '../../shared/notifications.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { MentionRow, OutboxRow, ThreadRow } from '../store/schema.ts';
import { toWireMention } from '../webmention/to-wire-mention.ts';

export function toAdminDelivery(row: OutboxRow): AdminDelivery {
  return {
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    commentId: row.commentId,
    site: row.siteId,
    createdAt: row.createdAt,
    nextAttemptAt: row.nextAttemptAt,
    doneAt: row.doneAt,
    lastError: row.lastError,
    lastResponse: row.lastResponse,
  };
}

export function toAdminMention({ mention, thread }: { mention: MentionRow; thread: ThreadRow }): AdminMention {
  return {
    ...toWireMention(mention),
    status: mention.status,
    site: thread.siteId,
    source: mention.source,
    thread: { id: thread.id, key: thread.pageKey, url: thread.url, title: thread.title },
    receivedAt: mention.createdAt,
    updatedAt: mention.updatedAt,
  };
}

/**
 * Sends a failed or cancelled delivery again, from its first attempt (a mail's address is no
 * longer counted as bouncing: the admin vouches for it). 400 for one pending or sent.
 */
export async function retryDelivery(deps: Pick<AppDeps, 'store' | 'now' | 'outbox'>, id: number): Promise<AdminDelivery> {
  const row = await deps.store.outbox.retry(id, deps.now().toISOString());
  if (!row) {
    const found = await deps.store.outbox.get(id);
    if (!found) throw new RiposteError(404, 'not_found', `There is no delivery ${id}.`);
    throw new RiposteError(400, 'invalid_input', `Delivery ${id} is ${found.status}: only a failed or cancelled one can be retried.`);
  }
  if (row.channel === 'mail') await deps.store.mailAddresses.clearBounce(row.recipient);
  deps.outbox.wake();
  return toAdminDelivery(row);
}

export type MentionAction = 'approve' | 'spam' | 'delete';
const STATUS_OF: Record<Exclude<MentionAction, 'delete'>, MentionStatus> = { approve: 'approved', spam: 'spam' };

/** Applies the action to the listed mentions; returns the ids that exist. */
export function moderateMentions(deps: Pick<AppDeps, 'store'>, ids: number[], action: MentionAction): Promise<number[]> {
  return action === 'delete' ? deps.store.mentions.delete(ids) : deps.store.mentions.setStatus(ids, STATUS_OF[action]);
}
