/**
 * Brings a cached thread model up to date with a few comments' new outlines, in place and in
 * one synchronous step, without reading or sorting the whole thread: a new comment goes into
 * each held order where it belongs (a search among the responses, or among its parent's
 * replies); a pin moves the comment with its replies in every order, a vote moves a response
 * in the best order. Anything else (a comment removed, approved or held, moved, a parent not
 * known) works the visible comments out again from the outlines held, without a query. */
import type { CommentOutline } from '../store/comments.ts';
import type { ThreadRow } from '../store/schema.ts';
import { closesAt } from '../comments/comment-rules.ts';
import { deriveVisible, orderParent, rememberGone, type ThreadModel } from './thread-model.ts';
import { type Compare, replyOrder, responseOrder, type ThreadOrder } from './thread-order.ts';
import { responseAt, searchResponses } from './thread-pages.ts';

/** Ids spliced into an order at once. */
const SLICE = 10_000;

const same = (a: CommentOutline, b: CommentOutline, keys: readonly (keyof CommentOutline)[]) => keys.every((key) => a[key] === b[key]);
/** What places a comment in the thread and decides whether it shows. */
const PLACE: readonly (keyof CommentOutline)[] = ['parentId', 'status', 'kind', 'createdAt'];

/**
 * Puts `block` (a comment and its replies, in reading order; its first id is `row`'s) into one
 * order under `parent` (null: a response to the page, placed by `compare`; else among the
 * parent's replies); `lifted` when the block was lifted out of the parent's span (which its
 * size still counts). False if the order does not hold what it should.
 */
function place(
  model: ThreadModel,
  order: ThreadOrder,
  compare: Compare,
  row: CommentOutline,
  parent: number | null,
  block: number[],
  lifted: boolean,
): boolean {
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
    const end = parentAt + parentSize - (lifted ? block.length : 0);
    while (at < end) {
      const sibling = model.byId.get(ids[at]!);
      const span = sizes.get(ids[at]!);
      if (!sibling || span === undefined) return false;
      if (replyOrder(sibling, row) > 0) break;
      at += span;
    }
    response = responseAt(order, parentAt);
  }
  // In slices: a block of many thousand replies must not become as many arguments of one call.
  for (let i = 0; i < block.length; i += SLICE) ids.splice(at + i, 0, ...block.slice(i, i + SLICE));
  for (let i = response + 1; i < starts.length; i++) starts[i]! += block.length;
  return true;
}

/** Takes a comment and its replies out of one order (to be placed again); undefined if it is not where it should be. */
function lift(model: ThreadModel, order: ThreadOrder, id: number): number[] | undefined {
  const { ids, starts } = order;
  const at = ids.indexOf(id);
  const size = model.sizes!.get(id);
  if (at === -1 || size === undefined) return undefined;
  const response = responseAt(order, at);
  // A response goes with all its replies: its own start goes too.
  const whole = starts[response] === at;
  const block = ids.splice(at, size);
  if (whole) starts.splice(response, 1);
  for (let i = whole ? response : response + 1; i < starts.length; i++) starts[i]! -= size;
  return block;
}

/** Shows a new comment with no replies yet; false when it changes more than itself (then everything is worked out again). */
function addComment(model: ThreadModel, row: CommentOutline): boolean {
  const { settings } = model;
  const listed = (r: CommentOutline) => settings.showPingbacks || r.kind === 'comment';
  // A comment whose parent is missing may be waiting for this one.
  if (model.dangling) return false;
  // Not shown, and nothing hangs from it yet: only `all` changes.
  if (!listed(row) || row.status !== 'approved') return true;
  let parent: number | null = null;
  if (row.parentId !== null) {
    const stored = model.all.get(row.parentId);
    if (!stored) return false;
    // A listed parent not shown yet would now show as a placeholder.
    if (listed(stored) && !model.byId.has(stored.id)) return false;
    if (listed(stored)) parent = stored.id;
  }
  for (const [sort, order] of model.orders) {
    if (!place(model, order, responseOrder(sort, settings.votes), row, parent, [row.id], false)) return false;
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
  const row = { ...after, status: shown.status };
  model.byId.set(row.id, row);
  const pin = before.pinned !== after.pinned;
  const parent = orderParent(model, row);
  for (const [sort, order] of model.orders) {
    // A pin moves the comment among its siblings in every order; votes move only a response, in the best order.
    if (!pin && (sort !== 'best' || parent !== null)) continue;
    const block = lift(model, order, row.id);
    if (!block || !place(model, order, responseOrder(sort, model.settings.votes), row, parent, block, true)) return false;
  }
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
    model.wire.delete(id);
    const before = model.all.get(id);
    const after = found.get(id);
    if (before && after && same(before, after, [...PLACE, 'upvotes', 'downvotes', 'pinned'])) continue;
    // Once the visible comments are to be worked out whole, the rest only need `all`.
    if (!whole && !takeChange(model, before, after)) whole = true;
    if (after) model.all.set(id, after);
    else if (before) {
      model.all.delete(id);
      rememberGone(model, before);
    }
  }
  model.thread = thread;
  model.closesAt = closesAt(thread, model.settings);
  model.changing = true;
  if (whole) deriveVisible(model);
}
