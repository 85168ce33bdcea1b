/** Builds the JSON answer for one page of a page's thread, as GET /api/v1/threads sends it. */
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { ThreadSort, WireComment, WireThread } from '../../shared/wire.ts';
import { toWireComment } from '../comments/to-wire.ts';
import type { CommentRow } from '../store/schema.ts';
import type { ThreadView } from './thread-model.ts';

/** What the thread says about itself on every page: who it is, its count, likes, and whether it takes comments and votes. */
function head(site: string, page: WireThread['page'], sort: ThreadSort, settings: SiteSettings, model: ThreadView | null) {
  return {
    site,
    page,
    count: model?.count ?? 0,
    likes: model?.likes ?? 0,
    sort,
    ...(settings.votes === 'off' ? {} : { votes: settings.votes }),
    ...(model?.thread.locked ? { locked: true as const } : {}),
    ...(model?.closesAt ? { closesAt: model.closesAt } : {}),
    ...(model?.mentions.length ? { mentions: model.mentions } : {}),
  };
}

/** A page nobody has commented on or liked yet: an empty thread under the key asked for. */
export function emptyThreadJson(site: string, pageKey: string, sort: ThreadSort, settings: SiteSettings): string {
  const answer: WireThread = { ...head(site, { key: pageKey, url: null, title: null }, sort, settings, null), comments: [] };
  return JSON.stringify(answer);
}

/**
 * One page: `ids` in reading order, `rows` their stored comments (any order; a comment gone
 * since the model was read is left out), `next` the cursor of the following page.
 */
export function threadPageJson(
  model: ThreadView,
  sort: ThreadSort,
  ids: readonly number[],
  rows: readonly CommentRow[],
  next: number | undefined,
  hashKey: string,
): string {
  const { thread, settings } = model;
  const stored = new Map(rows.map((row) => [row.id, row]));
  const comments: WireComment[] = [];
  for (const id of ids) {
    const row = stored.get(id);
    // A removed comment kept as a placeholder shows as deleted, whatever it is stored as.
    if (row) comments.push(toWireComment({ ...row, status: model.byId.get(id)?.status ?? row.status }, hashKey, settings.votes));
  }
  const answer: WireThread = {
    // The thread's own key, whichever address (URL or imported id) reached it.
    ...head(thread.siteId, { key: thread.pageKey, url: thread.url, title: thread.title }, sort, settings, model),
    comments,
    ...(next === undefined ? {} : { next: String(next) }),
  };
  return JSON.stringify(answer);
}
