/** Builds the JSON answer for one page's thread, as GET /api/v1/threads sends it. */
import type { WireThread } from '../../shared/wire.ts';
import { toWireComment } from '../comments/to-wire.ts';
import type { Store } from '../store/index.ts';
import type { ThreadRow } from '../store/schema.ts';
import { closesAt } from '../comments/comment-rules.ts';
import { toWireMention } from '../webmention/to-wire-mention.ts';
import { visibleComments } from './visible-comments.ts';

/** `thread` is undefined for a page nobody has commented on or liked yet: an empty thread. */
export async function threadJson(
  store: Store,
  hashKey: string,
  siteId: string,
  pageKey: string,
  thread: ThreadRow | undefined,
): Promise<string> {
  const settings = await store.sites.settings(siteId);
  const rows = thread ? visibleComments(await store.comments.listForThread(thread.id), settings) : [];
  const closes = thread ? closesAt(thread, settings) : null;
  const mentions = thread ? await store.mentions.approvedForThread(thread.id) : [];
  const answer: WireThread = {
    site: siteId,
    // The thread's own key, whichever address (URL or imported id) reached it.
    page: { key: thread?.pageKey ?? pageKey, url: thread?.url ?? null, title: thread?.title ?? null },
    count: rows.filter((row) => row.status === 'approved').length,
    likes: thread ? await store.likes.count(thread.id) : 0,
    comments: rows.map((row) => toWireComment(row, hashKey)),
    ...(thread?.locked ? { locked: true } : {}),
    ...(closes ? { closesAt: closes } : {}),
    ...(mentions.length ? { mentions: mentions.map(toWireMention) } : {}),
  };
  return JSON.stringify(answer);
}
