/**
 * A blog on an origin of its own whose pages a browser test writes (path -> HTML), allowed on
 * the demo's comment server as its owner would allow it: in the admin view's rules (the admin API).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './admin-session.ts';
import type { DemoBrowser } from './demo-browser.ts';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.ts';

export class TestBlog {
  /** The blog's server, live once the hooks ran. */
  server!: LoopbackServer;
  /** Its pages, by path. */
  readonly pages = new Map<string, string>();
}

/** Registers the hooks (after useDemoBrowser with `admin: true`) and returns the blog. */
export function useTestBlog(demo: DemoBrowser): TestBlog {
  const blog = new TestBlog();
  beforeAll(async () => {
    blog.server = await startLoopbackServer((req, res) => {
      const html = blog.pages.get(req.url ?? '');
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'Not found');
    });
    const server = demo.stack.server.url;
    const login = await fetch(`${server}/api/v1/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    const { csrf } = (await login.json()) as { csrf: string };
    const allowed = await fetch(`${server}/api/v1/admin/sites/default`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        origin: server,
        cookie: login.headers.get('set-cookie')!.split(';')[0]!,
        'riposte-csrf': csrf,
      },
      body: JSON.stringify({ origins: [blog.server.origin] }),
    });
    expect(allowed.status).toBe(200);
  });
  afterAll(() => blog.server?.close());
  return blog;
}
