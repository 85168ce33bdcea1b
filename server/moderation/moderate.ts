/**
 * What an admin does to comments and threads from /admin: approve, hold, mark as spam or
 * delete any number of comments at once, pin or unpin a comment, and lock or unlock a thread.
 * Each change and its audit log entry land together.
 */
import type { ModerationAction } from '../../shared/moderation.ts';
import type { CommentEvent } from '../../shared/notifications.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { commentPlaces, recordCommentChange } from '../outbox/comment-events.ts';
import type { AdminRow, CommentRow, ThreadRow } from '../store/schema.ts';

type ModerationDeps = Pick<AppDeps, 'store' | 'now' | 'config' | 'hashKey' | 'outbox' | 'live'>;

const STATUS_OF: Record<ModerationAction, CommentStatus> = { approve: 'approved', spam: 'spam', delete: 'deleted', pending: 'pending' };

/** What readers, owners and webhooks hear of the action: an approval, a deletion, or nothing (spam and back to the queue). */
const EVENT_OF: Partial<Record<ModerationAction, CommentEvent>> = { approve: 'comment.approved', delete: 'comment.deleted' };

/** Applies the action to every listed comment; returns the ids that exist (each is in the audit log). */
export async function moderateComments(deps: ModerationDeps, admin: AdminRow, ids: number[], action: ModerationAction): Promise<number[]> {
  const now = deps.now().toISOString();
  const status = STATUS_OF[action];
  const event = EVENT_OF[action];
  const { changed, wake } = await deps.store.transaction(async (tx) => {
    const before = new Map<number, CommentRow>();
    for (const id of event ? ids : []) {
      const found = await tx.comments.get(id);
      if (found) before.set(id, found);
    }
    const changed = await tx.comments.setStatus(ids, status);
    let wake = false;
    const places = commentPlaces(tx);
    for (const id of changed) {
      await tx.audit.add(admin.email, action, id, null, now);
      const comment = before.get(id);
      // Approving an approved comment again tells nobody anything new.
      if (event && comment && comment.status !== status)
        wake = (await recordCommentChange(tx, deps, event, { ...comment, status }, places)) || wake;
    }
    return { changed, wake };
  });
  if (wake) deps.outbox.wake();
  for (const id of changed) deps.live.changed({ comment: id });
  return changed;
}

/** A locked thread takes no new comments (those there stay); 404 for a thread that does not exist. */
export function lockThread(deps: ModerationDeps, admin: AdminRow, id: number, locked: boolean): Promise<ThreadRow> {
  const now = deps.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const thread = await tx.threads.setLocked(id, locked);
    if (!thread) throw new RiposteError(404, 'not_found', `There is no thread ${id}.`);
    await tx.audit.add(admin.email, locked ? 'lock' : 'unlock', null, thread.pageKey, now);
    return thread;
  });
}

/**
 * A pinned comment comes first among its siblings in every order (a response to the page:
 * first in the thread); 404 for a comment that does not exist.
 */
export async function pinComment(deps: ModerationDeps, admin: AdminRow, id: number, pinned: boolean): Promise<CommentRow> {
  const now = deps.now().toISOString();
  const comment = await deps.store.transaction(async (tx) => {
    const comment = await tx.comments.setPinned(id, pinned);
    if (!comment) throw new RiposteError(404, 'not_found', `There is no comment ${id}.`);
    await tx.audit.add(admin.email, pinned ? 'pin' : 'unpin', id, null, now);
    return comment;
  });
  deps.live.changed({ comment: id });
  return comment;
}
