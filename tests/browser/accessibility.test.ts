/**
 * axe-core finds nothing, of any impact, in the widget (the demo thread with its form, and a
 * thread imported from WordPress, code blocks and all) and in every view of the admin view:
 * light and dark, on a phone and on a desk.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/admin-session.ts';
import { axeViolations, logIn } from '../helpers/admin-page.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { importFixture } from '../helpers/import-fixtures.ts';
import { pageForm, gotoPost } from '../helpers/thread-page.ts';

const demo = useDemoBrowser({ admin: true, timeout: 10_000 });

beforeAll(async () => {
  // "Template: Comments" (WordPress post 1148): 19 responses, a 10-deep chain, HTML-heavy comments.
  await importFixture(demo.stack.server.store, 'wordpress', 'wp-theme-test-data__themeunittestdata.wordpress.xml');
  // A comment with a long code line, shown to readers, and one held for the admin's queue.
  for (const moderation of ['none', 'all'] as const) {
    await demo.stack.server.store.sites.updateSettings('default', { moderation });
    const res = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        page: '1148',
        body: `Code:\n\n\`\`\`\n${'a long line of code '.repeat(20)}\n\`\`\``,
        author: { name: 'Coder' },
      }),
    });
    expect(res.status).toBe(201);
  }
});

const MATRIX = [
  { width: 390, height: 844, colorScheme: 'light' },
  { width: 390, height: 844, colorScheme: 'dark' },
  { width: 1280, height: 900, colorScheme: 'light' },
  { width: 1280, height: 900, colorScheme: 'dark' },
] as const;

async function setUp(page: Page, { width, height, colorScheme }: (typeof MATRIX)[number]) {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme });
}

/** Nothing wider than the screen: a long line scrolls inside its block. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('accessibility (axe-core, every impact)', () => {
  for (const view of MATRIX) {
    const label = `${view.colorScheme}, ${view.width} px`;

    it(`the demo thread with its form: no violations (${label})`, async () => {
      await setUp(demo.page, view);
      await gotoPost(demo.page, demo.stack.blogUrl);
      await pageForm(demo.page).getByRole('button', { name: 'Post Comment' }).waitFor();
      expect(await axeViolations(demo.page)).toEqual([]);
      // A reply form open under a comment, too.
      await demo.page.locator('riposte-thread').getByRole('button', { name: 'Reply to Francis' }).click();
      await demo.page.locator('riposte-thread riposte-comment-form.reply-form').getByLabel('Comment', { exact: true }).waitFor();
      expect(await axeViolations(demo.page)).toEqual([]);
      expect(await pageWidth(demo.page)).toBeLessThanOrEqual(view.width);
    });

    it(`a thread imported from WordPress, with code blocks: no violations (${label})`, async () => {
      await setUp(demo.page, view);
      await gotoPost(demo.page, demo.stack.blogUrl);
      await demo.page.locator('riposte-thread').evaluate((thread) => thread.setAttribute('page-id', '1148'));
      await demo.page.getByRole('heading', { name: '20 Responses' }).waitFor();
      // Every response laid out (they are skipped off screen), so axe sees them all.
      await demo.page.locator('riposte-thread').evaluate((thread) => {
        for (const li of thread.shadowRoot!.querySelectorAll<HTMLElement>('.comments > li')) li.style.contentVisibility = 'visible';
      });
      expect(await demo.page.locator('riposte-thread pre').count()).toBeGreaterThan(0);
      expect(await axeViolations(demo.page)).toEqual([]);
      expect(await pageWidth(demo.page)).toBeLessThanOrEqual(view.width);
    });

    it(`every view of the admin view: no violations (${label})`, async () => {
      await setUp(demo.page, view);
      await demo.page.goto(`${demo.stack.server.url}/admin`);
      await demo.page.getByLabel('Email').waitFor();
      expect(await axeViolations(demo.page), 'login').toEqual([]);
      await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
      for (const name of ['Queue', 'All comments', 'Rules', 'Bans', 'Log', 'Import / export']) {
        await demo.page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
        await demo.page.getByRole('heading', { name, level: 2 }).waitFor();
        await demo.page.waitForFunction(() => !document.querySelector('riposte-admin')?.shadowRoot?.textContent?.includes('Loading…'));
        expect(await axeViolations(demo.page), name).toEqual([]);
        expect(await pageWidth(demo.page), name).toBeLessThanOrEqual(view.width);
      }
      await demo.page.getByRole('button', { name: 'Log out' }).click();
    });
  }
});
