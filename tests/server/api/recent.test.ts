import { describe, expect, it } from 'vitest';
import { MAX_RECENT, type WireRecent } from '../../../shared/listing-wire.ts';
import type { WireComment } from '../../../shared/wire.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const t = useTestApp();

async function postOk(page: string, body: string, extra: Record<string, unknown> = {}): Promise<WireComment> {
  const res = await t.post({ page, body, author: { name: 'Ann', email: 'ann@example.com' }, ...extra });
  expect(res.status).toBe(201);
  t.clock.advance(1000);
  return ((await res.json()) as { comment: WireComment }).comment;
}

describe('GET /api/v1/recent', () => {
  it("answers the site's newest comments readers see, newest first, with their pages, never an email", async () => {
    const a = 'https://blog.example/a';
    const first = await postOk(a, 'one', { url: a, title: 'Post A' });
    const held = await postOk('https://blog.example/b', 'two');
    await t.store.comments.setStatus([held.id], 'pending');
    const third = await postOk('post-7', 'three');
    const res = await t.app.request('/api/v1/recent?limit=5');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const body = (await res.json()) as WireRecent;
    expect(body).toEqual({
      site: 'default',
      comments: [
        { id: third.id, author: { name: 'Ann' }, createdAt: third.createdAt, page: { key: 'post-7', url: null, title: null } },
        { id: first.id, author: { name: 'Ann' }, createdAt: first.createdAt, page: { key: a, url: a, title: 'Post A' } },
      ],
    } satisfies WireRecent);
    expect(JSON.stringify(body)).not.toContain('ann@example.com');
  });

  it(`takes a limit from 1 to ${MAX_RECENT} (default 5), and says so`, async () => {
    for (let i = 0; i < 6; i++) await postOk(`https://blog.example/${i}`, `comment ${i}`);
    expect(((await (await t.app.request('/api/v1/recent')).json()) as WireRecent).comments).toHaveLength(5);
    expect(((await (await t.app.request('/api/v1/recent?limit=2')).json()) as WireRecent).comments).toHaveLength(2);
    for (const limit of ['0', String(MAX_RECENT + 1), 'ten']) {
      const res = await t.app.request(`/api/v1/recent?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        `Limit must be a whole number from 1 to ${MAX_RECENT}.`,
      );
    }
    expect((await t.app.request('/api/v1/recent?site=nope')).status).toBe(404);
  });
});
