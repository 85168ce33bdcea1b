/**
 * Live updates in Chromium: a blog page (an origin of its own) with the thread below a tall
 * first screen. No stream and no live code until the reader scrolls to the comments; then a
 * comment another reader posts shows as "1 new comment", which opens it; an edit changes the
 * comment in place. With two instances on one PostgreSQL, the widget on B sees what A stores.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type RunningServer, startServer } from '../../server/main.ts';
import type { PostedComment } from '../../shared/wire.ts';
import { launchChromium } from '../helpers/browser.ts';
import { type LoopbackServer, startLoopbackServer } from '../helpers/loopback-server.ts';
import { newPostgresDatabase } from '../helpers/postgres.ts';
import { tempDir, testConfig } from '../helpers/test-app.ts';
import { commentWith } from '../helpers/thread-page.ts';

let browser: Browser;
let blog: LoopbackServer;
/** The comment server whose widget the blog page embeds, set by each test. */
let widgetServer = '';

beforeAll(async () => {
  browser = await launchChromium();
  blog = await startLoopbackServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><title>Live</title>
      <script type="module" src="${widgetServer}/embed.js"></script>
      <h1>A long post</h1><div style="height: 3000px">The post.</div>
      <riposte-thread page-id="live-post"></riposte-thread>`);
  });
});
afterAll(async () => {
  await browser?.close();
  await blog?.close();
});

async function server(db: string): Promise<RunningServer> {
  const started = await startServer(testConfig(db, ['--port', '0', '--origins', blog.origin]));
  onTestFinished(() => started.close());
  // Published at once, as a blog without moderation does.
  await started.store.sites.updateSettings('default', { moderation: 'none' });
  return started;
}

/** Another reader's comment, posted from the blog's origin through `through`. */
async function postAsOther(through: RunningServer, body: string): Promise<PostedComment> {
  const res = await fetch(`${through.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: blog.origin },
    body: JSON.stringify({ page: 'live-post', body, author: { name: 'Bea' } }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as PostedComment;
}

async function openBlog(): Promise<{ page: Page; requested: string[] }> {
  const context = await browser.newContext();
  onTestFinished(() => context.close());
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${blog.origin}/post`);
  return { page, requested };
}

const streams = (requested: string[]) => requested.filter((url) => url.includes('/api/v1/threads/events'));

describe('live updates in the widget', () => {
  it('connect once the comments scroll into view; another reader\'s comment waits behind "1 new comment"; an edit shows in place', async () => {
    const dir = tempDir();
    onTestFinished(() => dir.remove());
    const b = await server(`${dir.path}/riposte.db`);
    widgetServer = b.url;
    const first = await postAsOther(b, 'Already here');
    const { page, requested } = await openBlog();
    // The thread loads below the first screen: its comments are there, the live code and stream are not.
    await commentWith(page, 'Already here').waitFor({ state: 'attached' });
    await page.locator('riposte-thread riposte-comment-form').waitFor({ state: 'attached' });
    expect(streams(requested)).toEqual([]);
    expect(requested.filter((url) => /live-updates-/.test(url))).toEqual([]);

    await page.locator('riposte-thread').scrollIntoViewIfNeeded();
    await expect.poll(() => streams(requested).length).toBe(1);
    const newComments = page.getByRole('button', { name: '1 new comment' });
    const posted = await postAsOther(b, 'Posted while you read');
    await newComments.waitFor();
    // The stream started from the version the thread was loaded at, unchanged then: the thread was not read again.
    expect(streams(requested)[0]).toMatch(/[?&]since=\d+/);
    expect(requested.filter((url) => url.includes('/api/v1/threads?'))).toHaveLength(1);
    // Not drawn until the reader asks: the page does not move.
    await expect(commentWith(page, 'Posted while you read').count()).resolves.toBe(0);
    await newComments.click();
    await commentWith(page, 'Posted while you read').waitFor();
    await expect(newComments.count()).resolves.toBe(0);
    await expect(page.locator('riposte-thread').getByRole('heading', { name: '2 Responses' }).count()).resolves.toBe(1);

    const secret = { 'content-type': 'application/json', origin: blog.origin, 'riposte-comment-secret': first.secret! };
    const edit = await fetch(`${b.url}/api/v1/comments/${first.comment.id}`, {
      method: 'PATCH',
      headers: secret,
      body: JSON.stringify({ body: 'Edited live' }),
    });
    expect(edit.status).toBe(200);
    await commentWith(page, 'Edited live').waitFor();
    await expect(page.getByRole('button', { name: /new comment/ }).count()).resolves.toBe(0);
    expect(posted.comment.id).toBeGreaterThan(first.comment.id);
  });

  it('shows a comment posted through instance A in the widget connected to instance B, both on one PostgreSQL', async () => {
    const db = await newPostgresDatabase();
    const a = await server(db);
    const b = await server(db);
    widgetServer = b.url;
    const { page, requested } = await openBlog();
    await page.locator('riposte-thread').getByRole('heading', { name: 'No responses yet' }).waitFor();
    await page.locator('riposte-thread').scrollIntoViewIfNeeded();
    await expect.poll(() => streams(requested).length).toBe(1);
    expect(streams(requested)[0]).toMatch(new RegExp(`^${b.url}/`));

    await postAsOther(a, 'Stored through A');
    await page.getByRole('button', { name: '1 new comment' }).click();
    await commentWith(page, 'Stored through A').waitFor();
  });
});
