import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/admin-session.ts';
import { card, focusedText, logIn, tabTo } from '../helpers/admin-page.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { commentWith, fillGuestForm, pageForm, gotoPost } from '../helpers/thread-page.ts';

// The admin page's policy violations (demo.cspErrors) must stay none: it needs no inline script or style.
const demo = useDemoBrowser({ admin: true, timeout: 8_000 });

/** A reader in a browser of their own posts through the widget; returns their page (still open). */
async function readerPosts(body: string, name: string, email: string): Promise<Page> {
  const reader = await demo.newReader();
  await gotoPost(reader, demo.stack.blogUrl);
  const form = pageForm(reader);
  await form.getByLabel('Comment', { exact: true }).waitFor();
  await fillGuestForm(form, body, name, email);
  await form.getByRole('button', { name: 'Post Comment' }).click();
  return reader;
}

/** Each test's comments wait in the queue, whichever tests ran before. */
const holdAll = () => demo.stack.server.store.sites.updateSettings('default', { moderation: 'all' });

async function freshReaderSees(text: string): Promise<boolean> {
  const reader = await demo.newReader();
  await gotoPost(reader, demo.stack.blogUrl);
  await reader.getByRole('heading', { name: /Responses?$/ }).waitFor();
  const seen = await commentWith(reader, text).count();
  await reader.context().close();
  return seen > 0;
}

