/**
 * "My data" in Chromium: a reader signed in with a real OpenID Connect provider sees what the
 * server stores, downloads it (JSON, Markdown) and deletes it; a guest does the same for the
 * comments their browser holds secrets for; the owner answers a request in /admin's Privacy
 * screen. Afterwards the words are nowhere on the server.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonalData } from '../../shared/privacy.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/admin-session.ts';
import { axeViolations, logIn } from '../helpers/admin-page.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../helpers/test-oidc-provider.ts';
import { commentWith, fillGuestForm, pageForm } from '../helpers/thread-page.ts';

let oidc: TestOidcProvider;
beforeAll(async () => {
  oidc = await startTestOidcProvider({ grace: 'Grace Hopper' });
});
afterAll(async () => {
  await oidc?.close();
});

const demo = useDemoBrowser({
  admin: true,
  context: { acceptDownloads: true },
  env: () => ({
    RIPOSTE_OIDC_PROVIDERS: 'keycloak',
    RIPOSTE_OIDC_KEYCLOAK_ISSUER: oidc.issuer,
    RIPOSTE_OIDC_KEYCLOAK_CLIENT_ID: oidc.clientId,
    RIPOSTE_OIDC_KEYCLOAK_CLIENT_SECRET: oidc.clientSecret,
  }),
});
beforeAll(() => oidc.register(`${demo.stack.server.url}/auth/keycloak/callback`));

/** How many stored comments, of any status, contain `text` (the admin view's search, on the server's own store). */
const storedWith = async (text: string) => (await demo.stack.server.store.adminComments.list({ q: text, offset: 0, limit: 10 })).total;

/** The panel's download: what the browser saved, as text. */
async function download(name: string): Promise<string> {
  const [saved] = await Promise.all([demo.page.waitForEvent('download'), demo.page.getByRole('button', { name }).click()]);
  return readFileSync((await saved.path())!, 'utf8');
}

