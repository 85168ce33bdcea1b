import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/test-app.ts';

const page = 'https://blog.example/post';
const alice = 'alice-browser-0123456789';
const bob = 'bob-browser-0123456789ab';

const t = useTestApp();

const like = async (liker: string, liked: boolean) => (await t.send('PUT', '/api/v1/likes', { page, liker, liked })).json();
const state = async (liker: string) => (await t.app.request(`/api/v1/likes?${new URLSearchParams({ page, liker })}`)).json();

describe('page likes', () => {
  it('counts each browser once and lets it take its like back', async () => {
    expect(await state(alice)).toEqual({ count: 0, liked: false });
    expect(await like(alice, true)).toEqual({ count: 1, liked: true });
    expect(await like(alice, true)).toEqual({ count: 1, liked: true });
    expect(await like(bob, true)).toEqual({ count: 2, liked: true });
    expect(await state(alice)).toEqual({ count: 2, liked: true });
    expect(await like(alice, false)).toEqual({ count: 1, liked: false });
    expect(await state(alice)).toEqual({ count: 1, liked: false });
    expect((await t.thread(page)).body.likes).toBe(1);
  });

  it("changes the thread answer's ETag, so readers see the new count", async () => {
    const first = await t.app.request(`/api/v1/threads?page=${encodeURIComponent(page)}`);
    await like(alice, true);
    const after = await t.app.request(`/api/v1/threads?page=${encodeURIComponent(page)}`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { likes: number }).likes).toBe(1);
  });

  it('refuses bad requests with clear errors', async () => {
    const cases: [Response, number, string][] = [
      [await t.send('PUT', '/api/v1/likes', { page, liker: alice }), 400, 'invalid_input'],
      [await t.send('PUT', '/api/v1/likes', { page, liker: alice, liked: true, site: 'nope' }), 404, 'unknown_site'],
      [await t.send('PUT', '/api/v1/likes', { page, liker: alice, liked: true }, { 'content-type': 'text/plain' }), 400, 'invalid_input'],
      [
        await t.send('PUT', '/api/v1/likes', { page, liker: alice, liked: true }, { origin: 'https://evil.example' }),
        403,
        'origin_not_allowed',
      ],
      [await t.app.request(`/api/v1/likes?page=${page}`), 400, 'invalid_input'],
    ];
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect(await state(alice)).toEqual({ count: 0, liked: false });
  });

  it('refuses a liker id that is not a random id', async () => {
    const res = await t.send('PUT', '/api/v1/likes', { page, liker: 'short', liked: true });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.liker).toBeTruthy();
  });
});
