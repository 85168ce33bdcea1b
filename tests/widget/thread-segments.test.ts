/** The loaded runs of a paged thread (thread-segments.ts) and the folds of long runs of replies (reply-folds.ts). */
import { describe, expect, it } from 'vitest';
import type { WireComment } from '../../shared/wire.ts';
import { FOLD, shownReplies } from '../../widget/reply-folds.ts';
import { unfoldFor } from '../../widget/thread-reading.ts';
import { addHoldingPage, appendPage } from '../../widget/thread-reading.ts';
import { addComment, type Segment } from '../../widget/thread-segments.ts';
import { buildTree } from '../../widget/tree.ts';

function c(id: number, parentId: number | null = null): WireComment {
  return {
    id,
    parentId,
    status: 'approved',
    author: { name: `R${id}`, avatar: 'a' },
    html: `<p>${id}</p>`,
    createdAt: '2026-01-01T00:00:00Z',
  };
}
const ids = (segments: Segment[]) => segments.map((s) => s.comments.map((x) => x.id));

describe('segments of a paged thread', () => {
  it('appends the next page to its run, with the cursor after it', () => {
    const first: Segment[] = [{ comments: [c(1), c(2, 1)], next: 'a' }];
    expect(appendPage(first, 0, { comments: [c(3)], next: 'b' })).toEqual([{ comments: [c(1), c(2, 1), c(3)], next: 'b' }]);
  });

  it('puts the page holding a permalink after a gap, and joins the runs when the pages between reach it', () => {
    let segments: Segment[] = [{ comments: [c(1)], next: 'a' }];
    segments = addHoldingPage(segments, { comments: [c(5), c(6)] });
    expect(ids(segments)).toEqual([[1], [5, 6]]);
    segments = appendPage(segments, 0, { comments: [c(2), c(3)], next: 'b' });
    expect(ids(segments)).toEqual([
      [1, 2, 3],
      [5, 6],
    ]);
    segments = appendPage(segments, 0, { comments: [c(4), c(5), c(6)] });
    expect(segments).toEqual([{ comments: [1, 2, 3, 4, 5, 6].map((id) => c(id)), next: undefined }]);
  });

  it('never lists a comment twice when the thread changed between two pages', () => {
    const segments = appendPage([{ comments: [c(1), c(2)], next: 'a' }], 0, { comments: [c(2), c(3)] });
    expect(ids(segments)).toEqual([[1, 2, 3]]);
  });

  it("adds the reader's comment under its parent, or first when the newest come first", () => {
    const segments: Segment[] = [{ comments: [c(1)], next: 'a' }, { comments: [c(5)] }];
    expect(ids(addComment(segments, c(9, 1), 'oldest'))).toEqual([[1, 9], [5]]);
    expect(ids(addComment(segments, c(9), 'newest'))).toEqual([[9, 1], [5]]);
    expect(ids(addComment(segments, c(9), 'oldest'))).toEqual([[1], [5, 9]]);
  });
});

describe('folds of long runs of replies', () => {
  const tree = buildTree([c(1), ...[2, 3, 4, 5, 6].map((id) => c(id, 1)), c(7, 6), c(8)]);

  it(`shows ${FOLD} replies and counts what folds, replies of replies included`, () => {
    expect(shownReplies(tree[0]!, new Set()).shown.map((n) => n.comment.id)).toEqual([2, 3, 4]);
    expect(shownReplies(tree[0]!, new Set()).hidden).toBe(3);
    expect(shownReplies(tree[0]!, new Set([1])).hidden).toBe(0);
  });

  it('never folds a single reply away, and unfolds what hides a permalink', () => {
    const four = buildTree([c(1), ...[2, 3, 4, 5].map((id) => c(id, 1))]);
    expect(shownReplies(four[0]!, new Set()).hidden).toBe(0);
    expect(unfoldFor(tree, 7)).toEqual([1]);
    expect(unfoldFor(tree, 3)).toEqual([]);
    expect(unfoldFor(tree, 99)).toEqual([]);
  });
});
