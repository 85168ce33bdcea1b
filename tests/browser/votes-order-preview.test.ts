/**
 * Votes, the thread's order, pinned comments and the form's preview, in Chromium on the demo
 * thread: a guest votes as their browser (and sees their vote after a reload, where another
 * browser does not), downvotes only where the site's rules allow them, the order chosen is
 * remembered with replies kept under their parents, a pinned comment comes first and is marked,
 * and the preview shows the server's rendering, reached by keyboard, when posting and editing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { comment, commentWith, fillGuestForm, nesting, pageForm, replyForm, gotoPost } from '../helpers/thread-page.ts';

const demo = useDemoBrowser();

async function open(page: Page = demo.page) {
  await gotoPost(page, demo.stack.blogUrl);
  await page.getByRole('heading', { name: /Responses?$/ }).waitFor();
}

const vote = (page: Page, id: number, which: 'Upvote' | 'Downvote') =>
  comment(page, id).getByRole('button', { name: new RegExp(`^${which}`) });

/** The vote button's count and whether it is pressed. */
async function state(page: Page, id: number, which: 'Upvote' | 'Downvote') {
  const button = vote(page, id, which);
  return { text: (await button.textContent())!.replace(/\s+/g, ' ').trim(), pressed: await button.getAttribute('aria-pressed') };
}

const responses = async (page: Page = demo.page) => (await nesting(page)).filter(([, parent]) => parent === null).map(([id]) => id);

describe('votes on comments', () => {
  it('lets a guest upvote once per browser, see their vote after a reload, and take it back', async () => {
    await open();
    await expect(vote(demo.page, 1, 'Downvote').count()).resolves.toBe(0); // upvotes only, by default
    await vote(demo.page, 1, 'Upvote').click();
    await expect.poll(() => state(demo.page, 1, 'Upvote')).toEqual({ text: '▲Upvote 1', pressed: 'true' });
    await demo.page.reload();
    await demo.page.getByRole('heading', { name: /Responses?$/ }).waitFor();
    await expect.poll(() => state(demo.page, 1, 'Upvote')).toEqual({ text: '▲Upvote 1', pressed: 'true' });

    // Another browser sees the count, not as its own vote.
    const other = await demo.newReader();
    await open(other);
    await expect.poll(() => state(other, 1, 'Upvote')).toEqual({ text: '▲Upvote 1', pressed: 'false' });
    await other.context().close();

    await vote(demo.page, 1, 'Upvote').click();
    await expect.poll(() => state(demo.page, 1, 'Upvote')).toEqual({ text: '▲Upvote 0', pressed: 'false' });
  });

  it("offers downvotes where the site's rules allow them; a downvote replaces the reader's upvote", async () => {
    await demo.stack.server.store.sites.updateSettings('default', { votes: 'updown' });
    try {
      await open();
      await vote(demo.page, 4, 'Upvote').click();
      await expect.poll(() => state(demo.page, 4, 'Upvote')).toEqual({ text: '▲Upvote 1', pressed: 'true' });
      await vote(demo.page, 4, 'Downvote').click();
      await expect.poll(() => state(demo.page, 4, 'Downvote')).toEqual({ text: '▼Downvote 1', pressed: 'true' });
      await expect.poll(() => state(demo.page, 4, 'Upvote')).toEqual({ text: '▲Upvote 0', pressed: 'false' });
      await vote(demo.page, 4, 'Downvote').click();
      await expect.poll(() => state(demo.page, 4, 'Downvote')).toEqual({ text: '▼Downvote 0', pressed: 'false' });
    } finally {
      await demo.stack.server.store.sites.updateSettings('default', { votes: 'up' });
    }
  });
});

describe('the order of the thread', () => {
  it('sorts newest first and best, remembers the choice in this browser, replies staying under their parents', async () => {
    await open();
    expect(await responses()).toEqual([1, 4]);
    await demo.page.getByLabel('Sort by').selectOption('newest');
    await expect.poll(() => responses()).toEqual([4, 1]);
    expect(await nesting(demo.page)).toContainEqual([5, 4]);
    await demo.page.reload();
    await demo.page.getByRole('heading', { name: /Responses?$/ }).waitFor();
    await expect.poll(() => responses()).toEqual([4, 1]);
    await expect(demo.page.getByLabel('Sort by').inputValue()).resolves.toBe('newest');

    // Best: the response with more votes (and its replies) first.
    await vote(demo.page, 4, 'Upvote').click();
    await expect.poll(() => state(demo.page, 4, 'Upvote')).toEqual({ text: '▲Upvote 1', pressed: 'true' });
    await demo.page.getByLabel('Sort by').selectOption('best');
    await expect.poll(() => responses()).toEqual([4, 1]);
    await demo.page.getByLabel('Sort by').selectOption('oldest');
    await expect.poll(() => responses()).toEqual([1, 4]);
    expect(await nesting(demo.page)).toContainEqual([3, 2]);
    await vote(demo.page, 4, 'Upvote').click();
    await expect.poll(() => state(demo.page, 4, 'Upvote')).toEqual({ text: '▲Upvote 0', pressed: 'false' });
  });

  it('puts a pinned comment first in every order, marked', async () => {
    const { store } = demo.stack.server;
    await store.comments.setPinned(4, true);
    try {
      await open();
      expect(await responses()).toEqual([4, 1]);
      await expect(comment(demo.page, 4).getByText('Pinned', { exact: true }).isVisible()).resolves.toBe(true);
      await expect(comment(demo.page, 1).getByText('Pinned', { exact: true }).count()).resolves.toBe(0);
      await demo.page.getByLabel('Sort by').selectOption('newest');
      await expect.poll(() => responses()).toEqual([4, 1]);
    } finally {
      await store.comments.setPinned(4, false);
    }
  });
});

