/**
 * Long runs of replies fold: under any comment (and in a flattened chain past the deepest
 * indentation) the first FOLD replies show, then "Show N more replies" for the rest, so a
 * response with hundreds of answers costs a few elements until the reader asks. A permalink
 * to a folded reply unfolds what hides it (thread-reading.ts).
 */
import { type CommentNode, subtreeSize } from './tree.ts';

/** Replies shown before the rest fold. */
export const FOLD = 3;

export interface ShownReplies {
  shown: CommentNode[];
  /** Comments hidden behind "Show N more replies" (the folded replies and everything under them). */
  hidden: number;
}

/** The replies drawn under `node`: all when unfolded or when folding would hide just one, else the first FOLD. */
export function shownReplies(node: CommentNode, unfolded: ReadonlySet<number>): ShownReplies {
  const { replies } = node;
  if (replies.length <= FOLD + 1 || unfolded.has(node.comment.id)) return { shown: replies, hidden: 0 };
  const folded = replies.slice(FOLD);
  return { shown: replies.slice(0, FOLD), hidden: folded.reduce((n, reply) => n + subtreeSize(reply), 0) };
}
