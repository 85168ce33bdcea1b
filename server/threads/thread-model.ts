/**
 * What every page of a thread shares, loaded once and then kept up to date change by change
 * (thread-catch-up.ts): the site's settings, every comment's outline (no author, no text), which
 * of them readers see, the count, the likes, the approved Webmentions, and the thread's order
 * in each sort asked for. A model is changed in place, each change whole in one synchronous
 * step, so whoever reads it takes what they need before their next await (viewOf).
 */
import { siteSettings, type SiteSettings } from '../../shared/site-settings.ts';
import type { CommentStatus, ThreadSort } from '../../shared/wire.ts';
import { closesAt } from '../comments/comment-rules.ts';
import type { CommentOutline } from '../store/comments.ts';
import type { WireMention } from '../../shared/notifications.ts';
import type { Store } from '../store/index.ts';
import type { ThreadRow } from '../store/schema.ts';
import { toWireMention } from '../webmention/to-wire-mention.ts';
import { orderThread, subtreeSizes, type ThreadOrder } from './thread-order.ts';
import { visibleComments } from './visible-comments.ts';

/** What a page's answer needs of the model, taken at one moment. */
export interface ThreadView {
  /** The thread row the model is at (its version or a later one). */
  thread: ThreadRow;
  settings: SiteSettings;
  /** The visible comments by id; removed ones kept as placeholders have status `deleted`. */
  byId: Map<number, CommentOutline>;
  /** Visible comments, not counting placeholders. */
  count: number;
  likes: number;
  /** When the thread stops taking comments under the site's closeAfterDays, or null. */
  closesAt: string | null;
  /** Other pages that answered this one (approved Webmentions), shown on every page of the thread. */
  mentions: WireMention[];
}

export interface ThreadModel extends ThreadView {
  /** Every comment of the thread, whatever its status or kind: what visibility is worked out from. */
  all: Map<number, CommentOutline>;
  /**
   * Outlines of comments removed from the thread for good (erased) while a model of it was
   * held, the latest GONE_KEPT: a reader's cursor may still name one (thread-cursor.ts).
   */
  gone: Map<number, CommentOutline>;
  /** Some comment's parent is not in the thread (removed for good, or not read yet): changes are worked out whole. */
  dangling: boolean;
  /** The thread in each sort asked for since the last change that reorders it. */
  orders: Map<ThreadSort, ThreadOrder>;
  /** Each visible comment's span in the orders (itself and its replies); kept while `orders` holds any. */
  sizes: Map<number, number> | undefined;
  /**
   * The JSON of comments pages have sent, with the status it shows (comment-json.ts): good
   * until the comment changes (catch-up drops it) or shows another status. Kept only once the
   * thread is `changing`.
   */
  wire: Map<number, { status: CommentStatus; json: string }>;
  /**
   * The thread changed while this model (or one it replaced) was held: its pages are made again
   * after writes, so the JSON of their comments is worth keeping. A thread only read keeps none:
   * its pages' bytes are cached already, and at a million comments that second copy of every
   * read thread's JSON cost about a fifth of the young generation's collection time.
   */
  changing: boolean;
}

/** Comments removed for good that a model remembers, for cursors that name them. */
const GONE_KEPT = 1_000;

/** Remembers a comment removed from the thread for good (its outline as last held), forgetting the oldest beyond GONE_KEPT. */
export function rememberGone(model: ThreadModel, row: CommentOutline): void {
  model.gone.set(row.id, row);
  if (model.gone.size > GONE_KEPT) model.gone.delete(model.gone.keys().next().value!);
}

/** The comment's parent in the orders: its parent if shown, else none (it counts as a response to the page). */
export const orderParent = (model: Pick<ThreadView, 'byId'>, row: CommentOutline): number | null =>
  row.parentId !== null && model.byId.has(row.parentId) ? row.parentId : null;

/** Works out from `all` which comments show, the count and whether any parent is missing; orders are made again when asked for. */
export function deriveVisible(model: ThreadModel): void {
  const all = [...model.all.values()];
  const rows = visibleComments(all, model.settings);
  model.byId = new Map(rows.map((row) => [row.id, row]));
  model.count = rows.reduce((n, row) => n + (row.status === 'approved' ? 1 : 0), 0);
  model.dangling = all.some((row) => row.parentId !== null && !model.all.has(row.parentId));
  model.orders.clear();
  model.sizes = undefined;
}

/** Reads the thread whole: its comments' outlines, its site's settings, likes and mentions. */
export async function loadThreadModel(store: Store, thread: ThreadRow): Promise<ThreadModel> {
  const settings = siteSettings((await store.sites.get(thread.siteId))?.settings);
  const outlines = await store.comments.listOutlines(thread.id);
  const model: ThreadModel = {
    thread,
    settings,
    all: new Map(outlines.map((row) => [row.id, row])),
    gone: new Map(),
    byId: new Map(),
    count: 0,
    dangling: false,
    likes: await store.likes.count(thread.id),
    closesAt: closesAt(thread, settings),
    mentions: (await store.mentions.approvedForThread(thread.id)).map(toWireMention),
    orders: new Map(),
    sizes: undefined,
    wire: new Map(),
    changing: false,
  };
  deriveVisible(model);
  return model;
}

/** The thread's order in `sort`, made from the visible comments when no change has kept it up to date. */
export function orderOf(model: ThreadModel, sort: ThreadSort): ThreadOrder {
  let order = model.orders.get(sort);
  if (!order) {
    order = orderThread([...model.byId.values()], sort, model.settings.votes);
    model.orders.set(sort, order);
    model.sizes ??= subtreeSizes(order, model.byId);
  }
  return order;
}

/** What a page of these comments needs of the model now, kept apart from later changes to it. */
export function viewOf(model: ThreadModel, ids: readonly number[]): ThreadView {
  const byId = new Map<number, CommentOutline>();
  for (const id of ids) {
    const row = model.byId.get(id);
    if (row) byId.set(id, row);
  }
  const { thread, settings, count, likes, closesAt, mentions } = model;
  return { thread, settings, byId, count, likes, closesAt, mentions };
}

/** Roughly what a model holds in memory, for the thread cache's bound. */
export function modelBytes(model: ThreadModel): number {
  let orders = 0;
  for (const order of model.orders.values()) orders += order.ids.length + order.starts.length;
  let wire = 0;
  for (const { json } of model.wire.values()) wire += 50 + json.length * 2;
  return 1_000 + (model.all.size + model.gone.size) * 250 + model.byId.size * 40 + orders * 12 + wire + model.mentions.length * 500;
}
