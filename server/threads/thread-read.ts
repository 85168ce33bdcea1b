/**
 * Reading one page of a page's thread: the thread's model with its order in the sort asked
 * for (brought up to date change by change) and the page's serialised answer, from the thread
 * cache at the thread's version (built once per version when a reader asks), so a read is
 * about as cheap as sending bytes from memory and a write costs the pages read after it and
 * the few comments it changed, not the whole thread.
 */
import { siteSettings } from '../../shared/site-settings.ts';
import type { ThreadSort } from '../../shared/wire.ts';
import type { AppDeps } from '../http/app-env.ts';
import { type EncodedBody, encodedBody, heldBytes } from '../http/encoded-body.ts';
import { RiposteError } from '../http/errors.ts';
import type { SiteRow } from '../store/schema.ts';
import { commentsJson } from './comment-json.ts';
import { emptyThreadJson, threadPageJson } from './thread-json.ts';
import { orderOf, viewOf } from './thread-model.ts';
import { threadModel } from './thread-model-cache.ts';
import { cursorUnknown, liveCursor } from './thread-cursor.ts';
import { cursorOfPageHolding, nextCursor, pageFrom, pageIds, startAfter } from './thread-pages.ts';

export interface PageQuery {
  pageKey: string;
  sort: ThreadSort;
  /** The `next` of the page before; none for the first page. */
  cursor?: number | undefined;
  /** Instead of a cursor: the page that holds this comment (the first page if the thread does not show it). */
  comment?: number | undefined;
}

const json = (text: string): EncodedBody => encodedBody(new TextEncoder().encode(text), 'fast');
/** The identity bytes, and room for the compressed forms made on demand. */

export async function readThreadPage(
  deps: Pick<AppDeps, 'store' | 'hashKey' | 'threadCache'>,
  site: SiteRow,
  query: PageQuery,
): Promise<EncodedBody> {
  const { store, hashKey, threadCache: cache } = deps;
  const { sort } = query;
  const thread = await store.threads.find(site.id, query.pageKey);
  // Pages without a thread are not cached: made-up page keys must not push real threads out.
  if (!thread) return json(emptyThreadJson(site.id, query.pageKey, sort, siteSettings(site.settings)));

  const model = await threadModel(deps, thread);
  // A cursor the model knows nothing of: perhaps another thread's comment, perhaps one erased before the model was read.
  const asked = query.comment === undefined ? query.cursor : undefined;
  const stored = cursorUnknown(model, asked) ? await store.comments.get(asked) : undefined;
  // From here to the page's first await, the model is read as it is now (it may change meanwhile).
  const order = orderOf(model, sort);
  const cursor =
    query.comment !== undefined
      ? (cursorOfPageHolding(order, query.comment) ?? null)
      : asked === undefined
        ? null
        : liveCursor(model, order, sort, asked, stored);
  if (cursor === undefined) {
    throw new RiposteError(404, 'not_found', 'The cursor names no comment of this thread; load the comments again from the first page.');
  }
  return cache.part(
    thread,
    `json:${sort}:${cursor ?? ''}`,
    async () => {
      // The cursor names a shown response of this very order: it was read in the same synchronous step.
      const first = startAfter(order, cursor ?? undefined)!;
      const span = pageFrom(order, first);
      const ids = pageIds(order, span);
      const view = viewOf(model, ids);
      const next = nextCursor(order, span);
      const comments = await commentsJson(store, hashKey, model, view, ids);
      cache.grew(thread, 'model', model, comments.kept);
      return json(threadPageJson(view, sort, ids, comments.json, next));
    },
    heldBytes,
  );
}
