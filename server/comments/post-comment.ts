/**
 * The one path every new comment takes: check the parent, render Markdown to safe HTML,
 * store it, and drop the thread's cached answer.
 */
import { normalisePageKey } from '../../shared/page-key.ts';
import type { NewComment } from '../../shared/schemas.ts';
import type { WireComment } from '../../shared/wire.ts';
import { keyedHash } from '../hashing.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { renderMarkdown } from '../render/markdown.ts';
import { ThreadCache } from '../threads/thread-cache.ts';
import { toWireComment } from './to-wire.ts';

export interface PostContext {
  siteId: string;
  ip: string | undefined;
}

export function postComment(deps: AppDeps, input: NewComment, { siteId, ip }: PostContext): WireComment {
  const pageKey = normalisePageKey(input.page);
  const bodyHtml = renderMarkdown(input.body);
  if (bodyHtml === '') throw new RiposteError(400, 'invalid_input', 'Write something before posting.', { body: 'Write something before posting.' });

  const row = deps.store.transaction(() => {
    const thread = deps.store.threads.upsert(siteId, pageKey, input.url, input.title);
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = deps.store.comments.findInThread(thread.id, parentId);
      if (!parent || parent.status === 'spam' || parent.status === 'pending') {
        throw new RiposteError(400, 'unknown_parent', `There is no comment ${parentId} on this page to reply to.`, {
          parentId: 'The comment you are replying to is not on this page.',
        });
      }
    }
    return deps.store.comments.insert({
      threadId: thread.id,
      parentId,
      status: 'approved',
      authorName: input.author.name,
      authorEmail: input.author.email ?? null,
      authorWebsite: input.author.website ?? null,
      ipHash: ip ? keyedHash(deps.hashKey, 'ip', ip) : null,
      bodyMarkdown: input.body,
      bodyHtml,
      createdAt: new Date().toISOString(),
    });
  });
  deps.threadCache.invalidate(ThreadCache.key(siteId, pageKey));
  return toWireComment(row, deps.hashKey);
}
