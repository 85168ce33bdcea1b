import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { startDemoStack } from '../helpers/demo-stack.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-stand-in.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../helpers/test-oidc-provider.ts';
import { comment, fillGuestForm, pageForm, replyForm } from '../helpers/thread-page.ts';

let oidc: TestOidcProvider;
let github: GitHubStandIn;
let stack: Awaited<ReturnType<typeof startDemoStack>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  oidc = await startTestOidcProvider({ ada: 'Ada Lovelace' });
  github = await startGitHubStandIn({ id: 583231, login: 'octocat', name: 'The Octocat' });
  stack = await startDemoStack({
    RIPOSTE_OIDC_PROVIDERS: 'keycloak',
    RIPOSTE_OIDC_KEYCLOAK_ISSUER: oidc.issuer,
    RIPOSTE_OIDC_KEYCLOAK_CLIENT_ID: oidc.clientId,
    RIPOSTE_OIDC_KEYCLOAK_CLIENT_SECRET: oidc.clientSecret,
    RIPOSTE_GITHUB_CLIENT_ID: github.clientId,
    RIPOSTE_GITHUB_CLIENT_SECRET: github.clientSecret,
    RIPOSTE_GITHUB_URL: github.webUrl,
    RIPOSTE_GITHUB_API_URL: github.apiUrl,
  });
  oidc.register(`${stack.server.url}/auth/keycloak/callback`);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  stack?.removeData();
  await github?.close();
  await oidc?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(() => context.close());

async function openDemo() {
  await page.goto(stack.blogUrl);
  await pageForm(page).getByRole('button', { name: 'Log in with Keycloak' }).waitFor();
}

/** The session token the widget keeps in the blog's localStorage, if any. */
const storedToken = () =>
  page.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith('riposte:session:'))?.[1] ?? null);

describe('signing in with an OpenID Connect provider (oidc-provider on a loopback port)', () => {
  it('logs in in a popup, posts as that user, stays signed in, edits, logs out back to the guest form', async () => {
    await openDemo();
    const form = pageForm(page);
    await expect(form.getByText('Fill in your details below or click an icon to log in:').isVisible()).resolves.toBe(true);
    const [popup] = await Promise.all([page.waitForEvent('popup'), form.getByRole('button', { name: 'Log in with Keycloak' }).click()]);
    await popup.getByPlaceholder('Enter any login').fill('ada');
    await popup.getByPlaceholder('and password').fill('anything');
    await popup.getByRole('button', { name: 'Sign-in' }).click();
    await popup.getByRole('button', { name: 'Continue' }).click();
    await popup.waitForEvent('close');
    await form.getByText('Commenting as Ada Lovelace (Keycloak).').waitFor();
    await expect(form.getByLabel('Name', { exact: true }).count()).resolves.toBe(0);

    await form.getByLabel('Comment', { exact: true }).fill('Signed in with *Keycloak*.');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const posted = page.locator('riposte-thread riposte-comment', { hasText: 'Signed in with' });
    await posted.getByText('Ada Lovelace').waitFor();
    const mine = page.locator(`riposte-thread #${await posted.getAttribute('id')}`);

    await page.reload();
    await pageForm(page).getByText('Commenting as Ada Lovelace (Keycloak).').waitFor();
    await mine.getByRole('button', { name: 'Edit' }).click();
    const editor = replyForm(page);
    await expect(editor.getByLabel('Comment', { exact: true }).inputValue()).resolves.toBe('Signed in with *Keycloak*.');
    await editor.getByLabel('Comment', { exact: true }).fill('Signed in, then *edited*.');
    await editor.getByRole('button', { name: 'Save' }).click();
    await mine.locator('em', { hasText: 'edited' }).waitFor();
    await mine.getByText(/^\(edited /).waitFor();
    await page.screenshot({ path: '.tmp/sign-in-signed-in.png', fullPage: true });

    const token = await storedToken();
    expect(token).toBeTruthy();
    await pageForm(page).getByRole('button', { name: 'Log Out' }).click();
    await pageForm(page).getByLabel('Name', { exact: true }).waitFor();
    await expect(mine.getByRole('button', { name: 'Edit' }).count()).resolves.toBe(0);
    expect(await storedToken()).toBeNull();
    // Revoked on the server too, not only forgotten here.
    await expect
      .poll(async () => (await fetch(`${stack.server.url}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status)
      .toBe(401);
  });

  it("ignores a session posted from any origin but the comment server's", async () => {
    await openDemo();
    const form = pageForm(page);
    const [popup] = await Promise.all([page.waitForEvent('popup'), form.getByRole('button', { name: 'Log in with Keycloak' }).click()]);
    await popup.getByPlaceholder('Enter any login').waitFor();
    // The blog's own origin (any script on it, or a frame) is not the comment server.
    await page.evaluate(() => {
      const forged = {
        type: 'riposte-session',
        token: 'f'.repeat(43),
        user: { id: 'x', name: 'Forged', provider: 'keycloak', providerName: 'Keycloak' },
      };
      window.postMessage(forged, '*');
    });
    await page.waitForTimeout(300);
    await popup.close();
    await form.getByText('The sign-in window was closed before you logged in.').waitFor();
    await expect(form.getByText('Forged').count()).resolves.toBe(0);
    expect(await storedToken()).toBeNull();
    await expect(form.getByRole('button', { name: 'Log in in this tab instead' }).isVisible()).resolves.toBe(true);
  });
});

describe('signing in with GitHub (a local stand-in, set up as GitHub Enterprise)', () => {
  it('falls back to the full-page flow when the popup is blocked, and returns to the same comment', async () => {
    await context.addInitScript(() => {
      window.open = () => null; // as a popup blocker does
    });
    await openDemo();
    await comment(page, 4)
      .getByRole('button', { name: /^Reply to/ })
      .click();
    const reply = replyForm(page);
    await reply.getByRole('button', { name: 'Log in with GitHub' }).click();
    await reply.getByText('Your browser blocked the sign-in window.').waitFor();
    await reply.getByRole('button', { name: 'Log in in this tab instead' }).click();
    await pageForm(page).getByText('Commenting as The Octocat (GitHub).').waitFor();
    expect(new URL(page.url()).hash).toBe('#comment-4');
    await expect
      .poll(() => comment(page, 4).evaluate((el) => el.shadowRoot!.querySelector('article')!.classList.contains('highlighted')))
      .toBe(true);
    await page.screenshot({ path: '.tmp/sign-in-github-back.png' });
  });
});

describe('guests', () => {
  it("edit and delete their own comment from the same browser, and see no buttons on others'", async () => {
    await openDemo();
    page.on('dialog', (dialog) => void dialog.accept());
    const form = pageForm(page);
    await fillGuestForm(form, 'A guest comment to change.', 'Guest');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const mine = page.locator('riposte-thread riposte-comment', { hasText: 'guest comment to change' });
    await mine.getByRole('button', { name: 'Edit' }).waitFor();
    await expect(comment(page, 1).getByRole('button', { name: 'Edit' }).count()).resolves.toBe(0);
    await page.screenshot({ path: '.tmp/sign-in-guest.png', fullPage: true });
    await page.reload();
    await mine.getByRole('button', { name: 'Edit' }).click();
    await replyForm(page).getByLabel('Comment', { exact: true }).fill('A guest comment, changed.');
    await replyForm(page).getByRole('button', { name: 'Save' }).click();
    const changed = page.locator('riposte-thread riposte-comment', { hasText: 'A guest comment, changed.' });
    await changed.getByRole('button', { name: 'Delete' }).click();
    await changed.waitFor({ state: 'detached' });
  });
});
