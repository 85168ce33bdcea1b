/**
 * What a thread's cached model keeps of its comments' JSON, on a real database: nothing for a
 * thread only read (its page's bytes are cached already), every sent comment's once the thread
 * changes, so the pages made after each write shape only the new comments; the pages are the
 * same either way.
 */
import { describe, expect, it } from 'vitest';
import type { WireThread } from '../../../shared/wire.ts';
import { ThreadCache } from '../../../server/threads/thread-cache.ts';
import { threadModel } from '../../../server/threads/thread-model-cache.ts';
import { readThreadPage } from '../../../server/threads/thread-read.ts';
import { openTempApp } from '../../helpers/test-app.ts';

const page = 'https://blog.example/kept';

describe("a thread's model", () => {
  it('keeps no comment JSON while the thread is only read, and keeps it once the thread changes', async () => {
    const t = await openTempApp();
    const post = async (body: string) => expect((await t.post({ page, body, author: { name: 'Ann' } })).status).toBe(201);
    for (const body of ['One.', 'Two.', 'Three.']) await post(body);
    const deps = { store: t.store, hashKey: await t.store.settings.hashKey(), threadCache: new ThreadCache() };
    const site = (await t.store.sites.get('default'))!;
    const read = async () => {
      const answer = await readThreadPage(deps, site, { pageKey: page, sort: 'oldest' });
      const thread = (await t.store.threads.find('default', page))!;
      const model = await threadModel(deps, thread);
      const json = JSON.parse(new TextDecoder().decode(answer.bodies.identity)) as WireThread;
      return { model, bodies: json.comments.map((c) => c.html) };
    };

    const first = await read();
    expect(first.bodies).toEqual(['<p>One.</p>', '<p>Two.</p>', '<p>Three.</p>']);
    expect(first.model.changing).toBe(false);
    expect(first.model.wire.size).toBe(0);

    await post('Four.');
    const second = await read();
    expect(second.bodies).toEqual(['<p>One.</p>', '<p>Two.</p>', '<p>Three.</p>', '<p>Four.</p>']);
    expect(second.model.changing).toBe(true);
    expect([...second.model.wire.keys()]).toHaveLength(4);

    await post('Five.');
    const third = await read();
    expect(third.bodies.at(-1)).toBe('<p>Five.</p>');
    expect(third.model.wire.size).toBe(5);
  });
});
