/**
 * Reading a thread past its first page, for `<riposte-thread>`: "Show more comments" and a
 * permalink to a comment further down (the page that holds it) or folded away (the replies
 * that hide it). A chunk of its own, fetched when a reader first asks for more or opens such a
 * permalink, so none of it is in what readers download first. It changes the thread's loaded
 * pages, and the thread draws again.
 */
import type { ThreadSort, WireThread } from '../shared/wire.ts';
import type { Api } from './api.ts';
import { shownReplies } from './reply-folds.ts';
import type { Segment } from './thread-segments.ts';
import type { CommentNode } from './tree.ts';

type Page = Pick<WireThread, 'comments' | 'next'>;

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

function loadedIds(segments: readonly Segment[]): Set<number> {
  return new Set(segments.flatMap((segment) => segment.comments.map((c) => c.id)));
}

/**
 * Adds the page loaded after segment `at` (asked with its `next`). Where the page reaches the
 * first response of the segment after it, the two become one.
 */
export function appendPage(segments: readonly Segment[], at: number, page: Page): Segment[] {
  const segment = segments[at];
  if (!segment) return [...segments];
  const loaded = loadedIds(segments);
  const following = segments[at + 1];
  const firstFollowing = following?.comments[0]?.id;
  const meets = firstFollowing === undefined ? -1 : page.comments.findIndex((c) => c.id === firstFollowing);
  const joined = following !== undefined && meets >= 0;
  const fresh = (joined ? page.comments.slice(0, meets) : page.comments).filter((c) => !loaded.has(c.id));
  const merged: Segment = joined
    ? { comments: [...segment.comments, ...fresh, ...following.comments], next: following.next }
    : { comments: [...segment.comments, ...fresh], next: page.next };
  return [...segments.slice(0, at), merged, ...segments.slice(at + (joined ? 2 : 1))];
}

/** Adds the page that holds a comment (asked with `comment=`), after what is loaded: a gap lies between. */
export function addHoldingPage(segments: readonly Segment[], page: Page): Segment[] {
  const loaded = loadedIds(segments);
  const fresh = page.comments.filter((c) => !loaded.has(c.id));
  return fresh.length ? [...segments, { comments: fresh, next: page.next }] : [...segments];
}

/** The nodes from a response to the page down to the comment, as the tree nests them; null if it is not there. */
export function pathTo(tree: readonly CommentNode[], id: number): CommentNode[] | null {
  // Depth first without recursion: a flattened chain can hold thousands of replies.
  const stack: { node: CommentNode; path: CommentNode[] }[] = tree.map((node) => ({ node, path: [node] }));
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node.comment.id === id) return path;
    for (const reply of node.replies) stack.push({ node: reply, path: [...path, reply] });
  }
  return null;
}

/** The comments whose replies must unfold for `id` to be drawn. */
export function unfoldFor(tree: readonly CommentNode[], id: number): number[] {
  const path = pathTo(tree, id);
  if (!path) return [];
  const ids: number[] = [];
  for (let i = 0; i < path.length - 1; i++) {
    const parent = path[i]!;
    if (!shownReplies(parent, new Set()).shown.includes(path[i + 1]!)) ids.push(parent.comment.id);
  }
  return ids;
}
