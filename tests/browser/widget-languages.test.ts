/**
 * The widget speaks its page's language (Chromium): the element's `lang`, else the page's
 * (region subtags fall back), else English; it fetches only that language's strings; dates
 * and counts follow the language, and relative dates stay true while the page is open.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/admin-page.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/admin-session.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { useTestBlog } from '../helpers/test-blog.ts';
import { comment, commentWith, pageForm } from '../helpers/thread-page.ts';

const demo = useDemoBrowser({ admin: true, timeout: 10_000 });

const blog = useTestBlog(demo);

interface OpenOptions {
  htmlLang: string;
  threadAttributes?: string;
  pageId?: string;
  /** `localhost` is another origin than the allowed 127.0.0.1. */
  host?: '127.0.0.1' | 'localhost';
}

/** Opens a blog page with this `<html lang>` and these attributes on the element, as a blog's template would write them. */
async function openPage(
  page: Page,
  { htmlLang, threadAttributes = '', pageId = 'marine-le-pen-moscow-2017', host = '127.0.0.1' }: OpenOptions,
) {
  const path = `/post-${blog.pages.size}`;
  blog.pages.set(
    path,
    `<!doctype html><html lang="${htmlLang}"><head><meta charset="utf-8"><title>Un billet</title></head><body>
      <h1>Un billet</h1>
      <script type="module" src="${demo.stack.server.url}/embed.js"></script>
      <riposte-thread page-id="${pageId}" ${threadAttributes}></riposte-thread></body></html>`,
  );
  await page.goto(`http://${host}:${blog.server.port}${path}`);
}

/** The widget's files this page fetched, by name without their hash: "embed.js", "fr-thread", "writing"... */
const widgetFiles = () =>
  demo.requested
    .filter((url) => url.startsWith(demo.stack.server.url) && url.endsWith('.js'))
    .map((url) => new URL(url).pathname.replace(/^\/(assets\/)?/, '').replace(/-[\w-]{8}\.js$/, ''));

