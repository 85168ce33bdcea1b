/** Queries about readers' votes on comments (the counts on comments are kept by triggers). */
import { and, eq } from 'drizzle-orm';
import { first, type Executor } from './executor.ts';
import { comments, commentVotes } from './schema.ts';

/** +1 up, -1 down. */
export type VoteValue = 1 | -1;

export function voteQueries(x: Executor) {
  return {
    /**
     * Sets (value ±1) or takes back (0) one voter's vote on a comment; returns the comment's
     * counts after it, read in the same transaction.
     */
    set(commentId: number, voter: string, value: VoteValue | 0, at: string): Promise<{ up: number; down: number }> {
      return x.write(async (db) => {
        const mine = and(eq(commentVotes.commentId, commentId), eq(commentVotes.voter, voter));
        if (value === 0) await db.delete(commentVotes).where(mine);
        else
          await db
            .insert(commentVotes)
            .values({ commentId, voter, value, createdAt: at })
            // Changing one's mind keeps the first vote's time: the row is the same vote, turned.
            .onConflictDoUpdate({ target: [commentVotes.commentId, commentVotes.voter], set: { value } });
        const counts = first(
          await db.select({ up: comments.upvotes, down: comments.downvotes }).from(comments).where(eq(comments.id, commentId)),
        );
        return counts ?? { up: 0, down: 0 };
      });
    },
    /** The voter's votes on the thread's comments, as comment id → value. */
    async ofVoter(threadId: number, voter: string): Promise<Map<number, VoteValue>> {
      const rows = await x.read
        .select({ id: commentVotes.commentId, value: commentVotes.value })
        .from(commentVotes)
        .innerJoin(comments, eq(comments.id, commentVotes.commentId))
        .where(and(eq(commentVotes.voter, voter), eq(comments.threadId, threadId)));
      return new Map(rows.map((row) => [row.id, row.value > 0 ? 1 : -1]));
    },
  };
}
