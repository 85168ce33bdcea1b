/**
 * A page's cursor read against the thread as it is now. A cursor names the last response of the
 * page before; when that response is no longer shown (moderated, deleted, erased), the next page
 * starts where it would have been: at the first shown response that sorts after it in the order
 * asked for, placed by the order's own rules from its outline (the thread model keeps the outlines
 * of hidden comments, and of those erased while it was held). A comment erased before the model
 * knew it is placed by its id: ids are given in posting order, so it sorts as if posted with the
 * comment just before it, with no votes. The answer is the cursor of a shown response (or none,
 * the first page), so every cursor leading to one page shares that page's cache entry.
 */
import type { ThreadSort } from '../../shared/wire.ts';
import type { CommentOutline } from '../store/comments.ts';
import type { CommentRow } from '../store/schema.ts';
import { orderParent, type ThreadModel } from './thread-model.ts';
import { responseOrder, type ThreadOrder } from './thread-order.ts';
import { searchResponses } from './thread-pages.ts';

/** What the store holds under a cursor the model does not know: a comment (of any thread), or none. */
export type StoredCursor = (CommentOutline & Pick<CommentRow, 'threadId'>) | undefined;

/** The outline the model holds of comment `id`, shown, hidden or gone. */
const held = (model: ThreadModel, id: number): CommentOutline | undefined => model.byId.get(id) ?? model.all.get(id) ?? model.gone.get(id);

/** Whether the store must be asked about the cursor: the model holds nothing of it. */
export function cursorUnknown(model: ThreadModel, cursor: number | undefined): cursor is number {
  return cursor !== undefined && !held(model, cursor);
}

/**
 * Comment `id`, which no comment of any thread has now, as if posted right after the thread's
 * comment with the id just below it; undefined unless the thread holds comments with ids on both
 * sides of it (an id past either end never was one of its comments, or it could not have led on).
 */
function placedById(model: ThreadModel, id: number): CommentOutline | undefined {
  let before: CommentOutline | undefined;
  let later = false;
  // One pass over what the model holds, without copying it: anyone may send a made-up cursor.
  for (const outlines of [model.all, model.gone]) {
    for (const row of outlines.values()) {
      if (row.id < id && (!before || row.id > before.id)) before = row;
      else if (row.id > id) later = true;
    }
  }
  if (!before || !later) return undefined;
  return { id, parentId: null, status: 'approved', kind: 'comment', createdAt: before.createdAt, upvotes: 0, downvotes: 0, pinned: false };
}

/**
 * The cursor that leads to the page after `cursor` in `order` (the thread in `sort`) now: itself
 * while it names a shown response; else the shown response that sorts last before where it was,
 * or null when none does (the first page). Undefined when it never was a comment of this thread.
 * `stored` is what the store holds under the cursor, asked only when `cursorUnknown`.
 */
export function liveCursor(
  model: ThreadModel,
  order: ThreadOrder,
  sort: ThreadSort,
  cursor: number,
  stored: StoredCursor,
): number | null | undefined {
  const shown = model.byId.get(cursor);
  if (shown && orderParent(model, shown) === null) return cursor;
  const fromStore = stored?.threadId === model.thread.id ? stored : undefined;
  const row = held(model, cursor) ?? fromStore ?? (stored ? undefined : placedById(model, cursor));
  if (!row) return undefined;
  // It was shown as a response when its cursor was given: place it so, with its votes, wherever it hangs now.
  const at = searchResponses(order, model.byId, responseOrder(sort, model.settings.votes), { ...row, status: 'approved' });
  return at === 0 ? null : order.ids[order.starts[at - 1]!]!;
}
