/**
 * The order readers see a thread in. Responses to the page come in the chosen order: oldest
 * first (the default), newest first, or best; pinned ones always first. Replies stay under
 * their parent in every order, pinned ones first, then in conversation order (oldest first),
 * so a back-and-forth reads as it happened. "Best" ranks by the lower bound of the Wilson
 * score interval for the share of upvotes (95%), so a comment with one early vote does not
 * outrank one that many readers voted up; with downvotes off it ranks by upvotes.
 */
import type { VoteMode } from '../../shared/moderation.ts';
import type { ThreadSort } from '../../shared/wire.ts';
import type { CommentRow } from '../store/schema.ts';

/** What ordering needs of a visible comment. */
export type OrderRow = Pick<CommentRow, 'id' | 'parentId' | 'status' | 'createdAt' | 'upvotes' | 'downvotes' | 'pinned'>;

export interface ThreadOrder {
  /** Every visible comment's id in reading order: each response to the page, then its replies, depth first. */
  ids: number[];
  /** Where each response to the page starts in `ids`, in order (so response i spans starts[i] to starts[i + 1]). */
  starts: number[];
}

/** z for a 95% confidence interval. */
const Z = 1.96;

/**
 * The lower bound of the Wilson score interval for the share of upvotes among `up + down`
 * votes (Evan Miller, "How Not To Sort By Average Rating"): 0 without votes, and close to
 * the share itself only once many readers voted.
 */
export function wilsonLowerBound(up: number, down: number): number {
  const n = up + down;
  if (n === 0) return 0;
  const p = up / n;
  const z2 = Z * Z;
  return (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}

export type Compare = (a: OrderRow, b: OrderRow) => number;

const byTime: Compare = (a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id);
const pinnedFirst =
  (then: Compare): Compare =>
  (a, b) =>
    Number(b.pinned) - Number(a.pinned) || then(a, b);

/** How replies to one comment compare, in every order: pinned first, then oldest first. */
export const replyOrder: Compare = pinnedFirst(byTime);

/** How responses to the page compare in each order; `votes` says which counts readers see. */
export function responseOrder(sort: ThreadSort, votes: VoteMode): Compare {
  if (sort === 'newest') return pinnedFirst((a, b) => byTime(b, a));
  if (sort === 'oldest' || votes === 'off') return pinnedFirst(byTime);
  // A placeholder's votes are not shown, so they do not count; downvotes only where they are shown.
  const score = (row: OrderRow) => (row.status === 'deleted' ? 0 : wilsonLowerBound(row.upvotes, votes === 'updown' ? row.downvotes : 0));
  const scores = new Map<OrderRow, number>();
  const scoreOf = (row: OrderRow) => scores.get(row) ?? scores.set(row, score(row)).get(row)!;
  return pinnedFirst((a, b) => scoreOf(b) - scoreOf(a) || byTime(a, b));
}

/**
 * Orders the visible comments of a thread. A reply whose parent is not among them (a hidden
 * pingback's reply) counts as a response to the page, as the widget draws it.
 */
export function orderThread(rows: readonly OrderRow[], sort: ThreadSort, votes: VoteMode): ThreadOrder {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const replies = new Map<number, OrderRow[]>();
  const responses: OrderRow[] = [];
  for (const row of rows) {
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    if (!parent) responses.push(row);
    else {
      const siblings = replies.get(parent.id);
      if (siblings) siblings.push(row);
      else replies.set(parent.id, [row]);
    }
  }
  responses.sort(responseOrder(sort, votes));
  for (const siblings of replies.values()) siblings.sort(replyOrder);

  const ids: number[] = [];
  const starts: number[] = [];
  for (const response of responses) {
    starts.push(ids.length);
    // Depth first without recursion: a chain thousands of replies deep must not overflow the stack.
    const stack = [response];
    while (stack.length) {
      const row = stack.pop()!;
      ids.push(row.id);
      const below = replies.get(row.id);
      if (below) for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!);
    }
  }
  return { ids, starts };
}

/**
 * How many comments each visible comment's part of the order spans (itself and its replies,
 * all the way down), read off any order of the thread: the same in every sort.
 */
export function subtreeSizes(order: ThreadOrder, byId: ReadonlyMap<number, OrderRow>): Map<number, number> {
  const { ids } = order;
  const sizes = new Map<number, number>();
  // The comments whose span is still open, as indices into ids: each one's ancestors below it.
  const open: number[] = [];
  const close = (end: number) => {
    const at = open.pop()!;
    sizes.set(ids[at]!, end - at);
  };
  for (let i = 0; i < ids.length; i++) {
    const parentId = byId.get(ids[i]!)?.parentId ?? null;
    const parent = parentId !== null && byId.has(parentId) ? parentId : null;
    while (open.length && ids[open.at(-1)!] !== parent) close(i);
    open.push(i);
  }
  while (open.length) close(ids.length);
  return sizes;
}
