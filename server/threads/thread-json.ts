/** Builds the JSON answer for one page's thread, as GET /api/v1/threads sends it. */
import type { WireThread } from '../../shared/wire.ts';
import { toWireComment } from '../comments/to-wire.ts';
import type { Store } from '../store/index.ts';
import { visibleComments } from './visible-comments.ts';

export function threadJson(store: Store, hashKey: string, siteId: string, pageKey: string): string {
  const thread = store.threads.find(siteId, pageKey);
  const rows = thread ? visibleComments(store.comments.listForThread(thread.id), store.sites.settings(siteId)) : [];
  const answer: WireThread = {
    site: siteId,
    page: { key: pageKey, url: thread?.url ?? null, title: thread?.title ?? null },
    count: rows.filter((row) => row.status === 'approved').length,
    likes: thread ? store.likes.count(thread.id) : 0,
    comments: rows.map((row) => toWireComment(row, hashKey)),
  };
  return JSON.stringify(answer);
}
