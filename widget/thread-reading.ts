/**
 * Reading a thread past its first page, for `<riposte-thread>`: "Show more comments" and a
 * permalink to a comment further down (the page that holds it). A chunk of its own, fetched
 * when a reader first asks for more or opens such a permalink, so none of it is in what
 * readers download first. It changes the thread's loaded pages, and the thread draws again.
 */
import type { ThreadSort } from '../shared/wire.ts';
import type { Api } from './api.ts';
import { addHoldingPage, appendPage, type Segment } from './thread-segments.ts';

/** What reading further needs of the thread element. */
export interface ReadingHost {
  readonly api: Api;
  site: string;
  /** The page's key as the server normalised it. */
  readonly key: string;
  readonly sort: ThreadSort;
  /** The pages loaded so far, in runs (thread-segments.ts). */
  segments: Segment[];
  /** The whole thread's count, as the latest page says it. */
  count: number;
}

/** Loads the page after run `at` of the loaded pages; resolves with the ids that were not loaded before. */
export async function loadMore(host: ReadingHost, at: number): Promise<number[]> {
  const cursor = host.segments[at]?.next;
  if (!cursor) return [];
  const page = await host.api.getThread(host.site, host.key, host.sort, undefined, { cursor });
  const before = new Set(host.segments.flatMap((segment) => segment.comments.map((c) => c.id)));
  host.segments = appendPage(host.segments, at, page);
  host.count = page.count;
  return page.comments.filter((c) => !before.has(c.id)).map((c) => c.id);
}

/** Loads the page that holds comment `id` after what is loaded; false when the thread does not show it. */
export async function loadHolding(host: ReadingHost, id: number): Promise<boolean> {
  const page = await host.api.getThread(host.site, host.key, host.sort, undefined, { comment: String(id) });
  if (!page.comments.some((c) => c.id === id)) return false;
  host.segments = addHoldingPage(host.segments, page);
  host.count = page.count;
  return true;
}
