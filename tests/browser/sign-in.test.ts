import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-stand-in.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../helpers/test-oidc-provider.ts';
import { comment, commentWith, isHighlighted, fillGuestForm, pageForm, replyForm, gotoPost } from '../helpers/thread-page.ts';

let oidc: TestOidcProvider;
let github: GitHubStandIn;
beforeAll(async () => {
  oidc = await startTestOidcProvider({ ada: 'Ada Lovelace' });
  github = await startGitHubStandIn({ id: 583231, login: 'octocat', name: 'The Octocat' });
});
// After the demo's own (hooks after all run last-registered first).
afterAll(async () => {
  await github?.close();
  await oidc?.close();
});

const demo = useDemoBrowser({
  env: () => ({
    RIPOSTE_OIDC_PROVIDERS: 'keycloak',
    RIPOSTE_OIDC_KEYCLOAK_ISSUER: oidc.issuer,
    RIPOSTE_OIDC_KEYCLOAK_CLIENT_ID: oidc.clientId,
    RIPOSTE_OIDC_KEYCLOAK_CLIENT_SECRET: oidc.clientSecret,
    RIPOSTE_GITHUB_CLIENT_ID: github.clientId,
    RIPOSTE_GITHUB_CLIENT_SECRET: github.clientSecret,
    RIPOSTE_GITHUB_URL: github.webUrl,
    RIPOSTE_GITHUB_API_URL: github.apiUrl,
  }),
});
beforeAll(() => oidc.register(`${demo.stack.server.url}/auth/keycloak/callback`));

async function openDemo() {
  await gotoPost(demo.page, demo.stack.blogUrl);
  await pageForm(demo.page).getByRole('button', { name: 'Log in with Keycloak' }).waitFor();
}

/** The session token the widget keeps in the blog's localStorage, if any. */
const storedToken = () =>
  demo.page.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith('riposte:session:'))?.[1] ?? null);

