/** Statements over lists of ids, prepared once per size (server/store/id-lists.ts): every length gets its rows, each once. */
import { describe, expect, it } from 'vitest';
import { MAX_IDS, preparedForIds } from '../../../server/store/id-lists.ts';

describe('preparedForIds', () => {
  it('pads a list to the next power of two with its last id, making one statement per size', () => {
    const sizes: number[] = [];
    const pick = preparedForIds((ids) => sizes.push(ids.length));
    expect(pick([7, 8, 9]).params).toEqual({ id0: 7, id1: 8, id2: 9, id3: 9 });
    expect(pick([1, 2, 3, 4]).params).toEqual({ id0: 1, id1: 2, id2: 3, id3: 4 });
    expect(pick([5]).params).toEqual({ id0: 5 });
    expect(sizes).toEqual([4, 1]);
  });

  it('refuses an empty list and one past the limit', () => {
    const pick = preparedForIds(() => null);
    expect(() => pick([])).toThrow(RangeError);
    expect(() => pick(Array.from({ length: MAX_IDS + 1 }, (_, i) => i))).toThrow(RangeError);
    expect(() => pick(Array.from({ length: MAX_IDS }, (_, i) => i))).not.toThrow();
  });
});
