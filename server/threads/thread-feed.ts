/** The Atom feed of one page's comments ("Subscribe to comments with RSS"). */
import { Feed } from 'feed';
import type { Store } from '../store/index.ts';
import { visibleComments } from './visible-comments.ts';

/** Text as HTML that shows it as it is (for the fields the feed declares as HTML). */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The feed library writes HTML fields as CDATA and ends the section at the first "]]>" inside
 * only: in HTML, `>` may as well be `&gt;`, so no "]]>" is left to end it early.
 */
const cdataSafe = (html: string) => html.replaceAll(']]>', ']]&gt;');

/** Feeds carry the newest comments; older ones stay on the page. */
const FEED_ENTRIES = 50;

export interface FeedRequest {
  now: Date;
  siteId: string;
  pageKey: string;
  selfUrl: string;
  publicUrl: string;
}

export async function threadFeed(store: Store, { now, siteId, pageKey, selfUrl, publicUrl }: FeedRequest): Promise<string> {
  const thread = await store.threads.find(siteId, pageKey);
  const rows = thread
    ? visibleComments(await store.comments.listForThread(thread.id), await store.sites.settings(siteId)).filter(
        (r) => r.status === 'approved',
      )
    : [];
  const pageUrl = thread?.url ?? publicUrl;
  const title = thread?.title ?? pageKey;
  const newest = rows.slice(-FEED_ENTRIES).reverse();
  const lastChange = newest[0]?.createdAt ?? thread?.createdAt;
  const feed = new Feed({
    title: `Comments on ${title}`,
    id: selfUrl,
    link: pageUrl,
    // A thread nobody has commented on yet was, as far as a feed reader can tell, updated now.
    updated: lastChange ? new Date(lastChange) : now,
    generator: 'Riposte',
    feedLinks: { atom: selfUrl },
    copyright: '',
  });
  for (const row of newest) {
    const link = `${pageUrl}#comment-${row.id}`;
    feed.addItem({
      // Declared as HTML by the feed library (and read so by feed readers): the name is text.
      title: escapeHtml(`Comment by ${row.authorName}`),
      // Not the link: a page's address can change (that is what page-id is for), an entry's id must not.
      id: `tag:${new URL(publicUrl).host},2026:${siteId}/comment/${row.id}`,
      link,
      date: new Date(row.editedAt ?? row.createdAt),
      published: new Date(row.createdAt),
      content: cdataSafe(row.bodyHtml),
      author: [{ name: row.authorName, ...(row.authorWebsite ? { link: row.authorWebsite } : {}) }],
    });
  }
  return feed.atom1();
}
