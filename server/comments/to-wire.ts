/** Maps a stored comment to what readers may see of it (no email, no IP). */
import type { VoteMode } from '../../shared/moderation.ts';
import type { WireComment } from '../../shared/wire.ts';
import { authorId } from '../auth/wire-user.ts';
import { keyedHash } from '../tokens.ts';
import type { CommentRow } from '../store/schema.ts';

/**
 * The seed the widget draws an avatar from, for who the author proved to be: an account, the
 * owner replying from /admin, else (a guest) the email or name typed. Each kind has its own
 * hash, so no guest, whatever they type, gets the owner's or an account's avatar.
 */
export function avatarSeed(hashKey: string, row: Pick<CommentRow, 'authorEmail' | 'authorName' | 'userId' | 'authorBadge'>): string {
  const typed = (row.authorEmail ?? row.authorName).trim().toLowerCase();
  if (row.userId !== null) return keyedHash(hashKey, 'avatar-account', String(row.userId)).slice(0, 12);
  if (row.authorBadge !== null) return keyedHash(hashKey, 'avatar-owner', typed).slice(0, 12);
  return keyedHash(hashKey, 'avatar', typed).slice(0, 12);
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
