/**
 * The one path every new comment takes: render Markdown to safe HTML, screen it (bans, the
 * site's rules, spam defence: moderation/screen-comment.ts), check the parent, and store it (the thread's cached answer goes stale by itself: see threads/thread-cache.ts).
 */
import type { NewComment } from '../../shared/schemas.ts';
import type { PostedComment } from '../../shared/wire.ts';
import { badgeFor } from '../auth/identity.ts';
import { hashToken, keyedHash, randomToken } from '../tokens.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { UserRow } from '../store/schema.ts';
import { screenComment } from '../moderation/screen-comment.ts';
import { renderMarkdown } from '../render/markdown.ts';
import { toWireComment } from './to-wire.ts';

export interface PostContext {
  siteId: string;
  ip: string | undefined;
  /** The signed-in author, or null for a guest (whose details are in `input.author`). */
  user: UserRow | null;
}

/** A guest's comment carries `author`; a signed-in reader's name and website come from their profile. */
export type CommentInput = Omit<NewComment, 'author'> & { author?: NewComment['author'] };

export async function postComment(deps: AppDeps, input: CommentInput, { siteId, ip, user }: PostContext): Promise<PostedComment> {
  const pageKey = input.page;
  const bodyHtml = renderMarkdown(input.body);
  if (bodyHtml === '')
    throw new RiposteError(400, 'invalid_input', 'Write something before posting.', { body: 'Write something before posting.' });

  // A guest proves authorship later with this secret; only its hash is kept.
  const secret = user ? null : randomToken();
  const ipHash = ip ? keyedHash(deps.hashKey, 'ip', ip) : null;
  const now = deps.now();
  const row = await deps.store.transaction(async (tx) => {
    const guest = { name: input.author?.name ?? '', email: input.author?.email ?? null, website: input.author?.website ?? null };
    const verdict = await screenComment(tx, {
      now,
      siteId,
      pageKey,
      settings: await tx.sites.settings(siteId),
      user,
      author: user ? { name: user.name, email: user.email, website: user.website } : guest,
      ipHash,
      bodyMarkdown: input.body,
      bodyHtml,
      trap: input.trap,
      formMs: input.formMs,
    });
    const thread = await tx.threads.upsert(siteId, pageKey, now.toISOString(), input.url, input.title);
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = await tx.comments.findInThread(thread.id, parentId);
      // Only a comment readers can see can be answered: not a pending, spam or deleted one.
      if (parent?.status !== 'approved') {
        throw new RiposteError(400, 'unknown_parent', `There is no comment ${parentId} on this page to reply to.`, {
          parentId: 'The comment you are replying to is not on this page.',
        });
      }
    }
    const author = user
      ? {
          authorName: user.name,
          authorEmail: user.email,
          authorWebsite: user.website,
          authorBadge: badgeFor(deps.config.auth, user),
          userId: user.id,
        }
      : { authorName: guest.name, authorEmail: guest.email, authorWebsite: guest.website };
    return tx.comments.insert({
      threadId: thread.id,
      parentId,
      status: verdict.status,
      heldReasons: verdict.reasons.length ? verdict.reasons : null,
      ...author,
      guestSecretHash: secret === null ? null : hashToken(secret),
      ipHash,
      bodyMarkdown: input.body,
      bodyHtml,
      createdAt: now.toISOString(),
    });
  });
  // A robot that filled the honeypot is told what a held comment's author is told, nothing more.
  const comment = toWireComment(row.status === 'spam' ? { ...row, status: 'pending' } : row, deps.hashKey);
  return secret === null ? { comment } : { comment, secret };
}
