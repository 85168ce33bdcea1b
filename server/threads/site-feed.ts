/** The Atom feed of a whole site's newest comments, on any of its pages (a blog's "Recent comments"). */
import { Feed } from 'feed';
import type { Store } from '../store/index.ts';
import type { SiteRow } from '../store/schema.ts';
import { commentEntry, FEED_ENTRIES } from './thread-feed.ts';

export interface SiteFeedRequest {
  now: Date;
  site: Pick<SiteRow, 'id' | 'name'>;
  selfUrl: string;
  publicUrl: string;
}

export async function siteFeed(store: Store, { now, site, selfUrl, publicUrl }: SiteFeedRequest): Promise<string> {
  const { showPingbacks } = await store.sites.settings(site.id);
  const recent = await store.listings.recent(site.id, FEED_ENTRIES, showPingbacks);
  const newest = recent[0]?.comment;
  const feed = new Feed({
    title: `Comments on ${site.name}`,
    id: selfUrl,
    link: publicUrl,
    updated: newest ? new Date(newest.editedAt ?? newest.createdAt) : now,
    generator: 'Riposte',
    feedLinks: { atom: selfUrl },
    copyright: '',
  });
  for (const { comment, thread } of recent) {
    const page = thread.title ?? thread.url ?? thread.pageKey;
    feed.addItem(commentEntry(comment, thread.url ?? publicUrl, site.id, publicUrl, `${comment.authorName} on ${page}`));
  }
  return feed.atom1();
}
