/**
 * The thread cache's bound counts what a part's value takes in place (grew), and only for the
 * value the part holds: a reader still holding a value the part has replaced adds nothing.
 */
import { describe, expect, it } from 'vitest';
import { ThreadCache } from '../../../server/threads/thread-cache.ts';

describe('the thread cache', () => {
  it('counts growth of the value it holds against its bound, and not of a value it no longer holds', async () => {
    const cache = new ThreadCache(100);
    const thread = { id: 1, version: 1 };
    let builds = 0;
    const model = () =>
      cache.part(
        thread,
        'model',
        async () => ({ build: ++builds }),
        () => 10,
      );
    const held = await model();
    cache.grew(thread, 'model', { build: 0 }, 1_000);
    expect(await model()).toBe(held);
    cache.grew(thread, 'model', held, 50);
    expect(await model()).toBe(held);
    // Past the bound: the part goes, and the next reader builds it again.
    cache.grew(thread, 'model', held, 1_000);
    expect(await model()).not.toBe(held);
    expect(builds).toBe(2);
  });
});
