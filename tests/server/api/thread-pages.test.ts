/** GET /api/v1/threads in pages: cursors, orders, the page that holds a comment, pins, and each page's ETag. */
import { describe, expect, it } from 'vitest';
import type { WireThread } from '../../../shared/wire.ts';
import { PAGE_RESPONSES } from '../../../server/threads/thread-pages.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const PAGE = 'https://blog.example/big';
const t = useTestApp();

/**
 * A thread of `responses` responses to the page, a minute apart, the first one answered by
 * `replies` replies (each to the one before); returns the ids in the order they were made.
 */
async function fill(responses: number, replies = 0): Promise<{ responses: number[]; replies: number[] }> {
  const thread = await t.store.threads.create('default', PAGE, '2026-01-01T00:00:00.000Z');
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 1, minute)).toISOString();
  const made = { responses: [] as number[], replies: [] as number[] };
  await t.store.transaction(async (tx) => {
    const insert = (parentId: number | null, minute: number) =>
      tx.comments.insert({
        threadId: thread.id,
        parentId,
        status: 'approved',
        authorName: `Reader ${minute}`,
        bodyMarkdown: `Comment ${minute}`,
        bodyHtml: `<p>Comment ${minute}</p>`,
        createdAt: at(minute),
      });
    for (let i = 0; i < responses; i++) made.responses.push((await insert(null, i)).id);
    for (let i = 0; i < replies; i++) made.replies.push((await insert(made.replies.at(-1) ?? made.responses[0]!, responses + i)).id);
  });
  return made;
}

async function get(query: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await t.app.request(`/api/v1/threads?${new URLSearchParams({ page: PAGE, ...query })}`, { headers });
  return { res, body: res.status === 200 ? ((await res.clone().json()) as WireThread) : null };
}

const responsesOf = (body: WireThread | null) => body!.comments.filter((c) => c.parentId === null).map((c) => c.id);

describe('a thread in pages', () => {
  it('answers the first page with the whole count, and `next` leads through the rest, each response once', async () => {
    const { responses } = await fill(45);
    const first = await get({});
    expect(first.body).toMatchObject({ count: 45, sort: 'oldest' });
    expect(responsesOf(first.body)).toEqual(responses.slice(0, PAGE_RESPONSES));
    const second = await get({ cursor: first.body!.next! });
    const third = await get({ cursor: second.body!.next! });
    expect(third.body!.next).toBeUndefined();
    expect([...responsesOf(first.body), ...responsesOf(second.body), ...responsesOf(third.body)]).toEqual(responses);
    expect(third.body!.count).toBe(45);
  });

  it('keeps a response with all its replies on one page, replies after their parent', async () => {
    const { responses, replies } = await fill(3, 150);
    const { body } = await get({});
    expect(body!.comments.map((c) => c.id)).toEqual([responses[0], ...replies]);
    expect(body!.comments.slice(1).map((c) => c.parentId)).toEqual([responses[0], ...replies.slice(0, -1)]);
    expect(responsesOf((await get({ cursor: body!.next! })).body)).toEqual(responses.slice(1));
  });

  it('sorts newest first and best, pinned comments first in every order', async () => {
    const { responses } = await fill(5);
    const [a, b, c, d, e] = responses as [number, number, number, number, number];
    expect(responsesOf((await get({ sort: 'newest' })).body)).toEqual([e, d, c, b, a]);
    const vote = (id: number, liker: string) => t.send('PUT', `/api/v1/comments/${id}/vote`, { liker, value: 1 });
    for (const liker of ['reader-one-0123456789', 'reader-two-0123456789']) expect((await vote(d, liker)).status).toBe(200);
    expect((await vote(b, 'reader-one-0123456789')).status).toBe(200);
    const best = await get({ sort: 'best' });
    expect(best.body!.sort).toBe('best');
    expect(responsesOf(best.body)).toEqual([d, b, a, c, e]);
    expect(best.body!.comments.find((x) => x.id === d)?.up).toBe(2);

    await t.store.comments.setPinned(c, true);
    expect(responsesOf((await get({})).body)).toEqual([c, a, b, d, e]);
    expect(responsesOf((await get({ sort: 'newest' })).body)).toEqual([c, e, d, b, a]);
    expect(responsesOf((await get({ sort: 'best' })).body)).toEqual([c, d, b, a, e]);
    expect((await get({})).body!.comments[0]).toMatchObject({ id: c, pinned: true });
  });

  it('answers the page that holds a comment, the same page the cursors reach', async () => {
    const { responses } = await fill(60);
    const target = responses[45]!;
    const held = await get({ comment: String(target) });
    expect(responsesOf(held.body)).toContain(target);
    let page = await get({});
    while (!responsesOf(page.body).includes(target)) page = await get({ cursor: page.body!.next! });
    expect(held.body).toEqual(page.body);
    expect(held.res.headers.get('etag')).toBe(page.res.headers.get('etag'));
    // A comment the thread does not show: the first page.
    expect(responsesOf((await get({ comment: '99999' })).body)).toEqual(responses.slice(0, PAGE_RESPONSES));
  });

  it('gives each page its own ETag and 304, and a change to the thread changes them', async () => {
    const { responses } = await fill(30);
    const first = await get({});
    const second = await get({ cursor: first.body!.next! });
    const firstTag = first.res.headers.get('etag')!;
    const secondTag = second.res.headers.get('etag')!;
    expect(firstTag).not.toBe(secondTag);
    expect((await get({ cursor: first.body!.next! }, { 'if-none-match': secondTag })).res.status).toBe(304);
    expect((await get({}, { 'if-none-match': firstTag })).res.status).toBe(304);
    await t.store.comments.setPinned(responses[29]!, true);
    const after = await get({}, { 'if-none-match': firstTag });
    expect(after.res.status).toBe(200);
    expect(responsesOf(after.body)[0]).toBe(responses[29]);
  });

  it('refuses a malformed sort or cursor with 400, and a cursor that never was a comment of the thread with 404', async () => {
    await fill(25);
    const cases: [Record<string, string>, number, string][] = [
      [{ sort: 'random' }, 400, 'invalid_input'],
      [{ cursor: 'abc' }, 400, 'invalid_input'],
      [{ comment: '-1' }, 400, 'invalid_input'],
      [{ cursor: '99999' }, 404, 'not_found'],
    ];
    for (const [query, status, code] of cases) {
      const { res } = await get(query);
      expect(res.status, JSON.stringify(query)).toBe(status);
      expect(((await res.json()) as { error: { code: string; message: string } }).error.code).toBe(code);
    }
  });
});

