/** Maps a stored comment to what readers may see of it (no email, no IP). */
import type { WireComment } from '../../shared/wire.ts';
import { authorId } from '../auth/wire-user.ts';
import { keyedHash } from '../tokens.ts';
import type { CommentRow } from '../store/schema.ts';

export function avatarSeed(hashKey: string, row: Pick<CommentRow, 'authorEmail' | 'authorName'>): string {
  return keyedHash(hashKey, 'avatar', (row.authorEmail ?? row.authorName).trim().toLowerCase()).slice(0, 12);
}

export function toWireComment(row: CommentRow, hashKey: string): WireComment {
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
  };
}
