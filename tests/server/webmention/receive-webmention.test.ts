import { afterEach, describe, expect, it } from 'vitest';
import type { AdminMention, WireMention } from '../../../shared/notifications.ts';
import { addAdmin, adminHeaders } from '../../helpers/admin-session.ts';
import { type LoopbackServer, startLoopbackServer } from '../../helpers/loopback-server.ts';
import { BLOG_ORIGIN, openTempApp } from '../../helpers/test-app.ts';

const target = `${BLOG_ORIGIN}/2026/11/hello/`;
const servers: LoopbackServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** Another blog on loopback whose one page answers what the test says. */
async function sourceBlog() {
  const page = { status: 200, body: '' };
  const server = await startLoopbackServer((_req, res) => {
    res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' }).end(page.body);
  });
  servers.push(server);
  return { page, server, source: `${server.origin}/re-hello` };
}

const entry = (text: string, link = target) => `<!doctype html><title>Ann's blog</title>
<article class="h-entry"><h1 class="p-name">Re: Hello</h1>
<a class="p-author h-card" href="/about">Ann Example</a>
<time class="dt-published" datetime="2026-11-27T12:30:00Z">27 November</time>
<p>In reply to <a class="u-in-reply-to" href="${link}">Hello</a>.</p>
<div class="e-content"><p>${text} <script>alert(1)</script></p></div></article>`;

async function appFor(port: number) {
  const t = await openTempApp([], {}, { addressPolicy: { allowLoopback: [port] } });
  const send = async (form: Record<string, string>, query = '') => {
    const res = await t.app.request(`/webmention${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    await t.outbox.settled();
    return res;
  };
  const mentions = async () => ((await t.thread(target)).body.mentions ?? []) as WireMention[];
  return { t, send, mentions };
}

describe('the Webmention endpoint', () => {
  it('accepts a mention (202), verifies it later, shows it apart from comments, updates it when sent again, removes it on 410', async () => {
    const blog = await sourceBlog();
    const { send, mentions } = await appFor(blog.server.port);
    blog.page.body = entry('I <em>agree</em>.');
    const res = await send({ source: blog.source, target });
    expect(res.status).toBe(202);
    expect(await mentions()).toEqual([
      {
        id: 1,
        type: 'reply',
        url: blog.source,
        author: { name: 'Ann Example', url: `${blog.server.origin}/about` },
        name: 'Re: Hello',
        html: '<p>I <em>agree</em>. </p>',
        publishedAt: '2026-11-27T12:30:00.000Z',
      },
    ]);

    blog.page.body = entry('On second thought, no.');
    expect((await send({ source: blog.source, target })).status).toBe(202);
    expect((await mentions()).map((m) => m.html)).toEqual(['<p>On second thought, no. </p>']);

    // The source no longer links to the page: its mention goes; so it does when the source is gone.
    blog.page.body = entry('Unrelated.', 'https://elsewhere.example/');
    await send({ source: blog.source, target });
    expect(await mentions()).toEqual([]);
    blog.page.body = entry('Back again.');
    await send({ source: blog.source, target });
    expect(await mentions()).toHaveLength(1);
    blog.page.status = 410;
    await send({ source: blog.source, target });
    expect(await mentions()).toEqual([]);
  });

  it('is held where the site holds comments, until the admin approves it', async () => {
    const blog = await sourceBlog();
    const { t, send, mentions } = await appFor(blog.server.port);
    await addAdmin(t);
    const admin = await adminHeaders(t);
    await t.store.sites.updateSettings('default', { moderation: 'all' });
    blog.page.body = entry('Held for now.');
    await send({ source: blog.source, target });
    expect(await mentions()).toEqual([]);
    const listed = (await (await t.app.request('/api/v1/admin/mentions?status=pending', { headers: admin })).json()) as {
      mentions: AdminMention[];
      pending: number;
    };
    expect(listed.pending).toBe(1);
    expect(listed.mentions.map((m) => [m.source, m.status, m.thread.url])).toEqual([[blog.source, 'pending', target]]);
    const approve = await t.send('POST', '/api/v1/admin/mentions/actions', { ids: [listed.mentions[0]!.id], action: 'approve' }, admin);
    expect(await approve.json()).toEqual({ changed: [listed.mentions[0]!.id] });
    expect((await mentions()).map((m) => m.html)).toEqual(['<p>Held for now. </p>']);
  });

  it('finds the thread of a page whose widget sets page-id, by the address the widget sent', async () => {
    const blog = await sourceBlog();
    const { t, send } = await appFor(blog.server.port);
    expect(
      (await t.post({ page: 'post-1234', url: target, body: 'A comment first.', author: { name: 'Ann' } }, { origin: BLOG_ORIGIN })).status,
    ).toBe(201);
    blog.page.body = entry('Linked from my blog.');
    await send({ source: blog.source, target });
    const mentions = ((await t.thread('post-1234')).body.mentions ?? []) as WireMention[];
    expect(mentions.map((m) => m.html)).toEqual(['<p>Linked from my blog. </p>']);
    blog.page.status = 410;
    await send({ source: blog.source, target });
    expect((await t.thread('post-1234')).body.mentions).toBeUndefined();
  });

  it('refuses what is not a Webmention for a page of a blog it keeps, with a reason', async () => {
    const blog = await sourceBlog();
    const { t, send } = await appFor(blog.server.port);
    const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { message: string } }).error });
    expect(await errorOf(await send({ source: blog.source, target: 'https://stranger.example/post' }))).toMatchObject({
      status: 400,
      message: 'The target is not a page of a blog whose comments this server keeps.',
    });
    expect(await errorOf(await send({ source: target, target }))).toMatchObject({ status: 400 });
    expect(await errorOf(await send({ source: 'ftp://x.example/', target }))).toMatchObject({ status: 400 });
    const json = await t.app.request('/webmention', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await errorOf(json)).toMatchObject({ status: 400, message: expect.stringContaining('x-www-form-urlencoded') });
  });

  it('never fetches a private, loopback or link-local source: the verification fails and nothing is stored', async () => {
    const blog = await sourceBlog();
    const { t, send, mentions } = await appFor(blog.server.port);
    for (const source of ['http://127.0.0.1:9/x', 'http://10.0.0.1/x', 'http://169.254.169.254/latest', 'http://[::1]/x']) {
      expect((await send({ source, target })).status).toBe(202);
    }
    const { rows } = await t.store.outbox.list({ channel: 'webmention', offset: 0, limit: 10 });
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(await mentions()).toEqual([]);
  });
});