describe('votes not offered', () => {
  it("shows the counts but takes no vote on the reader's own guest comment, nor in a closed thread", async () => {
    await open();
    const votesSent: string[] = [];
    demo.page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes('/vote')) votesSent.push(new URL(request.url()).pathname);
    });
    const form = pageForm(demo.page);
    await fillGuestForm(form, 'Mine, and not for me to vote up.', 'Self');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const id = Number((await commentWith(demo.page, 'Mine, and not for me to vote up.').getAttribute('id'))!.replace('comment-', ''));
    await expect.poll(() => vote(demo.page, id, 'Upvote').getAttribute('aria-disabled')).toBe('true');
    await vote(demo.page, id, 'Upvote').click({ force: true });
    // A vote on another's comment, sent after that press, is the only one sent.
    await vote(demo.page, 1, 'Upvote').click();
    await expect.poll(() => state(demo.page, 1, 'Upvote')).toEqual({ text: '▲Upvote 1', pressed: 'true' });
    expect(votesSent).toEqual(['/api/v1/comments/1/vote']);
    expect(await state(demo.page, id, 'Upvote')).toEqual({ text: '▲Upvote 0', pressed: 'false' });

    const { store } = demo.stack.server;
    const { threadId } = (await store.comments.get(1))!;
    await store.threads.setLocked(threadId, true);
    try {
      await demo.page.reload();
      await demo.page.getByRole('heading', { name: /Responses?$/ }).waitFor();
      await expect.poll(() => state(demo.page, 1, 'Upvote')).toEqual({ text: '▲Upvote 1', pressed: 'true' });
      await expect(vote(demo.page, 1, 'Upvote').getAttribute('aria-disabled')).resolves.toBe('true');
      await vote(demo.page, 1, 'Upvote').click({ force: true });
      expect(await state(demo.page, 1, 'Upvote')).toEqual({ text: '▲Upvote 1', pressed: 'true' });
    } finally {
      await store.threads.setLocked(threadId, false);
    }
    await demo.page.reload();
    await demo.page.getByRole('heading', { name: /Responses?$/ }).waitFor();
    await vote(demo.page, 1, 'Upvote').click();
    await expect.poll(() => state(demo.page, 1, 'Upvote')).toEqual({ text: '▲Upvote 0', pressed: 'false' });
    expect(votesSent).toEqual(['/api/v1/comments/1/vote', '/api/v1/comments/1/vote']);
  });
});

describe('the preview', () => {
  it("shows the server's rendering of the comment, reached by keyboard, then back to writing with the text kept", async () => {
    await open();
    const form = pageForm(demo.page);
    await fillGuestForm(form, 'A **bold** claim <script>window.previewRan = true</script>', 'Previewer');
    await form.getByRole('button', { name: 'Post Comment' }).focus();
    await demo.page.keyboard.press('Tab');
    await expect(form.getByRole('button', { name: 'Preview' }).evaluate((b) => b.matches(':focus'))).resolves.toBe(true);
    await demo.page.keyboard.press('Enter');
    const preview = form.getByRole('region', { name: 'Preview of your comment' });
    await preview.locator('strong', { hasText: 'bold' }).waitFor();
    await expect(preview.locator('script').count()).resolves.toBe(0);
    expect(await demo.page.evaluate(() => Reflect.get(window, 'previewRan'))).toBeUndefined();
    await expect(form.getByLabel('Comment', { exact: true }).isVisible()).resolves.toBe(false);

    await form.getByRole('button', { name: 'Keep writing' }).press('Enter');
    const body = form.getByLabel('Comment', { exact: true });
    await expect.poll(() => body.evaluate((b) => b.matches(':focus'))).toBe(true);
    await expect(body.inputValue()).resolves.toContain('A **bold** claim');
  });

  it('previews an edit of one’s own comment', async () => {
    await open();
    const form = pageForm(demo.page);
    await fillGuestForm(form, 'Posted to be edited.', 'Editor');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const posted = commentWith(demo.page, 'Posted to be edited.');
    const mine = demo.page.locator(`riposte-thread #${await posted.getAttribute('id')}`);
    await mine.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = replyForm(demo.page);
    await editor.getByLabel('Comment', { exact: true }).fill('Edited to *lean*.');
    await editor.getByRole('button', { name: 'Preview' }).click();
    await editor.getByRole('region', { name: 'Preview of your comment' }).locator('em', { hasText: 'lean' }).waitFor();
    await editor.getByRole('button', { name: 'Keep writing' }).click();
    await editor.getByRole('button', { name: 'Save' }).click();
    await mine.locator('em', { hasText: 'lean' }).waitFor();
  });
});
