/**
 * Brings a cached thread model up to date with a few comments' new outlines, in place and in
 * one synchronous step, at a cost that does not grow with the thread: a new comment goes into
 * each held order where it belongs (a search among the responses, or among its parent's
 * replies); a vote or a pin changes its outline and drops the orders it can move. Anything
 * else (a comment removed, approved or held, moved, a parent not known) works the visible
 * comments out again from the outlines held, without reading the thread again.
 */
import type { CommentOutline } from '../store/comments.ts';
import type { ThreadRow } from '../store/schema.ts';
import { closesAt } from '../comments/comment-rules.ts';
import { deriveVisible, type ThreadModel } from './thread-model.ts';
import { type Compare, replyOrder, responseOrder, type ThreadOrder } from './thread-order.ts';

const same = (a: CommentOutline, b: CommentOutline, keys: readonly (keyof CommentOutline)[]) => keys.every((key) => a[key] === b[key]);
/** What places a comment in the thread and decides whether it shows. */
const PLACE: readonly (keyof CommentOutline)[] = ['parentId', 'status', 'kind', 'createdAt'];

/** Where in `sorted` (ascending by `compare`) `row` goes: the index of the first one after it. */
function searchResponses(order: ThreadOrder, byId: ThreadModel['byId'], compare: Compare, row: CommentOutline): number {
  let low = 0;
  let high = order.starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(byId.get(order.ids[order.starts[mid]!]!)!, row) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Puts a new visible comment with no replies into one order; false if the order does not hold what it should. */
function insertLeaf(model: ThreadModel, order: ThreadOrder, compare: Compare, row: CommentOutline, parent: number | null): boolean {
  const { ids, starts } = order;
  const sizes = model.sizes!;
  let at: number;
  let response: number;
  if (parent === null) {
    response = searchResponses(order, model.byId, compare, row);
    at = starts[response] ?? ids.length;
    starts.splice(response, 0, at);
  } else {
    const parentAt = ids.indexOf(parent);
    const parentSize = sizes.get(parent);
    if (parentAt === -1 || parentSize === undefined) return false;
    // Past the parent's replies that come before it, each with all of its own.
    at = parentAt + 1;
    while (at < parentAt + parentSize) {
      const sibling = model.byId.get(ids[at]!);
      const span = sizes.get(ids[at]!);
      if (!sibling || span === undefined) return false;
      if (replyOrder(sibling, row) > 0) break;
      at += span;
    }
    // The response whose span holds the parent: the last one starting at or before it.
    response = starts.length - 1;
    while (response > 0 && starts[response]! > parentAt) response--;
  }
  ids.splice(at, 0, row.id);
  for (let i = response + 1; i < starts.length; i++) starts[i]!++;
  return true;
}

/** Shows a new comment with no replies yet; false when it changes more than itself (then everything is worked out again). */
function addComment(model: ThreadModel, row: CommentOutline): boolean {
  const { settings } = model;
  const listed = (r: CommentOutline) => settings.showPingbacks || r.kind === 'comment';
  // Not shown, and nothing hangs from it yet: only `all` changes.
  if (!listed(row) || row.status !== 'approved') return true;
  let parent: number | null = null;
  if (row.parentId !== null) {
    const stored = model.all.get(row.parentId);
    if (!stored || model.dangling) return false;
    // A listed parent not shown yet would now show as a placeholder.
    if (listed(stored) && !model.byId.has(stored.id)) return false;
    if (listed(stored)) parent = stored.id;
  }
  for (const [sort, order] of model.orders) {
    if (!insertLeaf(model, order, responseOrder(sort, settings.votes), row, parent)) return false;
  }
  model.byId.set(row.id, row);
  model.count++;
  if (model.sizes) {
    model.sizes.set(row.id, 1);
    for (let up = parent; up !== null; ) {
      model.sizes.set(up, (model.sizes.get(up) ?? 0) + 1);
      const above = model.byId.get(up)?.parentId ?? null;
      up = above !== null && model.byId.has(above) ? above : null;
    }
  }
  return true;
}

/** Takes one comment's new outline (undefined: gone from the thread); false when everything must be worked out again. */
function takeChange(model: ThreadModel, before: CommentOutline | undefined, after: CommentOutline | undefined): boolean {
  if (!before) return after ? addComment(model, after) : true;
  if (!after || !same(before, after, PLACE)) return false;
  const shown = model.byId.get(after.id);
  if (!shown) return true;
  model.byId.set(after.id, { ...after, status: shown.status });
  if (before.pinned !== after.pinned) {
    model.orders.clear();
    model.sizes = undefined;
  } else if (before.upvotes !== after.upvotes || before.downvotes !== after.downvotes) model.orders.delete('best');
  return true;
}

/**
 * Brings the model to `thread` (read in the same snapshot as `outlines`): `ids` are the
 * comments changed since the model's version, `outlines` those of them still in the thread.
 */
export function catchUp(model: ThreadModel, thread: ThreadRow, ids: readonly number[], outlines: readonly CommentOutline[]): void {
  const found = new Map(outlines.map((row) => [row.id, row]));
  let whole = false;
  // Oldest first, so a reply's parent is taken before the reply.
  for (const id of [...ids].sort((a, b) => a - b)) {
    const before = model.all.get(id);
    const after = found.get(id);
    if (before && after && same(before, after, [...PLACE, 'upvotes', 'downvotes', 'pinned'])) continue;
    // Once the visible comments are to be worked out whole, the rest only need `all`.
    if (!whole && !takeChange(model, before, after)) whole = true;
    if (after) model.all.set(id, after);
    else model.all.delete(id);
  }
  model.thread = thread;
  model.closesAt = closesAt(thread, model.settings);
  if (whole) deriveVisible(model);
}
