/**
 * Who counts as a known author for "hold only an author's first comment" (moderation=first):
 * only someone who proves it. An email typed into the form proves nothing (anyone can type the
 * owner's, whose replies are all approved), so it never counts. The proofs, all here:
 * - a signed-in account with an approved comment on the site;
 * - a guest whose browser holds the secret of one of its own approved comments on the site
 *   (the secret the server handed back when that comment was posted).
 */
import type { StoreTransaction } from '../store/index.ts';
import type { UserRow } from '../store/schema.ts';
import { hashToken, sameSecret } from '../tokens.ts';

/** A guest's earlier comment and the secret its author was given for it. */
export interface CommentProof {
  id: number;
  secret: string;
}

export interface AuthorProofs {
  user: UserRow | null;
  /** What a guest's browser sends of its earlier comments (none for a signed-in author). */
  earlierComments: readonly CommentProof[];
}

export async function isKnownAuthor(tx: Pick<StoreTransaction, 'comments'>, siteId: string, proofs: AuthorProofs): Promise<boolean> {
  if (proofs.user) return tx.comments.hasApprovedByAccount(siteId, proofs.user.id);
  const approved = await tx.comments.approvedGuestComments(
    siteId,
    proofs.earlierComments.map((proof) => proof.id),
  );
  return proofs.earlierComments.some((proof) =>
    approved.some((row) => row.id === proof.id && row.guestSecretHash !== null && sameSecret(hashToken(proof.secret), row.guestSecretHash)),
  );
}
