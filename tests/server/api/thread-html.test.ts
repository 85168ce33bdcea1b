import { mf2 } from 'microformats-parser';
import { describe, expect, it } from 'vitest';
import type { WireComment } from '../../../shared/wire.ts';
import { expectSafeHtml } from '../../helpers/html-safety.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const t = useTestApp();
const url = 'https://blog.example/post';

async function postOk(body: string, author: Record<string, string>, parentId?: number): Promise<WireComment> {
  const res = await t.post({ page: url, url, title: 'Post', body, author, ...(parentId ? { parentId } : {}) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: WireComment }).comment;
}

const fragment = (query: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.request(`/api/v1/threads/html?${new URLSearchParams(query)}`, { headers });

/** The fragment's top-level microformats, parsed as on the blog's page. */
function entries(html: string) {
  return mf2(html, { baseUrl: url }).items.filter((item) => item.type?.includes('h-entry'));
}

describe('GET /api/v1/threads/html', () => {
  it('answers the thread as microformats2 h-entries with authors, dates, permalinks and what each replies to', async () => {
    const ann = await postOk('Hello *world*', { name: 'Ann', website: 'https://ann.example' });
    const bo = await postOk('A reply', { name: 'Bo' }, ann.id);
    const res = await fragment({ page: url });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/^<section class="riposte-html" lang="en">/);
    expect(html).toContain('<h2 class="riposte-title">2 Responses</h2>');
    // Articles in nested lists: the reply's list is inside the response's item.
    expect(html).toMatch(
      new RegExp(
        `<li>\\s*<article[^>]*id="comment-${ann.id}"[\\s\\S]*<ol class="riposte-replies">\\s*<li>\\s*<article[^>]*id="comment-${bo.id}"`,
      ),
    );

    const [first, second] = entries(html);
    expect(first!.type).toEqual(['h-cite', 'h-entry']);
    expect(first!.properties.url).toEqual([`${url}#comment-${ann.id}`]);
    expect(first!.properties.published).toEqual([ann.createdAt]);
    expect(first!.properties['in-reply-to']).toEqual([url]);
    expect(first!.properties.content).toEqual([{ html: '<p>Hello <em>world</em></p>', value: 'Hello world' }]);
    const author = first!.properties.author![0] as { type: string[]; properties: Record<string, unknown[]> };
    expect(author.type).toEqual(['h-card']);
    expect(author.properties).toEqual({ name: ['Ann'], url: ['https://ann.example'] });

    expect(second!.properties.url).toEqual([`${url}#comment-${bo.id}`]);
    expect(second!.properties['in-reply-to']).toEqual([`${url}#comment-${ann.id}`]);
    expect((second!.properties.author![0] as { properties: Record<string, unknown[]> }).properties.name).toEqual(['Bo']);
    // A reader without JavaScript can go on to comment, and subscribe.
    expect(html).toContain(`<a class="riposte-respond" href="${url}#respond">Leave a Reply</a>`);
    expect(html).toContain(`href="http://127.0.0.1:8787/feeds/thread.atom?site=default&amp;page=${encodeURIComponent(url)}"`);
  });

  it('lists the thread in its default order as the JSON thread does: pinned comments first among their siblings, marked', async () => {
    const ann = await postOk('First', { name: 'Ann' });
    const bo = await postOk('First reply', { name: 'Bo' }, ann.id);
    const cy = await postOk('Second reply', { name: 'Cy' }, ann.id);
    const dee = await postOk('Second response', { name: 'Dee' });
    await t.store.comments.setPinned(cy.id, true);
    await t.store.comments.setPinned(dee.id, true);
    const html = await (await fragment({ page: url })).text();
    const order = [...html.matchAll(/<article [^>]*id="comment-(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([dee.id, ann.id, cy.id, bo.id]);
    expect(order).toEqual((await t.thread(url)).body.comments.map((c) => c.id));
    // The pinned reply is still in its parent's list, and microformats readers see the same order.
    expect(entries(html).map((entry) => entry.properties.url)).toEqual(order.map((id) => [`${url}#comment-${id}`]));
    const pinnedMark = '<span class="riposte-badge riposte-pinned">Pinned</span>';
    expect(html.split(pinnedMark)).toHaveLength(3);
    for (const id of [dee.id, cy.id])
      expect(html).toMatch(new RegExp(`id="comment-${id}">\\s*<p class="riposte-meta">[^\\n]*${pinnedMark}`));
    expect(await (await fragment({ page: url, lang: 'fr' })).text()).toContain('<span class="riposte-badge riposte-pinned">Épinglé</span>');
  });

  it('shows vote counts as text, the JSON thread’s numbers, only where the site’s votes setting shows them', async () => {
    const ann = await postOk('Worth a vote', { name: 'Ann' });
    const vote = async (liker: string, value: number) =>
      expect((await t.send('PUT', `/api/v1/comments/${ann.id}/vote`, { liker, value })).status).toBe(200);
    const counts = async () => (await (await fragment({ page: url })).text()).match(/<p class="riposte-votes">.*<\/p>/g);
    const up = (n: number) => `<span class="riposte-vote"><span role="img" aria-label="Upvote">▲</span> ${n}</span>`;
    const down = (n: number) => `<span class="riposte-vote"><span role="img" aria-label="Downvote">▼</span> ${n}</span>`;
    // Upvotes only (the default): the widget's up button's count, 0 before anyone voted.
    expect(await counts()).toEqual([`<p class="riposte-votes">${up(0)}</p>`]);
    await vote('reader-one-0123456789', 1);
    await vote('reader-two-0123456789', 1);
    expect(await counts()).toEqual([`<p class="riposte-votes">${up(2)}</p>`]);
    expect((await t.thread(url)).body.comments[0]).toMatchObject({ up: 2 });

    await t.store.sites.updateSettings('default', { votes: 'updown' });
    await vote('reader-three-0123456789', -1);
    expect(await counts()).toEqual([`<p class="riposte-votes">${up(2)} ${down(1)}</p>`]);
    expect((await t.thread(url)).body.comments[0]).toMatchObject({ up: 2, down: 1 });
    // The counts are no part of the comment's content.
    const html = await (await fragment({ page: url })).text();
    expect(entries(html)[0]!.properties.content).toEqual([{ html: '<p>Worth a vote</p>', value: 'Worth a vote' }]);

    await t.store.sites.updateSettings('default', { votes: 'off' });
    const off = await (await fragment({ page: url })).text();
    expect(off).toContain('Worth a vote');
    expect(off).not.toMatch(/riposte-vote|▲|▼/);
  });

  it('comments inside the post’s own h-entry are its p-comment properties', async () => {
    const ann = await postOk('First', { name: 'Ann' });
    const html = (await (await fragment({ page: url })).text()).trim();
    const post = mf2(`<article class="h-entry"><h1 class="p-name">Post</h1>${html}</article>`, { baseUrl: url }).items[0]!;
    const comments = post.properties.comment as { properties: Record<string, unknown[]> }[];
    expect(comments.map((c) => c.properties.url)).toEqual([[`${url}#comment-${ann.id}`]]);
  });

  it('escapes hostile names and keeps only sanitised comment HTML', async () => {
    const name = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    await postOk('<img src=x onerror=alert(3)> <b>bold</b> [x](javascript:alert(4))', { name });
    const html = await (await fragment({ page: url })).text();
    // Everything from the poster is text: no element of theirs, no attribute, no link.
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    const [entry] = entries(html);
    expect((entry!.properties.author![0] as { properties: Record<string, unknown[]> }).properties.name).toEqual([name]);
    const content = entry!.properties.content![0] as { html: string; value: string };
    expect(content.value).toContain('<img src=x onerror=alert(3)>');
    expectSafeHtml(content.html);
  });

  it('links only to web pages, whatever address an imported thread holds', async () => {
    await t.store.threads.create('default', 'imported-post', t.now().toISOString(), 'javascript:alert(1)');
    expect((await t.post({ page: 'imported-post', body: 'Hi', author: { name: 'Ann' } })).status).toBe(201);
    const html = await (await fragment({ page: 'imported-post' })).text();
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a class="riposte-respond" href="#respond">');
  });

  it('is cached like the JSON thread: the same ETag and 304 until the thread changes', async () => {
    await postOk('one', { name: 'Ann' });
    const res = await fragment({ page: url }, { 'accept-encoding': 'br' });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const etag = res.headers.get('etag')!;
    expect((await fragment({ page: url }, { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(304);
    await postOk('two', { name: 'Bo' });
    const changed = await fragment({ page: url }, { 'if-none-match': etag.replace('-br"', '"') });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('2 Responses');
  });

  it('speaks the language asked for, the nearest one there is, else English', async () => {
    await postOk('Bonjour', { name: 'Ann' });
    const fr = await (await fragment({ page: url, lang: 'fr-CA' })).text();
    expect(fr).toMatch(/^<section class="riposte-html" lang="fr">\s*<h2 class="riposte-title">1 réponse<\/h2>/);
    expect(fr).toContain('Laisser');
    expect(await (await fragment({ page: url, lang: 'de' })).text()).toContain('lang="de"');
    expect(await (await fragment({ page: url, lang: 'ja' })).text()).toContain('1 Response');
  });

  it('answers an empty thread for a page nobody commented on, and readable errors for bad queries', async () => {
    const empty = await (await fragment({ page: 'https://blog.example/new' })).text();
    expect(empty).toContain('No responses yet');
    expect(empty).not.toContain('<ol');
    const badLang = await fragment({ page: url, lang: '"><script>' });
    expect(badLang.status).toBe(400);
    expect(((await badLang.json()) as { error: { code: string; fields: Record<string, string> } }).error.fields.lang).toMatch(
      /language tag/,
    );
    const noPage = await fragment({});
    expect(noPage.status).toBe(400);
    expect((await fragment({ page: url, site: 'nope' })).status).toBe(404);
  });

  it('shows a removed comment with replies as a placeholder, nothing of it', async () => {
    const gone = await postOk('buy now', { name: 'Spammer' });
    await postOk('a reply', { name: 'Bo' }, gone.id);
    await t.store.comments.setStatus([gone.id], 'spam');
    const html = await (await fragment({ page: url })).text();
    expect(html).not.toMatch(/buy now|Spammer/);
    expect(html).toContain(
      `<article class="riposte-comment riposte-deleted" id="comment-${gone.id}"><p>This comment was deleted.</p></article>`,
    );
    expect(entries(html)).toHaveLength(1);
  });
});
