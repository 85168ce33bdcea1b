/**
 * Pages of an ordered thread: a run of responses to the page, each with all its replies, so a
 * thread of 10,000 comments is read (and drawn) a page at a time. A page holds up to
 * PAGE_RESPONSES responses and stops once it holds PAGE_COMMENTS comments (always at least one
 * response, however many replies it has). The next page starts after the last response of the
 * one before, named by the cursor; the page that holds a comment is found by walking the pages
 * from the first, so a permalink asks for exactly the page "Show more comments" would.
 */
import type { Compare, OrderRow, ThreadOrder } from './thread-order.ts';

export const PAGE_RESPONSES = 20;
export const PAGE_COMMENTS = 100;

/** Responses `first` up to (not including) `end`, by their index in `ThreadOrder.starts`. */
export interface PageSpan {
  first: number;
  end: number;
}

/** Comments in response i with its replies. */
function size(order: ThreadOrder, i: number): number {
  return (order.starts[i + 1] ?? order.ids.length) - order.starts[i]!;
}

/** The page that starts at response `first`. */
export function pageFrom(order: ThreadOrder, first: number): PageSpan {
  let end = first;
  let comments = 0;
  while (end < order.starts.length && end - first < PAGE_RESPONSES && (end === first || comments < PAGE_COMMENTS)) {
    comments += size(order, end++);
  }
  return { first, end };
}

/** The ids of the page's comments, in reading order. */
export function pageIds(order: ThreadOrder, { first, end }: PageSpan): number[] {
  return order.ids.slice(order.starts[first] ?? order.ids.length, order.starts[end] ?? order.ids.length);
}

/** The cursor of the page after this one (the id of its last response), or undefined at the end. */
export function nextCursor(order: ThreadOrder, { end }: PageSpan): number | undefined {
  return end < order.starts.length ? order.ids[order.starts[end - 1]!] : undefined;
}

/**
 * Where the page after `cursor` starts: the index of the response after the one named, 0
 * without a cursor, or undefined when the cursor is not a shown response of this thread
 * (thread-cursor.ts finds which one leads on from a cursor whose response is hidden or gone).
 */
export function startAfter(order: ThreadOrder, cursor: number | undefined): number | undefined {
  if (cursor === undefined) return 0;
  const i = order.starts.findIndex((start) => order.ids[start] === cursor);
  return i === -1 ? undefined : i + 1;
}

/**
 * Where among the order's responses (ascending by `compare`, as the order sorted them) `row` goes:
 * the index of the first one after it. `row` need not be shown (a new comment, or one gone).
 */
export function searchResponses(order: ThreadOrder, byId: ReadonlyMap<number, OrderRow>, compare: Compare, row: OrderRow): number {
  let low = 0;
  let high = order.starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(byId.get(order.ids[order.starts[mid]!]!)!, row) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The response whose span holds index `at` of the order: the last one starting at or before it. */
export function responseAt(order: ThreadOrder, at: number): number {
  let low = 0;
  let high = order.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (order.starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The cursor of the page that holds the comment (null: the first page), or undefined when the
 * comment is not shown in the thread.
 */
export function cursorOfPageHolding(order: ThreadOrder, commentId: number): number | null | undefined {
  const at = order.ids.indexOf(commentId);
  if (at === -1) return undefined;
  const response = responseAt(order, at);
  let page = pageFrom(order, 0);
  while (page.end <= response) page = pageFrom(order, page.end);
  return page.first === 0 ? null : order.ids[order.starts[page.first - 1]!]!;
}
