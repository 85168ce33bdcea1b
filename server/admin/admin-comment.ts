/** Maps a stored comment, with its page and parent, to what the owner sees in the admin view. */
import type { AdminComment } from '../../shared/moderation.ts';
import type { ModeratedRow } from '../store/admin-comments.ts';

export function toAdminComment({ comment: c, thread, identity, parent }: ModeratedRow): AdminComment {
  return {
    id: c.id,
    status: c.status,
    kind: c.kind,
    site: thread.siteId,
    thread: { id: thread.id, key: thread.pageKey, url: thread.url, title: thread.title, locked: thread.locked },
    author: { name: c.authorName, email: c.authorEmail, website: c.authorWebsite, badge: c.authorBadge, identity, ipHash: c.ipHash },
    html: c.bodyHtml,
    markdown: c.bodyMarkdown,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    heldReasons: c.heldReasons ?? [],
    parent: parent && { id: parent.id, authorName: parent.authorName, html: parent.bodyHtml },
    upvotes: c.upvotes,
    downvotes: c.downvotes,
    pinned: c.pinned,
  };
}