describe('My data', () => {
  it('a signed-in reader sees, downloads and deletes their data; a reply to them stays under a placeholder', async () => {
    await demo.page.goto(demo.stack.blogUrl);
    const form = pageForm(demo.page);
    const [popup] = await Promise.all([
      demo.page.waitForEvent('popup'),
      form.getByRole('button', { name: 'Log in with Keycloak' }).click(),
    ]);
    await popup.getByPlaceholder('Enter any login').fill('grace');
    await popup.getByPlaceholder('and password').fill('anything');
    await popup.getByRole('button', { name: 'Sign-in' }).click();
    // Waited for from before the click: the popup may close before a later wait starts.
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Continue' }).click();
    await closed;
    await form.getByText('Commenting as Grace Hopper (Keycloak).').waitFor();
    await form.getByLabel('Comment', { exact: true }).fill('Grace writes about *nanoseconds*.');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const mine = commentWith(demo.page, 'Grace writes about');
    await mine.waitFor();
    // Another reader answers her, through the public API.
    const id = Number((await mine.getAttribute('id'))!.replace('comment-', ''));
    const thread = await demo.stack.server.store.comments.getWithThread(id);
    const answered = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: thread!.thread.pageKey, parentId: id, body: 'A reply that stays.', author: { name: 'Bo' } }),
    });
    expect(answered.status).toBe(201);
    await demo.page.reload();
    await commentWith(demo.page, 'A reply that stays.').waitFor();

    await form.getByRole('button', { name: 'My data' }).click();
    const panel = demo.page.locator('riposte-thread riposte-my-data');
    await panel.getByText('1 comment', { exact: true }).waitFor();
    await panel.getByText('your sign-in: Grace Hopper').waitFor();
    await panel.screenshot({ path: '.tmp/my-data-signed-in.png' });
    const json = JSON.parse(await download('Download (JSON)')) as PersonalData;
    expect(json.comments.map((c) => c.markdown)).toEqual(['Grace writes about *nanoseconds*.']);
    expect(json.identities.map((i) => [i.identity, i.sessions.length])).toEqual([['keycloak:grace', 1]]);
    expect(await download('Download my comments (Markdown)')).toContain('Grace writes about *nanoseconds*.');

    await panel.getByRole('button', { name: 'Delete my data' }).click();
    await panel.getByRole('button', { name: 'Delete for good' }).click();
    await panel.getByText('Your data was deleted from this server.').waitFor();
    // Signed out here too, and her comment is a placeholder above the reply that stays.
    await form.getByLabel('Name', { exact: true }).waitFor();
    await demo.page.locator(`riposte-thread #comment-${id}`).getByText('This comment was deleted.').waitFor();
    await commentWith(demo.page, 'A reply that stays.').waitFor();
    expect(await storedWith('nanoseconds')).toBe(0);
    expect(await demo.stack.server.store.users.find('keycloak', 'grace')).toBeUndefined();
    await demo.page.reload();
    await commentWith(demo.page, 'A reply that stays.').waitFor();
    await expect(demo.page.locator('riposte-thread').getByText('nanoseconds').count()).resolves.toBe(0);
  });

  it("a guest deletes the comments their browser posted; others' stay", async () => {
    await demo.page.goto(demo.stack.blogUrl);
    const form = pageForm(demo.page);
    await fillGuestForm(form, 'A guest on *lighthouses*.', 'Lighthouse Guest', 'keeper@example.org');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await commentWith(demo.page, 'A guest on').waitFor();
    expect(await storedWith('lighthouses')).toBe(1);

    await demo.page.locator('riposte-thread').getByRole('button', { name: 'My data' }).click();
    const panel = demo.page.locator('riposte-thread riposte-my-data');
    await panel.getByText('1 comment', { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Delete my data' }).click();
    await panel.getByRole('button', { name: 'Delete for good' }).click();
    await panel.getByText('Your data was deleted from this server.').waitFor();
    await expect.poll(() => commentWith(demo.page, 'A guest on').count()).toBe(0);
    expect(await storedWith('lighthouses')).toBe(0);
    expect(await storedWith('keeper@example.org')).toBe(0);
    // The browser holds no more secrets: no "My data" for it once the panel is closed.
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => demo.page.locator('riposte-thread').getByRole('button', { name: 'My data' }).count()).toBe(0);
    // All along, the widget asked only the blog and the comment server, and set no cookie anywhere.
    const allowed = [new URL(demo.stack.blogUrl).origin, new URL(demo.stack.server.url).origin];
    expect(demo.requested.filter((url) => !allowed.includes(new URL(url).origin) && !url.startsWith('blob:'))).toEqual([]);
    expect(await demo.context.cookies()).toEqual([]);
  });
});

describe("the owner's Privacy screen", () => {
  it('looks a person up by address, downloads their data and erases it after a confirmation', async () => {
    // The demo's thread, found from its first seeded comment.
    const { thread } = (await demo.stack.server.store.comments.getWithThread(1))!;
    const posted = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        page: thread.pageKey,
        body: 'Asker writes about *cormorants*.',
        author: { name: 'Asker', email: 'asker@example.org' },
      }),
    });
    expect(posted.status).toBe(201);

    await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await demo.page.getByRole('link', { name: 'Privacy' }).click();
    await demo.page.getByLabel('Email address or identity').fill('Asker@Example.org');
    await demo.page.getByRole('button', { name: 'Look up' }).click();
    await demo.page.getByText('1 comment', { exact: true }).waitFor();
    await demo.page.screenshot({ path: '.tmp/admin-privacy.png', fullPage: true });
    expect(await axeViolations(demo.page)).toEqual([]);
    const [saved] = await Promise.all([
      demo.page.waitForEvent('download'),
      demo.page.getByRole('link', { name: 'Download everything (JSON)' }).click(),
    ]);
    const data = JSON.parse(readFileSync((await saved.path())!, 'utf8')) as PersonalData;
    expect(data.comments.map((c) => [c.markdown, c.authorEmail])).toEqual([['Asker writes about *cormorants*.', 'asker@example.org']]);

    await demo.page.getByRole('button', { name: 'Erase…' }).click();
    await demo.page.getByRole('button', { name: 'Erase for good' }).click();
    await demo.page.getByText('Erased (1 comment). The Log records the request.').waitFor();
    expect(await storedWith('cormorants')).toBe(0);
    await demo.page.getByRole('link', { name: 'Log' }).click();
    await demo.page.getByText('for asker@example.org: 1 comment(s) removed', { exact: false }).waitFor();
  });
});
