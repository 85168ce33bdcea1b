/** One page's thread as the HTML fragment (thread-html.ts), read from the store in the language asked for. */
import { toWireComment } from '../comments/to-wire.ts';
import type { Store } from '../store/index.ts';
import type { ThreadRow } from '../store/schema.ts';
import { orderThread } from '../threads/thread-order.ts';
import { visibleComments } from '../threads/visible-comments.ts';
import { threadHtml } from './thread-html.ts';
import { threadWords } from './thread-words.ts';

export interface PageThreadRequest {
  siteId: string;
  pageKey: string;
  /** Undefined for a page nobody has commented on yet: an empty thread. */
  thread: ThreadRow | undefined;
  /** A language tag; the nearest catalogue is used, else English. */
  lang: string | undefined;
  /** The server's public address, for the feed link. */
  publicUrl: string;
}

export async function pageThreadHtml(store: Store, hashKey: string, request: PageThreadRequest): Promise<string> {
  const { siteId, pageKey, thread } = request;
  const settings = await store.sites.settings(siteId);
  const rows = thread ? visibleComments(await store.comments.listForThread(thread.id), settings) : [];
  // The thread's default order, as the JSON thread's (GET /threads, sort oldest): pinned comments
  // first among their siblings, so the widget taking this markup over moves nothing.
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = orderThread(rows, 'oldest', settings.votes).ids.map((id) => byId.get(id)!);
  const { lang, t } = await threadWords(request.lang);
  const key = thread?.pageKey ?? pageKey;
  return threadHtml({
    comments: ordered.map((row) => toWireComment(row, hashKey, settings.votes)),
    count: rows.filter((row) => row.status === 'approved').length,
    // Links go to web pages only (an imported thread's address came from another system's file).
    pageUrl: thread?.url && /^https?:\/\//i.test(thread.url) ? thread.url : null,
    votes: settings.votes,
    feedUrl: `${request.publicUrl}/feeds/thread.atom?${new URLSearchParams({ site: siteId, page: key })}`,
    lang,
    t,
  });
}
