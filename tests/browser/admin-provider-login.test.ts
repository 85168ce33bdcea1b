import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/admin-page.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-stand-in.ts';

let github: GitHubStandIn;
beforeAll(async () => {
  github = await startGitHubStandIn({ id: 583231, login: 'octocat', name: 'The Octocat' });
});
afterAll(() => github?.close());

const demo = useDemoBrowser({
  env: () => ({
    RIPOSTE_GITHUB_CLIENT_ID: github.clientId,
    RIPOSTE_GITHUB_CLIENT_SECRET: github.clientSecret,
    RIPOSTE_GITHUB_URL: github.webUrl,
    RIPOSTE_GITHUB_API_URL: github.apiUrl,
    RIPOSTE_ADMINS: 'github:583231',
  }),
  timeout: 8_000,
});

describe('an admin named in RIPOSTE_ADMINS (Chromium, GitHub stand-in)', () => {
  it('logs in at /admin with the provider, no password, and lands on the queue', async () => {
    await demo.page.goto(`${demo.stack.server.url}/admin`);
    await demo.page.getByRole('link', { name: 'Log in with GitHub' }).click();
    await demo.page.getByRole('navigation', { name: 'Admin' }).waitFor();
    await demo.page.getByText('github:583231').waitFor();
    expect(new URL(demo.page.url()).hash).toBe('#queue');
    expect(await axeViolations(demo.page)).toEqual([]);
  });
});
