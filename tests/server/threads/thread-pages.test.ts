/** Pages of an ordered thread: their size, the cursor from one to the next, and the page that holds a comment. */
import { describe, expect, it } from 'vitest';
import type { ThreadOrder } from '../../../server/threads/thread-order.ts';
import {
  PAGE_COMMENTS,
  PAGE_RESPONSES,
  cursorOfPageHolding,
  nextCursor,
  pageFrom,
  pageIds,
  startAfter,
} from '../../../server/threads/thread-pages.ts';

/** An order whose responses have these numbers of comments each (the response's own id is 1000 + its index). */
function orderOf(sizes: number[]): ThreadOrder {
  const ids: number[] = [];
  const starts: number[] = [];
  for (const [i, size] of sizes.entries()) {
    starts.push(ids.length);
    ids.push(1000 + i);
    for (let r = 1; r < size; r++) ids.push(100_000 + i * 1000 + r);
  }
  return { ids, starts };
}

/** Every page from the first, following the cursors. */
function allPages(order: ThreadOrder): number[][] {
  const pages: number[][] = [];
  let cursor: number | undefined;
  do {
    const span = pageFrom(order, startAfter(order, cursor)!);
    pages.push(pageIds(order, span));
    cursor = nextCursor(order, span);
  } while (cursor !== undefined);
  return pages;
}

describe('thread pages', () => {
  it(`holds up to ${PAGE_RESPONSES} responses with their replies, and the cursor leads to the rest`, () => {
    const order = orderOf(Array.from({ length: 45 }, () => 1));
    const pages = allPages(order);
    expect(pages.map((p) => p.length)).toEqual([PAGE_RESPONSES, PAGE_RESPONSES, 5]);
    expect(pages.flat()).toEqual(order.ids);
  });

  it(`stops once a page holds ${PAGE_COMMENTS} comments, but always takes at least one response`, () => {
    const order = orderOf([60, 50, 10, 500, 3]);
    const pages = allPages(order);
    expect(pages.map((p) => p.filter((id) => id < 100_000))).toEqual([[1000, 1001], [1002, 1003], [1004]]);
    expect(pages.flat()).toEqual(order.ids);
  });

  it('names a cursor that is not a response of the thread as unknown, and an empty thread as one empty page', () => {
    const order = orderOf([2, 2]);
    expect(startAfter(order, 1001)).toBe(2);
    expect(startAfter(order, 100_001)).toBeUndefined();
    expect(startAfter(order, 5)).toBeUndefined();
    const empty = { ids: [], starts: [] };
    expect(pageIds(empty, pageFrom(empty, 0))).toEqual([]);
    expect(nextCursor(empty, pageFrom(empty, 0))).toBeUndefined();
  });

  it('finds the page that holds a comment, response or reply, as the cursors reach it', () => {
    const order = orderOf([60, 50, 10, 500, 3]);
    expect(cursorOfPageHolding(order, 1000)).toBeNull();
    expect(cursorOfPageHolding(order, 101_049)).toBeNull();
    expect(cursorOfPageHolding(order, 1002)).toBe(1001);
    expect(cursorOfPageHolding(order, 103_499)).toBe(1001);
    expect(cursorOfPageHolding(order, 104_002)).toBe(1003);
    expect(cursorOfPageHolding(order, 7)).toBeUndefined();
    for (const id of order.ids) {
      const cursor = cursorOfPageHolding(order, id);
      expect(pageIds(order, pageFrom(order, startAfter(order, cursor ?? undefined)!))).toContain(id);
    }
  });
});