describe('the admin view at /admin (Chromium)', () => {
  it('refuses a wrong password with a clear message', async () => {
    await demo.page.goto(`${demo.stack.server.url}/admin`);
    await demo.page.getByLabel('Email').fill(ADMIN_EMAIL);
    await demo.page.getByLabel('Password').fill('not the password');
    await demo.page.getByRole('button', { name: 'Log in' }).click();
    await demo.page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
  });

  it('owner flow: hold everything, approve one, spam another, ban an author, all through the view', async () => {
    await demo.stack.server.store.sites.updateSettings('default', { moderation: 'none' });
    await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    // No mail, no webhooks, nothing sent or received: no Deliveries or Mentions to offer.
    const nav = demo.page.getByRole('navigation', { name: 'Admin' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Queue 0',
      'All comments',
      'Rules',
      'Bans',
      'Log',
      'Import / export',
      'Privacy',
    ]);

    // Rules: hold every comment; the next guest post is held.
    await demo.page.getByRole('link', { name: 'Rules' }).click();
    // The demo blog is allowed by the server's settings, not the site's own list: shown, marked so.
    await demo.page.getByText(`${new URL(demo.stack.blogUrl).origin} (RIPOSTE_ORIGINS)`).waitFor();
    await demo.page.getByLabel('Hold every comment for approval').check();
    await demo.page.getByRole('button', { name: 'Save rules' }).click();
    await demo.page.getByText('Rules saved.', { exact: true }).waitFor();

    const ada = await readerPosts('A thoughtful *first* comment.', 'Ada Reader', 'ada@example.org');
    // Only the author's own browser shows it, marked as waiting, also after a reload.
    const held = commentWith(ada, 'A thoughtful first comment.');
    await held.getByText('Your comment is awaiting moderation.').waitFor();
    await ada.reload();
    await held.getByText('Your comment is awaiting moderation.').waitFor();
    const spammer = await readerPosts('Cheap watches here', 'Spam Bot', 'bot@spam.example');
    await commentWith(spammer, 'Cheap watches here').waitFor();
    expect(await freshReaderSees('A thoughtful first comment.')).toBe(false);

    // The queue: count in the navigation, why each was held.
    await demo.page.getByRole('link', { name: /^Queue/ }).click();
    await expect.poll(() => demo.page.getByRole('link', { name: /^Queue/ }).textContent()).toContain('2');
    const first = card(demo.page, 'A thoughtful first comment.');
    await first.getByText('Held: The site holds every comment for approval.').waitFor();
    await first.getByText('ada@example.org').waitFor();
    await first.getByRole('button', { name: 'Approve' }).click();
    await demo.page.getByText('Comment approved.').waitFor();
    await card(demo.page, 'Cheap watches here').getByRole('button', { name: 'Spam' }).click();
    await demo.page.getByText('Nothing waiting for moderation.').waitFor();
    expect(await freshReaderSees('A thoughtful first comment.')).toBe(true);
    expect(await freshReaderSees('Cheap watches here')).toBe(false);

    // Ban Ada by email from the list of all comments; her next post is refused, neutrally.
    await demo.page.getByRole('link', { name: 'All comments' }).click();
    const approved = card(demo.page, 'A thoughtful first comment.');
    await approved.getByRole('button', { name: 'Ban…' }).click();
    await approved.getByLabel('Email ada@example.org').check();
    await approved.getByRole('button', { name: 'Ban', exact: true }).click();
    await demo.page.getByText('Banned ada@example.org.').waitFor();
    const form = pageForm(ada);
    await fillGuestForm(form, 'Another try', 'Ada Reader', 'ada@example.org');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await form.getByText('This comment could not be posted.').waitFor();

    // The audit log says who did what.
    await demo.page.getByRole('link', { name: 'Log' }).click();
    await demo.page.getByRole('cell', { name: /ban\s*email ada@example.org/ }).waitFor();
    expect(demo.cspErrors).toEqual([]);
    await ada.context().close();
    await spammer.context().close();
  }, 90_000);

  it("holding only first comments: a reader's browser proves its approved comment; another typing the same email does not", async () => {
    const { store } = demo.stack.server;
    await store.sites.updateSettings('default', { moderation: 'first' });
    const bea = await readerPosts('My first words here.', 'Bea Known', 'bea@example.org');
    const first = commentWith(bea, 'My first words here.');
    await first.getByText('Your comment is awaiting moderation.').waitFor();
    const held = (await store.adminComments.list({ status: 'pending', q: 'My first words here.', offset: 0, limit: 5 })).rows;
    await store.comments.setStatus(
      held.map((row) => row.comment.id),
      'approved',
    );
    // The same browser, on another visit: published at once.
    await bea.reload();
    const form = pageForm(bea);
    await fillGuestForm(form, 'Back again, known now.', 'Bea Known');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const second = commentWith(bea, 'Back again, known now.');
    await second.waitFor();
    expect(await second.getByText('Your comment is awaiting moderation.').count()).toBe(0);
    // Someone else's browser typing Bea's name and email is held.
    const impostor = await readerPosts('Pretending to be Bea.', 'Bea Known', 'bea@example.org');
    await commentWith(impostor, 'Pretending to be Bea.').getByText('Your comment is awaiting moderation.').waitFor();
    await store.sites.updateSettings('default', { moderation: 'none' });
  });

  it('locking a thread from a comment closes it for readers at once: no form, no Reply buttons', async () => {
    await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await demo.page.getByRole('link', { name: 'All comments' }).click();
    const first = demo.page.locator('riposte-admin-comment').first();
    await first.getByRole('button', { name: 'Lock thread' }).click();
    await demo.page.getByText('Thread locked.').waitFor();
    const reader = await demo.newReader();
    await gotoPost(reader, demo.stack.blogUrl);
    await reader.locator('riposte-thread').getByText('Comments are closed.').waitFor();
    expect(await reader.locator('riposte-thread riposte-comment-form').count()).toBe(0);
    expect(
      await reader
        .locator('riposte-thread')
        .getByRole('button', { name: /^Reply to/ })
        .count(),
    ).toBe(0);
    await demo.page.locator('riposte-admin-comment').first().getByRole('button', { name: 'Unlock thread' }).click();
    await demo.page.getByText('Thread unlocked.').waitFor();
    await reader.reload();
    await pageForm(reader).getByRole('button', { name: 'Post Comment' }).waitFor();
    await reader.context().close();
  });

  it('"Guests must give an email address" shows in the widget at once: the field is no longer optional', async () => {
    await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await demo.page.getByRole('link', { name: 'Rules' }).click();
    await demo.page.getByLabel('Guests must give an email address').check();
    await demo.page.getByRole('button', { name: 'Save rules' }).click();
    await demo.page.getByText('Rules saved.', { exact: true }).waitFor();
    const reader = await demo.newReader();
    await gotoPost(reader, demo.stack.blogUrl);
    const form = pageForm(reader);
    await form.getByLabel('Comment', { exact: true }).waitFor();
    await expect.poll(() => form.getByLabel(/^Email/).getAttribute('required')).not.toBeNull();
    await fillGuestForm(form, 'No email given', 'Nomail Reader');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await form.getByText('Email is required on this site.').waitFor();
    await reader.context().close();
    await demo.stack.server.store.sites.updateSettings('default', { emailRequired: false });
  });

  it('moderates ten pending comments in four clicks: Spam on the two spams, Select all, Approve selected', async () => {
    await holdAll();
    await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await demo.page.getByRole('link', { name: 'All comments' }).click();
    // Start from an empty queue, whatever earlier tests left.
    await demo.page.getByRole('link', { name: /^Queue/ }).click();
    if (!(await demo.page.getByText('Nothing waiting for moderation.').isVisible())) {
      await demo.page.getByLabel(/^Select all/).check();
      await demo.page.getByRole('button', { name: 'Approve selected' }).click();
      await demo.page.getByText('Nothing waiting for moderation.').waitFor();
    }
    for (let i = 1; i <= 10; i++) {
      const spam = i > 8;
      const res = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          page: 'marine-le-pen-moscow-2017',
          body: spam ? `Buy cheap watches ${i}` : `Reader comment number ${i}.`,
          author: { name: `Reader ${i}` },
        }),
      });
      expect(res.status).toBe(201);
    }
    await demo.page.reload();
    await expect.poll(() => demo.page.locator('riposte-admin-comment').count()).toBe(10);
    let clicks = 0;
    const click = async (target: ReturnType<Page['getByRole']>) => {
      await target.click();
      clicks++;
    };
    await click(card(demo.page, 'Buy cheap watches 9').getByRole('button', { name: 'Spam' }));
    await expect.poll(() => demo.page.locator('riposte-admin-comment').count()).toBe(9);
    await click(card(demo.page, 'Buy cheap watches 10').getByRole('button', { name: 'Spam' }));
    await expect.poll(() => demo.page.locator('riposte-admin-comment').count()).toBe(8);
    await click(demo.page.getByLabel('Select all 8'));
    await click(demo.page.getByRole('button', { name: 'Approve selected' }));
    await demo.page.getByText('Nothing waiting for moderation.').waitFor();
    expect(clicks).toBe(4);
  }, 60_000);

  it('can be worked by keyboard alone: log in, open the queue, approve in bulk, then one after another', async () => {
    await holdAll();
    for (const n of [1, 2, 3]) await readerPosts(`Approve me by keyboard ${n}`, `Key Reader ${n}`, `key${n}@example.org`);
    await demo.page.goto(`${demo.stack.server.url}/admin`);
    await demo.page.getByLabel('Email').waitFor();
    // The login form starts focused on Email.
    await demo.page.keyboard.type(ADMIN_EMAIL);
    await demo.page.keyboard.press('Tab');
    await demo.page.keyboard.type(ADMIN_PASSWORD);
    await demo.page.keyboard.press('Enter');
    await demo.page.getByRole('navigation', { name: 'Admin' }).waitFor();
    // Logged in, focus is on the view's heading, not back at the top of the page.
    await expect
      .poll(() => demo.page.evaluate(() => document.querySelector('riposte-admin')?.shadowRoot?.activeElement?.id))
      .toBe('view-title');
    await tabTo(demo.page, /^a Queue/);
    await demo.page.keyboard.press('Enter');
    await card(demo.page, 'Approve me by keyboard 1').waitFor();
    await tabTo(demo.page, /^input Select the comment by Key Reader 1/);
    await demo.page.keyboard.press('Space');
    await tabTo(demo.page, /^button Approve selected/);
    await demo.page.keyboard.press('Enter');
    await demo.page.getByText('Comment approved.').waitFor();
    expect(await freshReaderSees('Approve me by keyboard 1')).toBe(true);
    // One at a time: after Enter on Approve, focus is on the next comment's Approve.
    await tabTo(demo.page, /^button Approve$/);
    const before = await demo.page.locator('riposte-admin-comment').count();
    await demo.page.keyboard.press('Enter');
    await expect.poll(() => demo.page.locator('riposte-admin-comment').count()).toBe(before - 1);
    await expect.poll(() => focusedText(demo.page)).toBe('button Approve');
    await demo.page.keyboard.press('Enter');
    await demo.page.getByText('Nothing waiting for moderation.').waitFor();
    expect(await freshReaderSees('Approve me by keyboard 2')).toBe(true);
    expect(await freshReaderSees('Approve me by keyboard 3')).toBe(true);
  });
});
