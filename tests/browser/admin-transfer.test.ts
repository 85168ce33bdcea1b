import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/admin-session.ts';
import { axeViolations, card, logIn } from '../helpers/admin-page.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { fixturePath } from '../helpers/import-fixtures.ts';

const THEME_TEST = fixturePath('wp-theme-test-data__themeunittestdata.wordpress.xml');

const demo = useDemoBrowser({ admin: true, context: { acceptDownloads: true }, timeout: 10_000 });

async function openTransfer() {
  await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await demo.page.getByRole('link', { name: 'Import / export' }).click();
  await demo.page.getByRole('heading', { name: 'Import / export', level: 2 }).waitFor();
}

describe('importing and exporting from the admin view (Chromium)', () => {
  it('uploads the WordPress theme unit test export with a progress bar, shows the summary, and the comments appear in the queue and the list', async () => {
    await openTransfer();
    // A slow connection (about 200 KB/s), so the 600 KB upload shows its progress for a while.
    const cdp = await demo.context.newCDPSession(demo.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 200 * 1024,
    });

    await demo.page.getByLabel('Format').selectOption('wordpress');
    await demo.page.getByLabel(/^Into site/).fill('default');
    await demo.page.getByLabel('Export file').setInputFiles(THEME_TEST);
    await demo.page.getByRole('button', { name: 'Import' }).click();
    const bar = demo.page.getByRole('progressbar', { name: /^Uploading wp-theme-test-data__themeunittestdata\.wordpress\.xml: \d+%$/ });
    await bar.waitFor();
    await expect.poll(async () => Number(await bar.getAttribute('value').catch(() => '0')), { timeout: 10_000 }).toBeGreaterThan(0);

    const summary = demo.page.getByText('Comments: 33 imported (29 approved, 4 pending, 2 trackbacks, 2 pingbacks)');
    await summary.waitFor({ timeout: 20_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await demo.page.getByText('Imported wp-theme-test-data__themeunittestdata.wordpress.xml into site “default”.').waitFor();
    await demo.page.getByText('Threads: 7 created, 0 already there').waitFor();
    await demo.page.getByText('Skipped: none').waitFor();
    // The summary is in the page's live region, so a screen reader hears it.
    expect(await demo.page.locator('riposte-admin-transfer [aria-live="polite"]').textContent()).toContain('33 imported');
    await expect.poll(() => demo.page.getByRole('link', { name: /^Queue/ }).textContent()).toContain('4');

    // The held ones wait in the queue; the approved ones are in the list of all comments.
    await demo.page.getByRole('link', { name: 'Review the 4 held comments in the queue' }).click();
    await card(demo.page, 'I want to learn how to make chinese eggrolls').waitFor();
    await demo.page.getByRole('link', { name: 'All comments' }).click();
    await demo.page.getByLabel('Search').fill('Anonymous User');
    await demo.page.getByLabel('Search').press('Enter');
    await expect.poll(() => demo.page.locator('riposte-admin-comment').count()).toBeGreaterThan(0);

    // The same file again adds nothing.
    await demo.page.getByRole('link', { name: 'Import / export' }).click();
    await demo.page.getByLabel('Export file').setInputFiles(THEME_TEST);
    await demo.page.getByRole('button', { name: 'Import' }).click();
    await demo.page.getByText('Skipped: 33 already imported').waitFor();

    // The log says who imported what.
    await demo.page.getByRole('link', { name: 'Log' }).click();
    await demo.page
      .getByRole('cell', {
        name: /import\s*wordpress wp-theme-test-data__themeunittestdata\.wordpress\.xml into default: 33 comments imported/,
      })
      .waitFor();
    expect(demo.cspErrors).toEqual([]);
  }, 60_000);

  it("shows a malformed file's line and column, and imports nothing", async () => {
    await openTransfer();
    const before = (await demo.stack.server.store.adminComments.list({ offset: 0, limit: 1 })).total;
    await demo.page.getByLabel('Export file').setInputFiles(fixturePath('wordpress-importer__malformed.xml'));
    await demo.page.getByRole('button', { name: 'Import' }).click();
    await demo.page
      .getByRole('alert')
      .filter({ hasText: 'wordpress-importer__malformed.xml line 90, column 10: not well-formed XML (unexpected close tag)' })
      .waitFor();
    expect((await demo.stack.server.store.adminComments.list({ offset: 0, limit: 1 })).total).toBe(before);
  });

  it('downloads the export: every comment, as a JSON attachment', async () => {
    await openTransfer();
    const [download] = await Promise.all([
      demo.page.waitForEvent('download'),
      demo.page.getByRole('link', { name: 'Download export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^riposte-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; comments: unknown[] };
    expect(file.format).toBe('riposte');
    expect(file.comments.length).toBe((await demo.stack.server.store.adminComments.list({ offset: 0, limit: 1 })).total);
  });

  it('passes axe-core with no violations, on a desk and on a phone, before and after an import', async () => {
    for (const size of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await demo.page.setViewportSize(size);
      await openTransfer();
      await demo.page.getByLabel('Export file').waitFor();
      expect(await axeViolations(demo.page), `Import / export ${size.width}px`).toEqual([]);
      await demo.page.getByLabel('Export file').setInputFiles(fixturePath('isso__disqus.xml'));
      await demo.page.getByLabel('Format').selectOption('disqus');
      await demo.page.getByRole('button', { name: 'Import' }).click();
      await demo.page.getByText(/^Threads: /).waitFor();
      await demo.page.getByText(/^\d+ warnings?$/).click();
      expect(await axeViolations(demo.page), `Import / export with a summary ${size.width}px`).toEqual([]);
      expect(await demo.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await demo.page.getByRole('button', { name: 'Log out' }).click();
    }
  }, 60_000);
});
