/** Builds the reply tree the thread draws from the server's flat, oldest-first list. */
import type { WireComment } from '../shared/wire.ts';

/** Replies deeper than this are drawn at this indentation and marked "in reply to NAME". */
export const MAX_INDENT_DEPTH = 4;

export interface CommentNode {
  comment: WireComment;
  /** Indentation level: 0 for a response to the page, never more than the cap. */
  depth: number;
  /**
   * The parent's author when the indentation no longer shows who is answered whom
   * (the reply is deeper than the cap); null otherwise. Empty string for a deleted parent.
   */
  replyTo: string | null;
  /** The parent's id when `replyTo` is set, for an "in reply to" link. */
  replyToId: number | null;
  replies: CommentNode[];
}

/**
 * Nests comments under their parents, keeping the server's order among siblings.
 * A node at the deepest indentation carries all its descendants as one flat list
 * (conversation order, each marked "in reply to NAME"), so a long back-and-forth
 * stays next to where it started instead of walking off the right edge of a phone.
 * A reply whose parent is missing from the list (hidden or unknown) is shown at the top level.
 */
export function buildTree(comments: readonly WireComment[], maxDepth: number = MAX_INDENT_DEPTH): CommentNode[] {
  const roots: CommentNode[] = [];
  const nodes = new Map<number, CommentNode>();
  // For a capped node, the flat list its descendants join, so a chain of replies stays together.
  const flatLists = new Map<number, CommentNode[]>();
  for (const comment of comments) {
    const parent = comment.parentId === null ? undefined : nodes.get(comment.parentId);
    if (!parent) {
      const node = newNode(comment, 0, null, null);
      nodes.set(comment.id, node);
      roots.push(node);
      if (maxDepth === 0) flatLists.set(comment.id, node.replies);
      continue;
    }
    const beyondCap = parent.depth >= maxDepth;
    const node = beyondCap
      ? newNode(comment, maxDepth, parent.comment.author.name, parent.comment.id)
      : newNode(comment, parent.depth + 1, null, null);
    nodes.set(comment.id, node);
    const list = beyondCap ? flatLists.get(parent.comment.id) : parent.replies;
    if (!list) continue; // unreachable: every capped node registered its list
    insertAfterChain(list, node, parent.comment.id, nodes);
    if (node.depth === maxDepth) flatLists.set(comment.id, beyondCap ? list : node.replies);
  }
  return roots;
}

function newNode(comment: WireComment, depth: number, replyTo: string | null, replyToId: number | null): CommentNode {
  return { comment, depth, replyTo, replyToId, replies: [] };
}

/**
 * In a flat list, a reply goes after the last entry that descends from its parent,
 * so "A, reply to A, reply to that" reads in conversation order. In a nested list the
 * parent's own replies all descend from it, so this is a plain append.
 */
function insertAfterChain(list: CommentNode[], node: CommentNode, parentId: number, nodes: Map<number, CommentNode>): void {
  let at = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (descendsFrom(list[i], parentId, nodes)) {
      at = i;
      break;
    }
  }
  if (at === -1 || at === list.length - 1) list.push(node);
  else list.splice(at + 1, 0, node);
}

function descendsFrom(node: CommentNode, ancestorId: number, nodes: Map<number, CommentNode>): boolean {
  let current: CommentNode | undefined = node;
  while (current) {
    if (current.comment.id === ancestorId) return true;
    const parentId: number | null = current.comment.parentId;
    current = parentId === null ? undefined : nodes.get(parentId);
  }
  return false;
}

/** The node's comment and all its replies, however deep (counted without recursion: a flattened chain may be long). */
export function subtreeSize(node: CommentNode): number {
  let n = 0;
  const stack = [node];
  while (stack.length) {
    n++;
    stack.push(...stack.pop()!.replies);
  }
  return n;
}