describe('signing in with an OpenID Connect provider (oidc-provider on a loopback port)', () => {
  it('logs in in a popup, posts as that user, stays signed in, edits, logs out back to the guest form', async () => {
    await openDemo();
    const form = pageForm(demo.page);
    await expect(form.getByText('Fill in your details below or click an icon to log in:').isVisible()).resolves.toBe(true);
    const [popup] = await Promise.all([
      demo.page.waitForEvent('popup'),
      form.getByRole('button', { name: 'Log in with Keycloak' }).click(),
    ]);
    await popup.getByPlaceholder('Enter any login').fill('ada');
    await popup.getByPlaceholder('and password').fill('anything');
    await popup.getByRole('button', { name: 'Sign-in' }).click();
    // The popup may close before a wait started after the click would see it: wait first.
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Continue' }).click();
    await closed;
    await form.getByText('Commenting as Ada Lovelace (Keycloak).').waitFor();
    await expect(form.getByLabel('Name', { exact: true }).count()).resolves.toBe(0);

    await form.getByLabel('Comment', { exact: true }).fill('Signed in with *Keycloak*.');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const posted = commentWith(demo.page, 'Signed in with');
    await posted.getByText('Ada Lovelace').waitFor();
    const mine = demo.page.locator(`riposte-thread #${await posted.getAttribute('id')}`);

    await demo.page.reload();
    await pageForm(demo.page).getByText('Commenting as Ada Lovelace (Keycloak).').waitFor();
    await mine.getByRole('button', { name: 'Edit' }).click();
    const editor = replyForm(demo.page);
    await expect(editor.getByLabel('Comment', { exact: true }).inputValue()).resolves.toBe('Signed in with *Keycloak*.');
    await editor.getByLabel('Comment', { exact: true }).fill('Signed in, then *edited*.');
    await editor.getByRole('button', { name: 'Save' }).click();
    await mine.locator('em', { hasText: 'edited' }).waitFor();
    await mine.getByText(/^\(edited /).waitFor();
    await demo.page.screenshot({ path: '.tmp/sign-in-signed-in.png', fullPage: true });

    const token = await storedToken();
    expect(token).toBeTruthy();
    await pageForm(demo.page).getByRole('button', { name: 'Log Out' }).click();
    await pageForm(demo.page).getByLabel('Name', { exact: true }).waitFor();
    await expect(mine.getByRole('button', { name: 'Edit' }).count()).resolves.toBe(0);
    expect(await storedToken()).toBeNull();
    // Revoked on the server too, not only forgotten here.
    await expect
      .poll(async () => (await fetch(`${demo.stack.server.url}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status)
      .toBe(401);
  });

  it("ignores a session posted from any origin but the comment server's", async () => {
    await openDemo();
    const form = pageForm(demo.page);
    const [popup] = await Promise.all([
      demo.page.waitForEvent('popup'),
      form.getByRole('button', { name: 'Log in with Keycloak' }).click(),
    ]);
    await popup.getByPlaceholder('Enter any login').waitFor();
    // The blog's own origin (any script on it, or a frame) is not the comment server.
    await demo.page.evaluate(() => {
      const forged = {
        type: 'riposte-session',
        token: 'f'.repeat(43),
        user: { id: 'x', name: 'Forged', provider: 'keycloak', providerName: 'Keycloak' },
      };
      window.postMessage(forged, '*');
    });
    await demo.page.waitForTimeout(300);
    await popup.close();
    await form.getByText('The sign-in window was closed before you logged in.').waitFor();
    await expect(form.getByText('Forged').count()).resolves.toBe(0);
    expect(await storedToken()).toBeNull();
    await expect(form.getByRole('button', { name: 'Log in in this tab instead' }).isVisible()).resolves.toBe(true);
  });
});

describe('signing in with GitHub (a local stand-in, set up as GitHub Enterprise)', () => {
  it('falls back to the full-page flow when the popup is blocked, and returns to the same comment', async () => {
    await demo.context.addInitScript(() => {
      window.open = () => null; // as a popup blocker does
    });
    await openDemo();
    await comment(demo.page, 4)
      .getByRole('button', { name: /^Reply to/ })
      .click();
    const reply = replyForm(demo.page);
    await reply.getByRole('button', { name: 'Log in with GitHub' }).click();
    await reply.getByText('Your browser blocked the sign-in window.').waitFor();
    await reply.getByRole('button', { name: 'Log in in this tab instead' }).click();
    await pageForm(demo.page).getByText('Commenting as The Octocat (GitHub).').waitFor();
    expect(new URL(demo.page.url()).hash).toBe('#comment-4');
    await expect.poll(() => isHighlighted(demo.page, 4)).toBe(true);
    await demo.page.screenshot({ path: '.tmp/sign-in-github-back.png' });
  });
});

describe('guests', () => {
  it("edit and delete their own comment from the same browser, and see no buttons on others'", async () => {
    await openDemo();
    demo.page.on('dialog', (dialog) => void dialog.accept());
    const form = pageForm(demo.page);
    await fillGuestForm(form, 'A guest comment to change.', 'Guest');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const mine = commentWith(demo.page, 'guest comment to change');
    await mine.getByRole('button', { name: 'Edit' }).waitFor();
    await expect(comment(demo.page, 1).getByRole('button', { name: 'Edit' }).count()).resolves.toBe(0);
    await demo.page.screenshot({ path: '.tmp/sign-in-guest.png', fullPage: true });
    await demo.page.reload();
    await mine.getByRole('button', { name: 'Edit' }).click();
    await replyForm(demo.page).getByLabel('Comment', { exact: true }).fill('A guest comment, changed.');
    await replyForm(demo.page).getByRole('button', { name: 'Save' }).click();
    const changed = commentWith(demo.page, 'A guest comment, changed.');
    await changed.getByRole('button', { name: 'Delete' }).click();
    await changed.waitFor({ state: 'detached' });
  });
});
