/** What a live change does to the comments on screen (widget/live/live-changes.ts): in place, or waiting as fresh. */
import { describe, expect, it } from 'vitest';
import type { WireComment } from '../../shared/wire.ts';
import { applyChange, applyPage, type LiveState, openFresh, placeholder } from '../../widget/live/live-changes.ts';

function c(id: number, parentId: number | null = null, extra: Partial<WireComment> = {}): WireComment {
  return {
    id,
    parentId,
    status: 'approved',
    author: { name: `R${id}`, avatar: 'a' },
    html: `<p>${id}</p>`,
    createdAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}
const state = (comments: WireComment[], fresh: WireComment[] = []): LiveState => ({ segments: [{ comments, next: 'n' }], fresh });

describe('live changes', () => {
  it('replaces a shown comment where it stands (an edit, votes), and keeps a new one as fresh', () => {
    const edited = c(2, 1, { html: '<p>edited</p>', editedAt: '2026-01-02T00:00:00Z' });
    expect(applyChange(state([c(1), c(2, 1), c(3)]), { count: 3, likes: 0, comment: edited })).toEqual(state([c(1), edited, c(3)]));
    expect(applyChange(state([c(1)]), { count: 2, likes: 0, comment: c(4) })).toEqual(state([c(1)], [c(4)]));
    // The same new comment twice (an edit before the reader opened it) waits once, as it is now.
    const again = c(4, null, { html: '<p>4 again</p>' });
    const twice = applyChange(applyChange(state([c(1)]), { count: 2, likes: 0, comment: c(4) }), { count: 2, likes: 0, comment: again });
    expect(twice.fresh).toEqual([again]);
  });

  it("turns a shown comment that went into a placeholder, leaves the reader's own held comment, forgets a fresh one", () => {
    expect(applyChange(state([c(1), c(2)]), { count: 1, likes: 0, gone: 2 })).toEqual(state([c(1), placeholder(c(2))]));
    const held = c(3, null, { status: 'pending' });
    expect(applyChange(state([c(1), held]), { count: 1, likes: 0, gone: 3 })).toEqual(state([c(1), held]));
    expect(applyChange(state([c(1)], [c(5)]), { count: 1, likes: 0, gone: 5 })).toEqual(state([c(1)]));
    // A placeholder for a comment nobody here saw is nothing new.
    expect(applyChange(state([c(1)]), { count: 1, likes: 0, comment: placeholder(c(6)) })).toEqual(state([c(1)]));
  });

  it('compares a page read again with what is shown, and opens the fresh ones where they belong', () => {
    const after = applyPage(state([c(1), c(2)]), [c(1, null, { html: '<p>new</p>' }), c(2), c(7), c(8, 1)]);
    expect(after).toEqual(state([c(1, null, { html: '<p>new</p>' }), c(2)], [c(7), c(8, 1)]));
    expect(openFresh(after, 'oldest')[0]!.comments.map((x) => x.id)).toEqual([1, 2, 7, 8]);
    expect(openFresh(after, 'newest')[0]!.comments.map((x) => x.id)).toEqual([7, 1, 2, 8]);
  });
});
