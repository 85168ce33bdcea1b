/**
 * Long runs of replies fold: under any comment (and in a flattened chain past the deepest
 * indentation) the first FOLD replies show, then "Show N more replies" for the rest, so a
 * response with hundreds of answers costs a few elements until the reader asks. A permalink
 * to a folded reply unfolds what hides it.
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

/** The nodes from a response to the page down to the comment, as the tree nests them; null if it is not there. */
export function pathTo(tree: readonly CommentNode[], id: number): CommentNode[] | null {
  // Depth first without recursion: a flattened chain can hold thousands of replies.
  const stack: { node: CommentNode; path: CommentNode[] }[] = tree.map((node) => ({ node, path: [node] }));
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node.comment.id === id) return path;
    for (const reply of node.replies) stack.push({ node: reply, path: [...path, reply] });
  }
  return null;
}

/** The comments whose replies must unfold for `id` to be drawn. */
export function unfoldFor(tree: readonly CommentNode[], id: number): number[] {
  const path = pathTo(tree, id);
  if (!path) return [];
  const ids: number[] = [];
  for (let i = 0; i < path.length - 1; i++) {
    const parent = path[i]!;
    if (!shownReplies(parent, new Set()).shown.includes(path[i + 1]!)) ids.push(parent.comment.id);
  }
  return ids;
}
