/**
 * What a blog lists across its pages (Chromium): `<riposte-count>` on an index page, every
 * count from one request, in the page's language (or the element's), linking to each post's
 * comments; `<riposte-recent>`, a sidebar's recent comments.
 */
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { useTestBlog } from '../helpers/test-blog.ts';

const demo = useDemoBrowser({ admin: true, timeout: 15_000 });
const blog = useTestBlog(demo);
const SEEDED = 'marine-le-pen-moscow-2017';

describe('<riposte-count> on an index page', () => {
  it('shows each post’s count from one request, in the page’s language, linking to its comments', async () => {
    const other = 'https://blog.example/other-post';
    const posted = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: other, body: 'The only comment here.', author: { name: 'Ann' } }),
    });
    expect(posted.status).toBe(201);
    blog.pages.set(
      '/',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title></head><body>
      <script type="module" src="${demo.stack.server.url}/embed.js"></script>
      <article><h2>The seeded post</h2><riposte-count id="seeded" page-id="${SEEDED}" page-url="${blog.server.origin}/seeded">Comments</riposte-count></article>
      <article><h2>Another</h2><riposte-count id="other" page-url="${other}?utm_source=x">Comments</riposte-count></article>
      <article><h2>A new one</h2><a href="/new"><riposte-count id="none" page-id="new-post">Comments</riposte-count></a></article>
      <article lang="fr"><h2>Un billet</h2><riposte-count id="french" page-id="${SEEDED}">Commentaires</riposte-count></article>
      </body></html>`,
    );
    await demo.page.goto(`${blog.server.origin}/`);
    const seeded = demo.page.locator('#seeded');
    await seeded.getByRole('link', { name: '9 Responses' }).waitFor();
    expect(await seeded.getByRole('link').getAttribute('href')).toBe(`${blog.server.origin}/seeded#comments`);
    await expect(demo.page.locator('#other').getByRole('link').textContent()).resolves.toBe('1 Response');
    expect(await demo.page.locator('#other a').getAttribute('href')).toBe(`${other}?utm_source=x#comments`);
    // Already inside a link: text only, no link in a link.
    await expect(demo.page.locator('#none').textContent()).resolves.toBe('No responses yet');
    expect(await demo.page.locator('#none a').count()).toBe(0);
    await expect(demo.page.locator('#french').textContent()).resolves.toBe('9 réponses');
    expect(await demo.page.locator('#seeded').getAttribute('data-count')).toBe('9');

    const countRequests = demo.requested.filter((url) => url.includes('/api/v1/counts'));
    expect(countRequests).toHaveLength(1);
    // Each page once, however many elements count it.
    expect(new URL(countRequests[0]!).searchParams.getAll('page').sort()).toEqual([`${other}?utm_source=x`, SEEDED, 'new-post'].sort());
    // An index page loads no thread, no form.
    expect(demo.requested.some((url) => /\/api\/v1\/threads|writing/.test(url))).toBe(false);
  });
});

describe('<riposte-recent> in a sidebar', () => {
  it("lists the site's newest comments in the element's language, each linking to its comment", async () => {
    const page = 'https://blog.example/recent-post';
    const posted = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page, url: page, title: 'Un billet <récent>', body: 'Le plus récent.', author: { name: 'Zoé' } }),
    });
    const { comment } = (await posted.json()) as { comment: { id: number } };
    blog.pages.set(
      '/sidebar',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title></head><body>
      <script type="module" src="${demo.stack.server.url}/embed.js"></script>
      <aside lang="fr"><h2>Commentaires récents</h2><riposte-recent limit="3">Chargement…</riposte-recent></aside>
      </body></html>`,
    );
    await demo.page.goto(`${blog.server.origin}/sidebar`);
    const items = demo.page.locator('riposte-recent li');
    await items.first().waitFor();
    expect(await items.count()).toBe(3);
    const newest = items.first().getByRole('link');
    await expect(newest.textContent()).resolves.toBe('Zoé sur Un billet <récent>');
    expect(await newest.getAttribute('href')).toBe(`${page}#comment-${comment.id}`);
    expect(await items.first().locator('time').textContent()).toMatch(/maintenant|il y a/);
  });
});
