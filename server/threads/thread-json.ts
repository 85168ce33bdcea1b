/** Builds the JSON answer for one page of a page's thread, as GET /api/v1/threads sends it. */
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { ThreadSort, WireThread } from '../../shared/wire.ts';
import type { ThreadView } from './thread-model.ts';

/** What the thread says about itself on every page: who it is, its count, likes, and whether it takes comments and votes. */
function head(site: string, page: WireThread['page'], sort: ThreadSort, settings: SiteSettings, model: ThreadView | null) {
  return {
    site,
    page,
    count: model?.count ?? 0,
    likes: model?.likes ?? 0,
    version: model?.thread.version ?? 0,
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
 * One page: `ids` in reading order, `comments` the JSON of each (comment-json.ts; a comment
 * gone since the model was read is left out), `next` the cursor of the following page. The
 * same text as JSON.stringify of the whole answer, the comments' JSON spliced in as made.
 */
export function threadPageJson(
  model: ThreadView,
  sort: ThreadSort,
  ids: readonly number[],
  comments: ReadonlyMap<number, string>,
  next: number | undefined,
): string {
  const { thread, settings } = model;
  // The thread's own key, whichever address (URL or imported id) reached it.
  const top = JSON.stringify(head(thread.siteId, { key: thread.pageKey, url: thread.url, title: thread.title }, sort, settings, model));
  const shown: string[] = [];
  for (const id of ids) {
    const json = comments.get(id);
    if (json !== undefined) shown.push(json);
  }
  return `${top.slice(0, -1)},"comments":[${shown.join(',')}]${next === undefined ? '' : `,"next":${JSON.stringify(String(next))}`}}`;
}
