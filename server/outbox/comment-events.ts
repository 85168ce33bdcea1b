/**
 * The outbox's write path: a comment change that someone must hear of (readers and owners by
 * mail, the site's webhooks) becomes one event row in the change's own transaction, whatever
 * the number of recipients; the worker expands it later (expand-event.ts). The webhook body is
 * built here, as the comment is at this moment; it is signed when sent.
 */
import type { CommentEvent } from '../../shared/notifications.ts';
import { siteSettings } from '../../shared/site-settings.ts';
import { toWireComment } from '../comments/to-wire.ts';
import type { AppDeps } from '../http/app-env.ts';
import { commentLink } from '../mail/mail-layout.ts';
import type { StoreTransaction } from '../store/index.ts';
import type { CommentRow, SiteRow, ThreadRow } from '../store/schema.ts';
import type { WebhookPayload } from '../webhooks/webhook-delivery.ts';

export interface CommentChange {
  type: CommentEvent;
  site: SiteRow;
  thread: ThreadRow;
  comment: CommentRow;
}

/** What every delivery of the event carries; each adds its own delivery id. */
export type EventPayload = Omit<WebhookPayload, 'id'>;

/** The comment's address on its page, if the page's address is known. */
export function pageCommentUrl(thread: ThreadRow, commentId: number): string | null {
  return thread.url ? commentLink(thread.url, commentId) : null;
}

function webhookPayload({ type, site, thread, comment }: CommentChange, hashKey: string, occurredAt: string): EventPayload {
  return {
    event: type,
    occurredAt,
    site: { id: site.id, name: site.name },
    page: { key: thread.pageKey, url: thread.url, title: thread.title },
    comment: {
      ...toWireComment(comment, hashKey, siteSettings(site.settings).votes),
      markdown: comment.status === 'deleted' ? '' : comment.bodyMarkdown,
      url: pageCommentUrl(thread, comment.id),
    },
  };
}

/**
 * Writes the event if anything will come of it: mail about a new or approved comment where
 * mail is on, webhooks where the site has some. A comment in spam is told to no one. True
 * when written (the caller wakes the worker once the transaction has committed).
 */
export async function recordCommentEvent(
  tx: StoreTransaction,
  deps: Pick<AppDeps, 'config' | 'hashKey' | 'now'>,
  change: CommentChange,
): Promise<boolean> {
  const { type, site, comment } = change;
  if (comment.status === 'spam') return false;
  const hooks = siteSettings(site.settings).webhooks.length > 0;
  const mail = deps.config.mail !== null && (type === 'comment.created' || type === 'comment.approved');
  if (!hooks && !mail) return false;
  const occurredAt = deps.now().toISOString();
  await tx.outbox.addEvent({
    type,
    commentId: comment.id,
    siteId: site.id,
    status: comment.status,
    payload: hooks ? webhookPayload(change, deps.hashKey, occurredAt) : null,
    occurredAt,
  });
  return true;
}

/** Finds a comment's thread and site, reading each once: a change to many comments touches a few pages. */
export function commentPlaces(tx: StoreTransaction): (comment: CommentRow) => Promise<Pick<CommentChange, 'thread' | 'site'> | null> {
  const threads = new Map<number, Promise<ThreadRow | undefined>>();
  const sites = new Map<string, Promise<SiteRow | undefined>>();
  return async (comment) => {
    const thread = threads.get(comment.threadId) ?? tx.threads.get(comment.threadId);
    threads.set(comment.threadId, thread);
    const found = await thread;
    if (!found) return null;
    const site = sites.get(found.siteId) ?? tx.sites.get(found.siteId);
    sites.set(found.siteId, site);
    const foundSite = await site;
    return foundSite ? { thread: found, site: foundSite } : null;
  };
}

/**
 * recordCommentEvent for a comment whose thread and site the caller has not read; a caller
 * telling of many comments passes one `places` for all of them.
 */
export async function recordCommentChange(
  tx: StoreTransaction,
  deps: Pick<AppDeps, 'config' | 'hashKey' | 'now'>,
  type: CommentEvent,
  comment: CommentRow,
  places = commentPlaces(tx),
): Promise<boolean> {
  const place = await places(comment);
  return place ? recordCommentEvent(tx, deps, { type, ...place, comment }) : false;
}
