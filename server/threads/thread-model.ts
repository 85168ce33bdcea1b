/**
 * What every page of a thread shares, loaded once per version of the thread: the site's
 * settings, which comments readers see (light: no author, no text), the count, the likes and
 * the approved Webmentions.
 */
import { siteSettings, type SiteSettings } from '../../shared/site-settings.ts';
import { closesAt } from '../comments/comment-rules.ts';
import type { CommentOutline } from '../store/comments.ts';
import type { WireMention } from '../../shared/notifications.ts';
import type { Store } from '../store/index.ts';
import type { ThreadRow } from '../store/schema.ts';
import { toWireMention } from '../webmention/to-wire-mention.ts';
import { visibleComments } from './visible-comments.ts';

export interface ThreadModel {
  thread: ThreadRow;
  settings: SiteSettings;
  /** The visible comments, oldest first; removed ones kept as placeholders have status `deleted`. */
  rows: CommentOutline[];
  /** The same, by id. */
  byId: Map<number, CommentOutline>;
  /** Visible comments, not counting placeholders. */
  count: number;
  likes: number;
  /** When the thread stops taking comments under the site's closeAfterDays, or null. */
  closesAt: string | null;
  /** Other pages that answered this one (approved Webmentions), shown on every page of the thread. */
  mentions: WireMention[];
}

export async function loadThreadModel(store: Store, thread: ThreadRow): Promise<ThreadModel> {
  const settings = siteSettings((await store.sites.get(thread.siteId))?.settings);
  const rows = visibleComments(await store.comments.listOutlines(thread.id), settings);
  return {
    thread,
    settings,
    rows,
    byId: new Map(rows.map((row) => [row.id, row])),
    count: rows.reduce((n, row) => n + (row.status === 'approved' ? 1 : 0), 0),
    likes: await store.likes.count(thread.id),
    closesAt: closesAt(thread, settings),
    mentions: (await store.mentions.approvedForThread(thread.id)).map(toWireMention),
  };
}

/** Roughly what a model holds in memory, for the thread cache's bound. */
export function modelBytes(model: ThreadModel): number {
  return 1_000 + model.rows.length * 250 + model.mentions.length * 500;
}
