/**
 * The one path every new comment takes: check the parent, render Markdown to safe HTML,
 * and store it (the thread's cached answer goes stale by itself: see threads/thread-cache.ts).
 */
import type { NewComment } from '../../shared/schemas.ts';
import type { PostedComment } from '../../shared/wire.ts';
import { hashToken, randomToken } from '../auth/sessions.ts';
import { badgeFor } from '../auth/wire-user.ts';
import { keyedHash } from '../hashing.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { UserRow } from '../store/schema.ts';
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

export function postComment(deps: AppDeps, input: CommentInput, { siteId, ip, user }: PostContext): PostedComment {
  const pageKey = input.page;
  const bodyHtml = renderMarkdown(input.body);
  if (bodyHtml === '') throw new RiposteError(400, 'invalid_input', 'Write something before posting.', { body: 'Write something before posting.' });

  // A guest proves authorship later with this secret; only its hash is kept.
  const secret = user ? null : randomToken();
  const row = deps.store.transaction(() => {
    const thread = deps.store.threads.upsert(siteId, pageKey, input.url, input.title);
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = deps.store.comments.findInThread(thread.id, parentId);
      // Only a comment readers can see can be answered: not a pending, spam or deleted one.
      if (parent?.status !== 'approved') {
        throw new RiposteError(400, 'unknown_parent', `There is no comment ${parentId} on this page to reply to.`, {
          parentId: 'The comment you are replying to is not on this page.',
        });
      }
    }
    const author = user
      ? { authorName: user.name, authorEmail: user.email, authorWebsite: user.website, authorBadge: badgeFor(deps.config.auth, user), userId: user.id }
      : { authorName: input.author?.name ?? '', authorEmail: input.author?.email ?? null, authorWebsite: input.author?.website ?? null };
    return deps.store.comments.insert({
      threadId: thread.id,
      parentId,
      status: 'approved',
      ...author,
      guestSecretHash: secret === null ? null : hashToken(secret),
      ipHash: ip ? keyedHash(deps.hashKey, 'ip', ip) : null,
      bodyMarkdown: input.body,
      bodyHtml,
      createdAt: new Date().toISOString(),
    });
  });
  const comment = toWireComment(row, deps.hashKey);
  return secret === null ? { comment } : { comment, secret };
}
