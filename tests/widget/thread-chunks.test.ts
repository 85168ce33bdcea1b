/** ChunkedDrawing: a long page draws CHUNK comments at once, then CHUNK a frame, in reading order; the reader's own changes at once. */
import { describe, expect, it } from 'vitest';
import type { WireComment } from '../../shared/wire.ts';
import { CHUNK, ChunkedDrawing } from '../../widget/thread-chunks.ts';
import { buildTree, type CommentNode } from '../../widget/tree.ts';

function comment(id: number, parentId: number | null = null): WireComment {
  return {
    id,
    parentId,
    status: 'approved',
    author: { name: `Reader ${id}`, avatar: 'abc123' },
    html: `<p>${id}</p>`,
    createdAt: '2017-03-24T15:34:00Z',
  };
}

/** A thread element's part in it: it asks to draw again; its unfolded runs of replies. */
function drawing(unfolded: Set<number> = new Set()) {
  const host = {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  return { host, chunks: new ChunkedDrawing(host, () => unfolded) };
}

/** The ids drawn now, in reading order, as the thread draws them (a waiting comment hides its replies too). */
function drawnIds(chunks: ChunkedDrawing, roots: CommentNode[]): number[] {
  const ids: number[] = [];
  const visit = (node: CommentNode) => {
    if (!chunks.drawn(node)) return;
    ids.push(node.comment.id);
    node.replies.forEach(visit);
  };
  roots.forEach(visit);
  return ids;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('ChunkedDrawing', () => {
  it('draws the first CHUNK comments of a page at once and CHUNK more each time after, in reading order', () => {
    // 1 has replies 2 and 3 (3 has reply 4), then responses 5..25.
    const tree = buildTree([comment(1), comment(2, 1), comment(3, 1), comment(4, 3), ...range(5, 25).map((id) => comment(id))]);
    const { chunks } = drawing();
    chunks.note(tree, false);
    expect(drawnIds(chunks, tree)).toEqual(range(1, CHUNK));
    expect(chunks.done).toBe(false);
    chunks.drawMore(CHUNK);
    expect(drawnIds(chunks, tree)).toEqual(range(1, 2 * CHUNK));
    while (!chunks.done) chunks.drawMore(CHUNK);
    expect(drawnIds(chunks, tree)).toEqual(range(1, 25));
    expect(chunks.done).toBe(true);
  });

  it('does not count folded replies, and draws them at once when the reader unfolds them', () => {
    // 1 has 8 replies: 3 show, 5 fold; then responses 10 to 30.
    const tree = buildTree([comment(1), ...range(2, 9).map((id) => comment(id, 1)), ...range(10, 30).map((id) => comment(id))]);
    const unfolded = new Set<number>();
    const { chunks } = drawing(unfolded);
    chunks.note(tree, false);
    // Reading order 1, 2, 3, 4, 10, 11 ...: the folded 5 to 9 are not waiting.
    expect(drawnIds(chunks, tree)).toEqual([...range(1, 9), ...range(10, 10 + CHUNK - 5)]);
    unfolded.add(1);
    expect(drawnIds(chunks, tree).slice(0, 9)).toEqual(range(1, 9));
  });

  it('draws a whole page at once when asked (taking over the server’s drawing)', () => {
    const tree = buildTree(range(1, 40).map((id) => comment(id)));
    const { chunks } = drawing();
    chunks.note(tree, true);
    expect(drawnIds(chunks, tree)).toEqual(range(1, 40));
    expect(chunks.done).toBe(true);
  });

  it('chunks only what a change brings: the next page past its first CHUNK, a posted comment not at all', () => {
    const first = range(1, 5).map((id) => comment(id));
    const { chunks } = drawing();
    chunks.note(buildTree(first), false);
    const more = buildTree([...first, ...range(6, 30).map((id) => comment(id))]);
    chunks.note(more, false);
    expect(drawnIds(chunks, more)).toEqual(range(1, 5 + CHUNK));
    chunks.drawMore(100);
    const posted = buildTree([...first, ...range(6, 30).map((id) => comment(id)), comment(31, 2)]);
    chunks.note(posted, false);
    expect(drawnIds(chunks, posted)).toContain(31);
    expect(chunks.done).toBe(true);
  });

  it('draws up to a permalink’s comment at once, whatever the budget', () => {
    const tree = buildTree(range(1, 50).map((id) => comment(id)));
    const { chunks, host } = drawing();
    chunks.note(tree, false);
    chunks.drawMore(0, 37);
    expect(drawnIds(chunks, tree)).toEqual(range(1, 37));
    expect(host.updates).toBe(1);
  });

  it('chunks a new load again after reset', () => {
    const tree = buildTree(range(1, 30).map((id) => comment(id)));
    const { chunks } = drawing();
    chunks.note(tree, true);
    chunks.reset();
    chunks.note(tree, false);
    expect(drawnIds(chunks, tree)).toEqual(range(1, CHUNK));
  });
});
