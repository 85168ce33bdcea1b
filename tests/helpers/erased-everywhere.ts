/** Every place a comment's text can be read back from the server: an erased person's words must be in none of them. */
import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/** Reads the thread (JSON and HTML fragment), both Atom feeds, recent comments, admin search and the full export; none may hold `text`. */
export async function expectNowhere(t: Pick<TestApp, 'app'>, admin: Record<string, string>, page: string, text: string): Promise<void> {
  const query = new URLSearchParams({ page });
  const places: [string, Record<string, string>][] = [
    [`/api/v1/threads?${query}`, {}],
    [`/api/v1/threads/html?${query}`, {}],
    [`/feeds/thread.atom?${query}`, {}],
    ['/feeds/site.atom', {}],
    ['/api/v1/recent?limit=20', {}],
    [`/api/v1/admin/comments?${new URLSearchParams({ q: text })}`, admin],
    ['/api/v1/admin/comments?limit=100', admin],
    ['/api/v1/admin/export', admin],
  ];
  for (const [path, headers] of places) {
    const res = await t.app.request(path, { headers });
    expect(res.status, path).toBe(200);
    expect(await res.text(), path).not.toContain(text);
  }
  const search = await t.app.request(`/api/v1/admin/comments?${new URLSearchParams({ q: text })}`, { headers: admin });
  expect(((await search.json()) as { total: number }).total).toBe(0);
}
