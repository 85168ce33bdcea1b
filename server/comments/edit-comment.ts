/**
 * Changes by a comment's author: edit within the site's edit window, delete (a signed-in
 * author any time, a guest within the window). Who the author is comes from the session
 * or from the guest's secret; everyone else gets 403.
 */
import { siteSettings } from '../../shared/site-settings.ts';
import type { WireComment } from '../../shared/wire.ts';
import { hashToken, sameSecret } from '../tokens.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { screenComment } from '../moderation/screen-comment.ts';
import { renderMarkdown } from '../render/markdown.ts';
import type { CommentRow, SiteRow, ThreadRow, UserRow } from '../store/schema.ts';
import { toWireComment } from './to-wire.ts';

/** Who asks: a signed-in person, and/or the secret a guest got when posting. */
export interface Claimant {
  user: UserRow | null;
  secret: string | null;
}

export interface Target {
  comment: CommentRow;
  thread: ThreadRow;
  site: SiteRow;
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

export async function editComment(deps: AppDeps, target: Target, claimant: Claimant, body: string): Promise<WireComment> {
  const now = deps.now();
  authorise(target, claimant, 'edit', now);
  const bodyHtml = renderMarkdown(body);
  if (bodyHtml === '')
    throw new RiposteError(400, 'invalid_input', 'Write something before saving.', { body: 'Write something before saving.' });
  const { comment, thread, site } = target;
  // An edit meets the rules a new comment meets (bans, locked threads, links, blocked words):
  // else an approved comment could be edited into spam.
  const verdict = await screenComment(deps.store, {
    now,
    siteId: thread.siteId,
    pageKey: thread.pageKey,
    settings: siteSettings(site.settings),
    user: claimant.user,
    author: { name: comment.authorName, email: comment.authorEmail, website: comment.authorWebsite },
    ipHash: comment.ipHash,
    bodyMarkdown: body,
    bodyHtml,
    trap: undefined,
    formMs: undefined,
    editing: true,
  });
  const row = await deps.store.transaction(async (tx) => {
    const updated = await tx.comments.updateBody(comment.id, body, bodyHtml, now.toISOString());
    if (!updated) throw new RiposteError(404, 'not_found', `There is no comment ${comment.id}.`);
    // A published comment the rules would now hold goes back to the queue, with the reasons.
    return comment.status === 'approved' && verdict.status !== 'approved'
      ? tx.comments.hold(comment.id, verdict.status, verdict.reasons)
      : updated;
  });
  return toWireComment(row, deps.hashKey);
}

/** Soft delete (status `deleted`): with replies it stays as a placeholder, without it disappears. */
export async function deleteComment(deps: AppDeps, target: Target, claimant: Claimant): Promise<void> {
  authorise(target, claimant, 'delete', deps.now());
  await deps.store.comments.setStatus([target.comment.id], 'deleted');
}
