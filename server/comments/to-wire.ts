/** Maps a stored comment to what readers may see of it (no email, no IP). */
import type { VoteMode } from '../../shared/moderation.ts';
import type { WireComment } from '../../shared/wire.ts';
import { authorId } from '../auth/wire-user.ts';
import { keyedHash } from '../tokens.ts';
import type { CommentRow } from '../store/schema.ts';

export function avatarSeed(hashKey: string, row: Pick<CommentRow, 'authorEmail' | 'authorName'>): string {
  return keyedHash(hashKey, 'avatar', (row.authorEmail ?? row.authorName).trim().toLowerCase()).slice(0, 12);
}

/** `votes`: the site's vote mode, which says which counts readers see. */
export function toWireComment(row: CommentRow, hashKey: string, votes: VoteMode): WireComment {
  if (row.status === 'deleted') {
    return {
      id: row.id,
      parentId: row.parentId,
      status: 'deleted',
      author: { name: '', avatar: '' },
      html: '',
      createdAt: row.createdAt,
      deleted: true,
    };
  }
  return {
    id: row.id,
    parentId: row.parentId,
    status: row.status,
    author: {
      name: row.authorName,
      ...(row.authorWebsite ? { website: row.authorWebsite } : {}),
      avatar: avatarSeed(hashKey, row),
      ...(row.authorBadge ? { badge: row.authorBadge } : {}),
      ...(row.userId !== null ? { id: authorId(hashKey, row.userId) } : {}),
    },
    html: row.bodyHtml,
    createdAt: row.createdAt,
    ...(row.editedAt ? { editedAt: row.editedAt } : {}),
    ...(row.kind !== 'comment' ? { kind: row.kind } : {}),
    ...(votes !== 'off' && row.upvotes > 0 ? { up: row.upvotes } : {}),
    ...(votes === 'updown' && row.downvotes > 0 ? { down: row.downvotes } : {}),
    ...(row.pinned ? { pinned: true } : {}),
  };
}
