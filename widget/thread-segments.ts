/**
 * The parts of a thread loaded so far: runs of pages ("segments"), each a flat list in the
 * server's order (responses to the page, each followed by its replies) with the cursor of
 * the page after it. A permalink may load a page far down the thread before the ones between
 * it and the first, so there can be a gap between two segments; loading the pages after the
 * first one closes the gap when it reaches the next segment. A comment is never listed twice,
 * even when the thread changed between two loads.
 */
import type { ThreadSort, WireComment, WireThread } from '../shared/wire.ts';

export interface Segment {
  comments: WireComment[];
  /** The cursor of the page after this segment; undefined when nothing follows it. */
  next?: string | undefined;
}

type Page = Pick<WireThread, 'comments' | 'next'>;

export function firstSegments(page: Page): Segment[] {
  return [{ comments: page.comments, next: page.next }];
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

/**
 * Adds a comment this reader posted (or their own held ones, kept in their browser): a reply
 * in the segment of its parent, a response to the page first in the newest-first order, else
 * at the end of what is loaded.
 */
export function addComment(segments: readonly Segment[], comment: WireComment, sort: ThreadSort): Segment[] {
  if (segments.length === 0) return [{ comments: [comment] }];
  const at =
    comment.parentId !== null
      ? segments.findIndex((segment) => segment.comments.some((c) => c.id === comment.parentId))
      : sort === 'newest'
        ? 0
        : segments.length - 1;
  const target = at === -1 ? segments.length - 1 : at;
  return segments.map((segment, i) => {
    if (i !== target) return segment;
    const first = comment.parentId === null && sort === 'newest';
    return { ...segment, comments: first ? [comment, ...segment.comments] : [...segment.comments, comment] };
  });
}

/** Each segment with `change` applied to every comment (an edit, a deletion, new vote counts). */
export function mapComments(segments: readonly Segment[], change: (comment: WireComment) => WireComment | null): Segment[] {
  return segments.map((segment) => ({
    ...segment,
    comments: segment.comments.flatMap((c) => {
      const changed = change(c);
      return changed ? [changed] : [];
    }),
  }));
}

export function findComment(segments: readonly Segment[], id: number): WireComment | undefined {
  for (const segment of segments) {
    const found = segment.comments.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}
