/**
 * The SQLite writer's turns (server/store/sqlite-writer.ts): writes made together share one
 * COMMIT, yet each is answered only once committed (another connection sees it by then), a
 * write that fails is undone alone, and one that fills the disk fails alone too.
 */
import { statSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isFull, openStore, type Store } from '../../../server/store/index.ts';
import { testDir } from '../../helpers/riposte-cli.ts';

const AT = '2026-01-02T03:04:05.000Z';

async function opened(file: string, maxBytes?: number): Promise<Store> {
  const store = await openStore(file, { maxBytes });
  onTestFinished(() => store.close());
  await store.sites.ensure('default', 'Default site', AT);
  return store;
}

/** Makes page `key`'s thread in a transaction of its own; resolves with whether the store's reader (another connection) sees it by then. */
async function createPage(store: Store, key: string, title?: string): Promise<boolean> {
  await store.transaction((tx) => tx.threads.create('default', key, AT, undefined, title));
  return (await store.threads.find('default', key)) !== undefined;
}

describe("the SQLite writer's turns", () => {
  it('answer each write once committed, and undo a failed write alone', async () => {
    const store = await opened(`${testDir().path}/riposte.db`);
    const keys = Array.from({ length: 20 }, (_, i) => `page-${i}`);
    const failing = store.transaction(async (tx) => {
      await tx.threads.create('default', 'undone', AT);
      throw new Error('this write fails after writing');
    });
    // All 21 are asked for at once: they share turns, the failing one among them.
    const seen = await Promise.all([
      ...keys.slice(0, 10).map((key) => createPage(store, key)),
      ...keys.slice(10).map((key) => createPage(store, key)),
    ]);
    await expect(failing).rejects.toThrow('this write fails after writing');
    expect(seen).toEqual(keys.map(() => true));
    expect(await store.threads.find('default', 'undone')).toBeUndefined();
    // Later writes see the earlier ones of their turn, as if one after the other: the second create of a page finds it.
    const [first, again] = await Promise.all([
      store.transaction((tx) => tx.threads.create('default', 'twice', AT, 'https://blog.example/one')),
      store.transaction((tx) => tx.threads.create('default', 'twice', AT, 'https://blog.example/two')),
    ]);
    expect(again.id).toBe(first.id);
    expect(again.url).toBe('https://blog.example/one');
  });

  it('store the other writes of a turn when one fills the disk', async () => {
    const file = `${testDir().path}/riposte.db`;
    (await opened(file)).close();
    // Room for a few small rows more, not for a megabyte.
    const store = await opened(file, statSync(file).size + 256 * 1024);
    const big = createPage(store, 'too-big', 'x'.repeat(1024 * 1024));
    const small = await Promise.all(Array.from({ length: 10 }, (_, i) => createPage(store, `small-${i}`)));
    const error = await big.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isFull(error)).toBe(true);
    expect(small).toEqual(small.map(() => true));
    expect(await store.threads.find('default', 'too-big')).toBeUndefined();
  });
});
