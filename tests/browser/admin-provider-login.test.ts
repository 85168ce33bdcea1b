import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/admin-page.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startDemoStack } from '../helpers/demo-stack.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-stand-in.ts';

let github: GitHubStandIn;
let stack: Awaited<ReturnType<typeof startDemoStack>>;
let browser: Browser;

beforeAll(async () => {
  github = await startGitHubStandIn({ id: 583231, login: 'octocat', name: 'The Octocat' });
  stack = await startDemoStack({
    RIPOSTE_GITHUB_CLIENT_ID: github.clientId,
    RIPOSTE_GITHUB_CLIENT_SECRET: github.clientSecret,
    RIPOSTE_GITHUB_URL: github.webUrl,
    RIPOSTE_GITHUB_API_URL: github.apiUrl,
    RIPOSTE_ADMINS: 'github:583231',
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  stack?.removeData();
  await github?.close();
});

describe('an admin named in RIPOSTE_ADMINS (Chromium, GitHub stand-in)', () => {
  it('logs in at /admin with the provider, no password, and lands on the queue', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    await page.goto(`${stack.server.url}/admin`);
    await page.getByRole('link', { name: 'Log in with GitHub' }).click();
    await page.getByRole('navigation', { name: 'Admin' }).waitFor();
    await page.getByText('github:583231').waitFor();
    expect(new URL(page.url()).hash).toBe('#queue');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
