/**
 * Who may change a comment after posting it: its signed-in author, or the guest holding the
 * secret they got when posting, within the site's edit window (a signed-in author may
 * delete any time). Everyone else gets 403. Deleting is soft: with replies the comment stays
 * as a placeholder, without it disappears.
 */
import { siteSettings } from '../../shared/site-settings.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { recordCommentEvent } from '../outbox/comment-events.ts';
import type { Store } from '../store/index.ts';
import type { CommentRow, SiteRow, ThreadRow, UserRow } from '../store/schema.ts';
import { hashToken, sameSecret } from '../tokens.ts';

/** Who asks: a signed-in person, and/or the secret a guest got when posting. */
export interface Claimant {
  user: UserRow | null;
  secret: string | null;
}

/** The comment asked about, with its thread and site. */
export interface Target {
  comment: CommentRow;
  thread: ThreadRow;
  site: SiteRow;
}

/** The comment with its thread; 404 for one readers cannot see (deleted, or marked spam). */
export async function visibleComment(store: Store, id: number): Promise<Omit<Target, 'site'>> {
  const found = await store.comments.getWithThread(id);
  if (!found || found.comment.status === 'deleted' || found.comment.status === 'spam') {
    throw new RiposteError(404, 'not_found', `There is no comment ${id}.`);
  }
  return found;
}

/** Throws 403 unless the claimant wrote the comment and, where the rules say so, is within the window. */
export function authorise({ comment, site }: Target, claimant: Claimant, action: 'edit' | 'delete', now: Date): void {
  const byUser = claimant.user !== null && comment.userId === claimant.user.id;
  const byGuest =
    !byUser &&
    claimant.secret !== null &&
    comment.guestSecretHash !== null &&
    sameSecret(hashToken(claimant.secret), comment.guestSecretHash);
  if (!byUser && !byGuest) throw new RiposteError(403, 'forbidden', 'You can only change your own comments.');
  const { editWindowMinutes } = siteSettings(site.settings);
  const open = now.getTime() - Date.parse(comment.createdAt) < editWindowMinutes * 60_000;
  if ((action === 'edit' || byGuest) && !open) {
    const what = action === 'edit' ? 'edited' : 'deleted by a guest';
    const message =
      editWindowMinutes === 0
        ? `Comments cannot be ${what} on this site.`
        : `Comments can be ${what} only in the first ${editWindowMinutes} minute${editWindowMinutes === 1 ? '' : 's'} after posting.`;
    throw new RiposteError(403, 'edit_window_closed', message);
  }
}

/** Soft delete (status `deleted`) by the comment's author; webhooks hear of it. */
export async function deleteComment(
  deps: Pick<AppDeps, 'store' | 'now' | 'config' | 'hashKey' | 'outbox' | 'live'>,
  target: Target,
  claimant: Claimant,
): Promise<void> {
  authorise(target, claimant, 'delete', deps.now());
  const { comment, thread, site } = target;
  const wake = await deps.store.transaction(async (tx) => {
    await tx.comments.setStatus([comment.id], 'deleted');
    return recordCommentEvent(tx, deps, { type: 'comment.deleted', site, thread, comment: { ...comment, status: 'deleted' } });
  });
  if (wake) deps.outbox.wake();
  deps.live.changed({ comment: comment.id });
}
