import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main.ts';
import { openStore } from '../../server/store/index.ts';
import { launchChromium } from '../helpers/browser.ts';
import { importFixture, tableRows } from '../helpers/import-fixtures.ts';
import { tempDir, testConfig } from '../helpers/test-app.ts';
import { comment, nesting } from '../helpers/thread-page.ts';

/** The theme unit test's 10-deep chain on "Template: Comments" (WordPress post 1148). */
const CHAIN = [904, 905, 906, 907, 910, 911, 912, 913, 914, 915];
const dir = tempDir();
let blog: Server;
let server: RunningServer;
let browser: Browser;
let page: Page;
/** Riposte id and author of each comment of the chain, in order. */
let chain: { id: number; author: string }[];

beforeAll(async () => {
  const dbFile = `${dir.path}/riposte.db`;
  const store = await openStore(dbFile);
  await store.sites.ensure('default', 'Default site', new Date().toISOString());
  await importFixture(store, 'wordpress', 'wp-theme-test-data__themeunittestdata.wordpress.xml');
  const rows = await tableRows(store, 'comments');
  chain = CHAIN.map((wpId) => rows.find((row) => String(row.importKey).endsWith(`:1148:${wpId}`))!).map((row) => ({
    id: Number(row.id),
    author: String(row.authorName),
  }));
  store.close();

  // A blog page on its own origin, embedding the thread by the old WordPress post id.
  blog = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><title>Template: Comments</title></head><body>
      <h1>Template: Comments</h1>
      <script type="module" src="${server.url}/embed.js"></script>
      <riposte-thread page-id="1148"></riposte-thread></body></html>`);
  });
  await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', resolve));
  const blogOrigin = `http://127.0.0.1:${(blog.address() as AddressInfo).port}`;
  server = await startServer(testConfig(dbFile, ['--port', '0', '--origins', blogOrigin]));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${blogOrigin}/2012/01/03/template-comments/`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => blog?.close(resolve));
  dir.remove();
});

describe('a thread imported from WordPress', () => {
  it('shows the 10-deep reply chain, every reply under its parent', async () => {
    await page.getByRole('heading', { name: '19 Responses' }).waitFor();
    // Past the deepest indent the chain is one run of replies, folded after a few: open it.
    const fold = page.locator('riposte-thread').getByRole('button', { name: /^Show \d+ more repl/ });
    while ((await fold.count()) > 0) await fold.first().click();
    for (const [i, { id }] of chain.entries()) {
      await expect(
        comment(page, id)
          .getByText(`Comment Depth ${String(i + 1).padStart(2, '0')}`)
          .isVisible(),
      ).resolves.toBe(true);
    }
    const drawnParent = new Map(await nesting(page));
    // Indented up to the widget's cap (depth 4), then one flat conversation marked "in reply to".
    for (let i = 1; i <= 4; i++) expect(drawnParent.get(chain[i]!.id)).toBe(chain[i - 1]!.id);
    for (let i = 5; i < chain.length; i++) {
      expect(drawnParent.get(chain[i]!.id)).toBe(chain[4]!.id);
      const replyTo = comment(page, chain[i]!.id).getByText('in reply to').getByRole('link');
      expect(await replyTo.getAttribute('href')).toBe(`#comment-${chain[i - 1]!.id}`);
      expect(await replyTo.textContent()).toBe(chain[i - 1]!.author);
    }
    // Greek names and the GMT date came through.
    await expect(comment(page, chain[0]!.id).getByText('John Κώστας Doe Τάδε').isVisible()).resolves.toBe(true);
    expect(await comment(page, chain[0]!.id).locator('time').getAttribute('datetime')).toBe('2013-03-14T14:57:01.000Z');
  });
});