/** Erasing comments on their own, as erasing a person does with theirs. */
const nobody = { userIds: [], addresses: [], secretHashes: [], likerHashes: [] };

/** The ways a response stops being shown: moderated, deleted (with no replies), erased for good. */
const removals = {
  spam: (id: number) => t.store.comments.setStatus([id], 'spam'),
  deleted: (id: number) => t.store.comments.setStatus([id], 'deleted'),
  erased: (id: number) => t.store.privacy.erase(nobody, { placeholders: [], removed: [id] }),
};

/**
 * 45 responses; in the best order the 25 from the 11th on have an upvote, so the last response
 * of the first page (the cursor) has one and responses with and without votes follow it.
 */
async function fillVoted(): Promise<number[]> {
  const { responses } = await fill(45);
  for (const id of responses.slice(10, 35)) await t.store.votes.set(id, 'reader-one-0123456789', 1, t.now().toISOString());
  return responses;
}

describe('a cursor whose response is no longer shown', () => {
  const cases = (['oldest', 'newest', 'best'] as const).flatMap((sort) => Object.keys(removals).map((how) => [sort, how] as const));

  it.each(cases)('in the %s order, %s: leads on to the page that followed it', async (sort, how) => {
    await fillVoted();
    // A reader loaded the first page, and the page after it would have been this one.
    const first = await get({ sort });
    const cursor = first.body!.next!;
    const following = responsesOf((await get({ sort, cursor })).body);
    await removals[how as keyof typeof removals](Number(cursor));
    const after = await get({ sort, cursor });
    expect(after.res.status).toBe(200);
    expect(responsesOf(after.body)).toEqual(following);
    expect(after.body!.count).toBe(44);
    // Its cached page goes with the thread's version, as every page's does.
    await t.store.comments.setStatus([following[0]!], 'spam');
    expect(responsesOf((await get({ sort, cursor })).body).slice(0, 19)).toEqual(following.slice(1));
  });

  it('in the best order, erased with the rest of its page at once (the server reads the thread whole again): still placed by its votes', async () => {
    await fillVoted();
    const first = await get({ sort: 'best' });
    const cursor = first.body!.next!;
    const following = responsesOf((await get({ sort: 'best', cursor })).body);
    // More changes than the thread's list of them keeps: its model is read whole, not caught up.
    await t.store.privacy.erase(nobody, { placeholders: [], removed: responsesOf(first.body) });
    expect(responsesOf((await get({ sort: 'best', cursor })).body)).toEqual(following);
  });

  it.each(['oldest', 'newest'] as const)(
    'in the %s order, erased before the server held the thread (a restart): placed by its id',
    async (sort) => {
      await fillVoted();
      const cursor = (await get({ sort })).body!.next!;
      const following = responsesOf((await get({ sort, cursor })).body);
      await t.reopen();
      await removals.erased(Number(cursor));
      expect(responsesOf((await get({ sort, cursor })).body)).toEqual(following);
    },
  );

  it("refuses another thread's comment, even one posted among this thread's, and an id past them all with 404", async () => {
    const { responses } = await fill(25);
    const thread = await t.store.threads.find('default', PAGE);
    const other = await t.store.threads.create('default', 'https://blog.example/other', '2026-01-01T00:00:00.000Z');
    const comment = (threadId: number) =>
      t.store.comments.insert({
        threadId,
        parentId: null,
        status: 'approved',
        authorName: 'Reader',
        bodyMarkdown: 'Later',
        bodyHtml: '<p>Later</p>',
        createdAt: '2026-01-01T02:00:00.000Z',
      });
    const elsewhere = await comment(other.id);
    await comment(thread!.id);
    for (const cursor of [elsewhere.id, responses.at(-1)! + 100_000]) {
      const { res } = await get({ cursor: String(cursor) });
      expect(res.status, String(cursor)).toBe(404);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/first page/) });
    }
  });
});
