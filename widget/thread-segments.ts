/**
 * The parts of a thread loaded so far: runs of pages ("segments"), each a flat list in the
 * server's order (responses to the page, each followed by its replies) with the cursor of
 * the page after it. A permalink may load a page far down the thread before the ones between
 * it and the first, so there can be a gap between two segments; loading the pages after the
 * first one closes the gap when it reaches the next segment. A comment is never listed twice,
 * even when the thread changed between two loads. Loading pages into them is thread-reading.ts;
 * here is what the writing side changes in them.
 */
import type { ThreadSort, WireComment } from '../shared/wire.ts';

export interface Segment {
  comments: WireComment[];
  /** The cursor of the page after this segment; undefined when nothing follows it. */
  next?: string | undefined;
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
