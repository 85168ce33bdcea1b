import { describe, expect, it } from 'vitest';
import { MAX_COUNT_PAGES, type WireCounts } from '../../../shared/listing-wire.ts';
import type { WireComment } from '../../../shared/wire.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const t = useTestApp();
const author = { name: 'Ann' };

async function postOk(page: string, body = 'Hello'): Promise<WireComment> {
  const res = await t.post({ page, body, author });
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: WireComment }).comment;
}

const counts = (pages: string[], headers: Record<string, string> = {}) =>
  t.app.request(`/api/v1/counts?${new URLSearchParams(pages.map((page) => ['page', page]))}`, { headers });

describe('GET /api/v1/counts', () => {
  it('answers many pages in one request, in the order asked, counting what readers see', async () => {
    const [a, b] = ['https://blog.example/a', 'https://blog.example/b'];
    await postOk(a);
    await postOk(a, 'again');
    const held = await postOk(a, 'held');
    await t.store.comments.setStatus([held.id], 'pending');
    await postOk(b);
    // Normalised as the thread's key is: the hash and tracking parameters go.
    const res = await counts([b, 'https://blog.example/none', `${a}?utm_source=feed#comments`]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      site: 'default',
      counts: [
        { page: b, count: 1 },
        { page: 'https://blog.example/none', count: 0 },
        { page: a, count: 2 },
      ],
    } satisfies WireCounts);
  });

  it('follows the thread version: an ETag and 304 until a comment changes, then the new count', async () => {
    const page = 'https://blog.example/a';
    await postOk(page);
    const first = await counts([page]);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect((await counts([page], { 'if-none-match': etag })).status).toBe(304);
    const second = await postOk(page, 'a second comment');
    expect(((await (await counts([page], { 'if-none-match': etag })).json()) as WireCounts).counts[0]!.count).toBe(2);
    await t.store.comments.setStatus([second.id], 'spam');
    expect(((await (await counts([page])).json()) as WireCounts).counts[0]!.count).toBe(1);
  });

  it(`takes at most ${MAX_COUNT_PAGES} pages, and says so`, async () => {
    const many = Array.from({ length: MAX_COUNT_PAGES + 1 }, (_, i) => `https://blog.example/${i}`);
    const res = await counts(many);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(`at most ${MAX_COUNT_PAGES} pages`);
    expect((await counts(many.slice(0, MAX_COUNT_PAGES))).status).toBe(200);
    expect((await counts([])).status).toBe(400);
    const foreign = await t.app.request('/api/v1/counts?page=x', { headers: { origin: 'https://elsewhere.example' } });
    expect(foreign.status).toBe(403);
  });
});
