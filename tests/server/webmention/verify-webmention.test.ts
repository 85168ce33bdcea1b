import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebmention } from '../../../server/webmention/verify-webmention.ts';
import { expectSafeHtml } from '../../helpers/html-safety.ts';
import { type LoopbackServer, startLoopbackServer } from '../../helpers/loopback-server.ts';

const TARGET = 'https://blog.example.com/2026/11/hello';

/** A stranger's blog on loopback: each path answers what the test put there. */
interface Blog {
  server: LoopbackServer;
  pages: Map<string, { status?: number; type?: string; body: string }>;
  url(path: string): string;
}

const blogs: Blog[] = [];
afterEach(async () => {
  for (const blog of blogs.splice(0)) await blog.server.close();
});

async function startBlog(): Promise<Blog> {
  const pages: Blog['pages'] = new Map();
  const server = await startLoopbackServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) return res.writeHead(404).end('not found');
    res.writeHead(page.status ?? 200, { 'content-type': page.type ?? 'text/html; charset=utf-8' }).end(page.body);
  });
  const blog = { server, pages, url: (path: string) => `${server.origin}${path}` };
  blogs.push(blog);
  return blog;
}

const verify = (blog: Blog, path: string, target = TARGET) =>
  verifyWebmention(blog.url(path), target, { allowLoopback: [blog.server.port] });

function reply(blog: Blog, text: string): string {
  return `<!doctype html><html><head><title>Ann's blog: a reply</title></head><body>
<article class="h-entry">
  <h1 class="p-name">Re: Hello</h1>
  <span class="p-author h-card"><img class="u-photo" src="/ann.jpg" alt=""><a class="p-name u-url" href="/about">Ann Example</a></span>
  <time class="dt-published" datetime="2026-11-27 13:30:00+0100">27 November</time>
  <p>In reply to <a class="u-in-reply-to" href="${TARGET}/">Hello</a>.</p>
  <div class="e-content"><p>${text} <script>alert(1)</script><img src="/x.png" onerror="alert(1)"><a href="javascript:alert(1)">click</a></p></div>
  <a class="u-url" href="${blog.url('/re-hello')}">permalink</a>
</article></body></html>`;
}

describe('Webmention verification', () => {
  it('reads a source page that links to the target: its h-entry as a reply, author, sanitised content, UTC date', async () => {
    const blog = await startBlog();
    blog.pages.set('/re-hello', { body: reply(blog, 'I <em>agree</em>.') });
    const result = await verify(blog, '/re-hello');
    expect(result).toEqual({
      ok: true,
      mention: {
        source: blog.url('/re-hello'),
        target: TARGET,
        url: blog.url('/re-hello'),
        type: 'reply',
        author: { name: 'Ann Example', url: blog.url('/about'), photo: blog.url('/ann.jpg') },
        name: 'Re: Hello',
        contentHtml: expect.stringContaining('<p>I <em>agree</em>.'),
        published: '2026-11-27T12:30:00.000Z',
        updated: null,
      },
    });
    if (!result.ok) throw new Error('unreachable');
    expectSafeHtml(result.mention.contentHtml!);
    expect(result.mention.contentHtml).not.toMatch(/alert|onerror/);
  });

  it('reads the page again after an update, and says gone (410) or no link once the source is deleted or changed', async () => {
    const blog = await startBlog();
    blog.pages.set('/re-hello', { body: reply(blog, 'First thoughts.') });
    expect(await verify(blog, '/re-hello')).toMatchObject({
      ok: true,
      mention: { contentHtml: expect.stringContaining('First thoughts.') },
    });
    blog.pages.set('/re-hello', { body: reply(blog, 'Second thoughts.') });
    expect(await verify(blog, '/re-hello')).toMatchObject({
      ok: true,
      mention: { contentHtml: expect.stringContaining('Second thoughts.') },
    });

    blog.pages.set('/re-hello', { body: '<p>I took that back.</p>' });
    expect(await verify(blog, '/re-hello')).toMatchObject({ ok: false, reason: 'no-link', retry: false });
    blog.pages.set('/re-hello', { status: 410, body: 'Gone' });
    expect(await verify(blog, '/re-hello')).toMatchObject({ ok: false, reason: 'gone', retry: false });
  });

  it('counts only real links: a URL in a comment, a script, a template or the text is not one; a relative link under <base> is', async () => {
    const blog = await startBlog();
    blog.pages.set('/fake', {
      body: `<p>See ${TARGET}</p><!-- <a href="${TARGET}">x</a> --><script>const u = '<a href="${TARGET}">';</script>
<template><a href="${TARGET}">x</a></template><textarea><a href="${TARGET}">x</a></textarea><a data-href="${TARGET}">x</a>`,
    });
    expect(await verify(blog, '/fake')).toMatchObject({ ok: false, reason: 'no-link' });
    blog.pages.set('/base', {
      body: '<base href="https://blog.example.com/2026/"><p><a href="11/hello?utm_source=feed#comments">it</a></p>',
    });
    expect(await verify(blog, '/base')).toMatchObject({ ok: true });
  });

  it('makes a plain mention of a page without an h-entry, named by its <title>; a like by like-of; a note has no title', async () => {
    const blog = await startBlog();
    blog.pages.set('/links', { body: `<title>  Weekly   links </title><ul><li><a href="${TARGET}">Hello</a></li></ul>` });
    expect(await verify(blog, '/links')).toEqual({
      ok: true,
      mention: {
        source: blog.url('/links'),
        target: TARGET,
        url: blog.url('/links'),
        type: 'mention',
        author: { name: null, url: null, photo: null },
        name: 'Weekly links',
        contentHtml: null,
        published: null,
        updated: null,
      },
    });
    blog.pages.set('/like', {
      body: `<div class="h-entry"><span class="p-author">Bob</span> liked <a class="u-like-of" href="${TARGET}">this</a></div>`,
    });
    expect(await verify(blog, '/like')).toMatchObject({ ok: true, mention: { type: 'like', author: { name: 'Bob', url: null } } });
    blog.pages.set('/note', {
      body: `<title>Notes</title><div class="h-entry"><p class="p-name e-content">Read <a href="${TARGET}">this</a>, by\n<b>me</b></p></div>`,
    });
    expect(await verify(blog, '/note')).toMatchObject({
      ok: true,
      mention: { name: null, contentHtml: `Read <a href="${TARGET}" rel="nofollow ugc noopener">this</a>, by\n<strong>me</strong>` },
    });
  });

  it('says why not for pages that are not HTML, that fail, or that cannot be fetched', async () => {
    const blog = await startBlog();
    blog.pages.set('/data.json', { type: 'application/json', body: JSON.stringify({ link: TARGET }) });
    blog.pages.set('/busy', { status: 503, body: 'later' });
    expect(await verify(blog, '/data.json')).toMatchObject({ ok: false, reason: 'not-html', contentType: 'application/json' });
    expect(await verify(blog, '/busy')).toMatchObject({ ok: false, reason: 'http-error', status: 503, retry: true });
    expect(await verify(blog, '/missing')).toMatchObject({ ok: false, reason: 'http-error', status: 404, retry: false });
    expect(await verifyWebmention(blog.url('/busy'), TARGET)).toMatchObject({
      ok: false,
      reason: 'fetch-failed',
      code: 'refused',
      retry: false,
    });
    expect(await verifyWebmention('ftp://example.com/x', TARGET)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await verifyWebmention(`${TARGET}/`, TARGET)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
