/** buildTree: the flat, oldest-first list becomes nested replies, capped in depth. */
import { describe, expect, it } from 'vitest';
import type { WireComment } from '../../shared/wire.ts';
import { buildTree, subtreeSize, type CommentNode } from '../../widget/tree.ts';

function comment(id: number, parentId: number | null, name = `Reader ${id}`): WireComment {
  return { id, parentId, status: 'approved', author: { name, avatar: 'abc123' }, html: `<p>${id}</p>`, createdAt: '2017-03-24T15:34:00Z' };
}

/** "id(depth)[replyTo]" per node, replies in brackets, so a test reads like the thread. */
function shape(nodes: CommentNode[]): string {
  return nodes
    .map((n) => `${n.comment.id}(${n.depth})${n.replyTo === null ? '' : `@${n.replyTo}`}${n.replies.length ? `[${shape(n.replies)}]` : ''}`)
    .join(' ');
}

describe('buildTree', () => {
  it('returns nothing for an empty thread', () => {
    expect(buildTree([])).toEqual([]);
  });

  it('nests replies under their parents and keeps the server order among siblings', () => {
    const tree = buildTree([comment(1, null), comment(2, null), comment(3, 1), comment(4, 2), comment(5, 1), comment(6, 3)]);
    expect(shape(tree)).toBe('1(0)[3(1)[6(2)] 5(1)] 2(0)[4(1)]');
  });

  it('puts a reply whose parent is missing (hidden, spam) at the top level', () => {
    expect(shape(buildTree([comment(1, null), comment(7, 99)]))).toBe('1(0) 7(0)');
  });

  it('draws replies deeper than the cap at the cap, marked with the name they answer', () => {
    // A chain 1 <- 2 <- 3 <- 4 with a cap of 2: 4 is a reply to 3 but drawn beside it.
    const tree = buildTree([comment(1, null), comment(2, 1), comment(3, 2), comment(4, 3, 'Dmitri'), comment(5, 4, 'Sarah')], 2);
    expect(shape(tree)).toBe('1(0)[2(1)[3(2)[4(2)@Reader 3 5(2)@Dmitri]]]');
    const four = tree[0]!.replies[0]!.replies[0]!.replies[0]!;
    expect(four.replyToId).toBe(3);
  });

  it('keeps a back-and-forth together in the flat list at the cap', () => {
    // 3 is at the cap; 4 and 6 answer it, 5 answers 4: conversation order is 4, 5, 6.
    const tree = buildTree([comment(1, null), comment(2, 1), comment(3, 2), comment(4, 3), comment(6, 3), comment(5, 4)], 2);
    const flat = tree[0]!.replies[0]!.replies[0]!.replies;
    expect(flat.map((n) => n.comment.id)).toEqual([4, 5, 6]);
    expect(flat.map((n) => n.depth)).toEqual([2, 2, 2]);
  });

  it('caps indentation at MAX_INDENT_DEPTH (4) by default', () => {
    const chain = [comment(1, null), ...[2, 3, 4, 5, 6, 7].map((id) => comment(id, id - 1))];
    const depths: number[] = [];
    const walk = (nodes: CommentNode[]) => {
      for (const node of nodes) {
        depths.push(node.depth);
        walk(node.replies);
      }
    };
    walk(buildTree(chain));
    expect(depths).toEqual([0, 1, 2, 3, 4, 4, 4]);
  });

  it('marks a reply to a deleted placeholder with an empty name', () => {
    const deleted: WireComment = { ...comment(2, 1), author: { name: '', avatar: '' }, html: '', status: 'deleted', deleted: true };
    const tree = buildTree([comment(1, null), deleted, comment(3, 2)], 1);
    expect(tree[0]!.replies[0]!.replies[0]!.replyTo).toBe('');
  });
});

describe('subtreeSize', () => {
  it('counts a comment with all its replies, however deep', () => {
    const tree = buildTree([comment(1, null), comment(2, 1), comment(3, 2), comment(4, 1), comment(5, null)]);
    expect(tree.map(subtreeSize)).toEqual([4, 1]);
  });
});
