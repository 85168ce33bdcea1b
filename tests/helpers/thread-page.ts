/** Reading a <riposte-thread> in a Playwright page the way a test needs: ids, nesting, text. */
import type { Locator, Page } from 'playwright-core';

/** Each drawn comment's id with the id of the comment it is nested under (null at the top). */
export function nesting(page: Page): Promise<[number, number | null][]> {
  return page.locator('riposte-thread').evaluate((thread) => {
    const idOf = (el: Element | null | undefined) => (el ? Number(el.id.replace('comment-', '')) : null);
    return [...thread.shadowRoot!.querySelectorAll('article[id^="comment-"]')].map((comment) => {
      // <li><article/> <ol><li><article/>...: the parent is the comment of the enclosing <li>.
      const enclosing = comment.parentElement?.parentElement?.closest('li');
      return [idOf(comment), idOf(enclosing?.querySelector(':scope > article'))] as [number, number | null];
    });
  });
}

/** A comment (its <article>, without its replies) by id. */
export function comment(page: Page, id: number): Locator {
  return page.locator(`riposte-thread #comment-${id}`);
}

/** The comment whose text contains `text`. */
export function commentWith(page: Page, text: string): Locator {
  return page.locator('riposte-thread article', { hasText: text });
}

/** Whether the comment is set apart as a permalink's target. */
export function isHighlighted(page: Page, id: number): Promise<boolean> {
  return comment(page, id).evaluate((article) => article.classList.contains('highlighted'));
}

/** The comment form at the end ("Leave a Reply"), or the reply form under a comment. */
export function pageForm(page: Page): Locator {
  return page.locator('riposte-thread riposte-comment-form').last();
}

export function replyForm(page: Page): Locator {
  return page.locator('riposte-thread riposte-comment-form.reply-form');
}

export async function fillGuestForm(form: Locator, body: string, name: string, email = '', website = ''): Promise<void> {
  await form.getByLabel('Comment', { exact: true }).fill(body);
  await form.getByLabel('Name', { exact: true }).fill(name);
  if (email) await form.getByLabel(/^Email/).fill(email);
  if (website) await form.getByLabel(/^Website/).fill(website);
}

/**
 * Opens a blog post and waits until the widget's own drawing has replaced the thread the
 * server drew into the page (the demo includes it), so locators find each comment once.
 */
export async function gotoPost(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('riposte-thread > .riposte-html').waitFor({ state: 'detached' });
}