describe('the widget in the page’s language', () => {
  it('speaks French on a fr-CA page: words, counts, dates with their time; fetches French strings only', async () => {
    await openPage(demo.page, { htmlLang: 'fr-CA' });
    await demo.page.getByRole('heading', { name: '9 réponses' }).waitFor();
    await expect(demo.page.getByText('Soyez le premier à aimer ceci.').isVisible()).resolves.toBe(true);
    await expect(demo.page.getByRole('button', { name: 'J’aime' }).isVisible()).resolves.toBe(true);
    expect(await comment(demo.page, 1).locator('time').textContent()).toMatch(/^2[345] mars 2017 à \d\d:\d\d$/);
    await expect(comment(demo.page, 2).getByText('Auteur', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(comment(demo.page, 1).getByRole('button', { name: 'Répondre à Francis' }).isVisible()).resolves.toBe(true);
    const form = pageForm(demo.page);
    await form.getByRole('heading', { name: 'Laisser un commentaire' }).waitFor();
    await expect(form.getByRole('button', { name: 'Publier le commentaire' }).isVisible()).resolves.toBe(true);
    // The form's checks speak French too.
    await form.getByRole('button', { name: 'Publier le commentaire' }).click();
    await form.getByText('Écrivez quelque chose avant de publier.').waitFor();
    // The comments are in view by now: live updates came too, with their French strings only.
    await expect.poll(() => widgetFiles().sort()).toEqual(['embed.js', 'fr-form', 'fr-live', 'fr-thread', 'live-updates', 'writing']);
  });

  it('follows the element’s own lang over the page’s', async () => {
    await openPage(demo.page, { htmlLang: 'fr', threadAttributes: 'lang="de"' });
    await demo.page.getByRole('heading', { name: '9 Antworten' }).waitFor();
    expect(await comment(demo.page, 1).locator('time').textContent()).toMatch(/^2[345]\. März 2017 um \d\d:\d\d$/);
    await pageForm(demo.page).getByRole('heading', { name: 'Schreibe einen Kommentar' }).waitFor();
    expect(
      widgetFiles()
        .filter((file) => /-(thread|form)$/.test(file))
        .sort(),
    ).toEqual(['de-form', 'de-thread']);
  });

  it('speaks English where it has no catalogue for the language, and says so to screen readers', async () => {
    await openPage(demo.page, { htmlLang: 'es-MX' });
    await demo.page.getByRole('heading', { name: '9 Responses' }).waitFor();
    // The thread's text is English inside a Spanish page: marked, so it is read out as English.
    expect(await demo.page.locator('riposte-thread').evaluate((thread) => thread.shadowRoot!.querySelector('section')!.lang)).toBe('en');
  });

  it('shows the first comment having fetched only embed.js, the language’s strings and the thread', async () => {
    // Nothing else loads: the comments show without the writing side.
    await demo.page.route('**/assets/writing-*', (route) => route.abort());
    await openPage(demo.page, { htmlLang: 'fr' });
    await comment(demo.page, 9).waitFor();
    const fromServer = demo.requested.filter((url) => url.startsWith(demo.stack.server.url));
    const names = fromServer.map((url) => new URL(url).pathname.replace(/-[\w-]{8}\.js$/, ''));
    expect(names).toEqual(expect.arrayContaining(['/embed.js', '/assets/fr-thread', '/api/v1/threads']));
    expect(names.filter((name) => !['/embed.js', '/assets/fr-thread', '/api/v1/threads', '/assets/writing'].includes(name))).toEqual([]);
  });

  it('says why the comments did not load in the page’s language (a server error code, mapped)', async () => {
    // The server answers origin_not_allowed.
    await openPage(demo.page, { htmlLang: 'fr', host: 'localhost' });
    await demo.page.getByText('Les commentaires ne sont pas activés pour ce site web.', { exact: false }).waitFor();
    await expect(demo.page.getByRole('button', { name: 'Réessayer' }).isVisible()).resolves.toBe(true);
  });
});

describe('relative dates', () => {
  it('stay true while the page is open (one timer, on the page’s clock)', async () => {
    const res = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: 'clock-test', body: 'Just now.', author: { name: 'Clockwatcher' } }),
    });
    expect(res.status).toBe(201);
    await demo.page.clock.install({ time: Date.now() });
    await openPage(demo.page, { htmlLang: 'fr', pageId: 'clock-test' });
    const time = commentWith(demo.page, 'Just now.').locator('time');
    await expect.poll(() => time.textContent()).toBe('maintenant');
    await demo.page.clock.runFor('05:10');
    await expect.poll(() => time.textContent()).toBe('il y a 5 minutes');
    await demo.page.clock.runFor('02:00:00');
    await expect.poll(() => time.textContent()).toBe('il y a 2 heures');
    // After a day, the date with its time of day, which no longer changes.
    await demo.page.clock.runFor('24:00:00');
    await expect.poll(() => time.textContent()).toMatch(/^\d+ \S+ \d{4} à \d\d:\d\d$/);
  });
});

describe('the admin view in its owner’s language', () => {
  it('follows the browser’s languages (navigator.languages): German here, dates and counts too', async () => {
    const context = await demo.browser.newContext({ locale: 'de-AT' });
    const page = await context.newPage();
    await page.goto(`${demo.stack.server.url}/admin`);
    await page.getByRole('heading', { name: 'Riposte-Verwaltung' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['de', 'Riposte-Verwaltung']);
    await page.getByLabel('E-Mail').fill(ADMIN_EMAIL);
    await page.getByLabel('Passwort').fill('falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();
    await page.getByLabel('Passwort').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('navigation', { name: 'Verwaltung' }).waitFor();
    await page.getByRole('link', { name: 'Alle Kommentare' }).click();
    await page.getByRole('heading', { name: 'Alle Kommentare', level: 2 }).waitFor();
    await page.getByText(/^\d+–\d+ von \d+$/).waitFor();
    expect(await page.locator('riposte-admin-comment time').first().textContent()).toMatch(/\d{4} um \d\d:\d\d$|^vor |^jetzt$/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
