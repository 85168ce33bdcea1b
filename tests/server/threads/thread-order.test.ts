/** The order rules: pinned first, responses in the chosen order, replies under their parent in conversation order, "best" by Wilson's bound. */
import { describe, expect, it } from 'vitest';
import { type OrderRow, orderThread, wilsonLowerBound } from '../../../server/threads/thread-order.ts';

let clock = 0;
/** A comment made one minute after the one before (ids in the order they are made unless given). */
function c(id: number, parentId: number | null = null, extra: Partial<OrderRow> = {}): OrderRow {
  clock++;
  return {
    id,
    parentId,
    status: 'approved',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, clock)).toISOString(),
    upvotes: 0,
    downvotes: 0,
    pinned: false,
    ...extra,
  };
}

/** Responses 1, 2, 3 (oldest first); 4 and 6 answer 1, 5 answers 4; 7 answers 2. */
function thread(extra: Record<number, Partial<OrderRow>> = {}): OrderRow[] {
  clock = 0;
  const rows: [number, number | null][] = [
    [1, null],
    [2, null],
    [4, 1],
    [3, null],
    [5, 4],
    [6, 1],
    [7, 2],
  ];
  return rows.map(([id, parent]) => c(id, parent, extra[id]));
}

describe('orderThread', () => {
  it('oldest first: responses by time, each followed by its replies depth first', () => {
    expect(orderThread(thread(), 'oldest', 'up')).toEqual({ ids: [1, 4, 5, 6, 2, 7, 3], starts: [0, 4, 6] });
  });

  it('newest first: responses newest first, replies still in conversation order under their parent', () => {
    expect(orderThread(thread(), 'newest', 'up').ids).toEqual([3, 2, 7, 1, 4, 5, 6]);
  });

  it('pinned responses first in every order; a pinned reply first among its siblings only', () => {
    const rows = thread({ 3: { pinned: true }, 6: { pinned: true } });
    expect(orderThread(rows, 'oldest', 'up').ids).toEqual([3, 1, 6, 4, 5, 2, 7]);
    expect(orderThread(rows, 'newest', 'up').ids).toEqual([3, 2, 7, 1, 6, 4, 5]);
    expect(orderThread(rows, 'best', 'up').ids).toEqual([3, 1, 6, 4, 5, 2, 7]);
  });

  it('best: by Wilson lower bound, so many upvotes beat one; ties oldest first; replies keep their order', () => {
    const rows = thread({ 2: { upvotes: 1 }, 3: { upvotes: 9 }, 5: { upvotes: 50 }, 6: { upvotes: 1 } });
    expect(orderThread(rows, 'best', 'up').ids).toEqual([3, 2, 7, 1, 4, 5, 6]);
  });

  it('best with downvotes shown: a well-liked comment beats a much-voted controversial one', () => {
    const rows = thread({ 1: { upvotes: 60, downvotes: 50 }, 2: { upvotes: 20, downvotes: 1 } });
    expect(orderThread(rows, 'best', 'updown').ids.filter((id) => [1, 2, 3].includes(id))).toEqual([2, 1, 3]);
    // Where downvotes are not shown, they do not count: 60 upvotes win.
    expect(orderThread(rows, 'best', 'up').ids.filter((id) => [1, 2, 3].includes(id))).toEqual([1, 2, 3]);
  });

  it('best with votes off is oldest first; a placeholder counts no votes', () => {
    const rows = thread({ 3: { upvotes: 9 }, 2: { upvotes: 5, status: 'deleted' } });
    expect(orderThread(rows, 'best', 'off').ids).toEqual(orderThread(rows, 'oldest', 'off').ids);
    expect(orderThread(rows, 'best', 'up').ids).toEqual([3, 1, 4, 5, 6, 2, 7]);
  });

  it('counts a reply whose parent is not shown as a response to the page', () => {
    clock = 0;
    const rows = [c(1), c(3, 99), c(2, 1)];
    expect(orderThread(rows, 'oldest', 'up')).toEqual({ ids: [1, 2, 3], starts: [0, 2] });
  });

  it('orders a reply imported before its parent under that parent, and a chain 20,000 deep without overflowing', () => {
    clock = 0;
    const late = c(1);
    const early = { ...c(2, 1), createdAt: '2020-01-01T00:00:00.000Z' };
    expect(orderThread([early, late], 'oldest', 'up').ids).toEqual([1, 2]);
    const chain = Array.from({ length: 20_000 }, (_, i) => c(i + 1, i === 0 ? null : i));
    expect(orderThread(chain, 'oldest', 'up').ids).toHaveLength(20_000);
  });
});

describe('wilsonLowerBound', () => {
  it('is 0 without votes and grows with evidence, never reaching the plain share', () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(1, 0)).toBeCloseTo(0.2065, 4);
    expect(wilsonLowerBound(10, 0)).toBeGreaterThan(wilsonLowerBound(1, 0));
    expect(wilsonLowerBound(100, 0)).toBeLessThan(1);
    // Evan Miller's example: 95% of 100 beats 100% of 1, and 60 of 110 is below 20 of 21.
    expect(wilsonLowerBound(95, 5)).toBeGreaterThan(wilsonLowerBound(1, 0));
    expect(wilsonLowerBound(20, 1)).toBeGreaterThan(wilsonLowerBound(60, 50));
  });
});
