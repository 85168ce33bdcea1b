import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../../shared/limits.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/admin-session.ts';
import { axeViolations, logIn } from '../helpers/admin-page.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { startSmtpServer } from '../helpers/smtp-server.ts';
import { gotoPost } from '../helpers/thread-page.ts';

/** The mail server refuses this reader's address (550) until the test lets it in. */
const refused = ['ivy@example.org'];
const smtp = await startSmtpServer({ refuse: refused });
afterAll(() => smtp.close());
const demo = useDemoBrowser({ env: () => smtp.env, admin: true });
const PAGE_ID = 'marine-le-pen-moscow-2017';

/** Until the delivery to `to` is done (sent, failed or cancelled); answers its status. */
async function settledDelivery(to: string): Promise<string> {
  const { outbox } = demo.stack.server.store;
  for (let i = 0; i < 400; i++) {
    const row = (await outbox.list({ channel: 'mail', offset: 0, limit: 50 })).rows.find((r) => r.recipient === to);
    if (row && row.status !== 'pending') return row.status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the mail to ${to} was not settled`);
}

describe('deliveries and mentions in the admin view', () => {
  it('lists a failed mail with the mail server’s answer; Retry sends it once the server takes it', async () => {
    const res = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        page: PAGE_ID,
        url: demo.stack.blogUrl,
        body: 'Tell me about replies.',
        author: { name: 'Ivy', email: 'ivy@example.org' },
        notify: { replies: true },
      }),
    });
    expect(res.status).toBe(201);
    expect(await settledDelivery('ivy@example.org')).toBe('failed');

    const { page } = demo;
    await logIn(page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const link = page.getByRole('link', { name: /^Deliveries/ });
    await expect.poll(() => link.textContent()).toContain('1');
    await link.click();
    const row = page.getByRole('row', { name: /Address confirmation/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('ivy@example.org');
    expect(await row.textContent()).toContain('Failed');
    expect(await row.textContent()).toMatch(/550|User unknown/);
    expect(await axeViolations(page)).toEqual([]);

    refused.splice(0);
    await row.getByRole('button', { name: 'Retry: Address confirmation to ivy@example.org' }).click();
    await page.getByText('Sending it again.').waitFor();
    const mail = await smtp.nextMessage('ivy@example.org', 30_000);
    expect(mail.parsed.subject).toMatch(/confirm/i);
    expect(await settledDelivery('ivy@example.org')).toBe('sent');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('sent');
    await page.getByRole('row', { name: /Address confirmation.*Sent/ }).waitFor();
  });

  it('offers Mentions once one came; the owner approves a held one and readers see it apart from the comments', async () => {
    const { store } = demo.stack.server;
    const thread = (await store.threads.find(DEFAULT_SITE, PAGE_ID))!;
    const at = new Date().toISOString();
    await store.mentions.save(
      thread.id,
      'https://ann.example/re-moscow',
      {
        target: demo.stack.blogUrl,
        type: 'reply',
        url: 'https://ann.example/re-moscow',
        authorName: 'Ann Example',
        authorUrl: 'https://ann.example/',
        name: 'Re: Le Pen in Moscow',
        contentHtml: '<p>A long answer on my own blog.</p>',
        publishedAt: '2026-11-27T12:30:00.000Z',
      },
      'pending',
      at,
    );

    const { page } = demo;
    await gotoPost(page, demo.stack.blogUrl);
    await page.locator('riposte-thread').getByRole('button', { name: 'Post Comment' }).waitFor();
    expect(await page.getByText('A long answer on my own blog.').count()).toBe(0);

    await logIn(page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const link = page.getByRole('link', { name: /^Mentions/ });
    await expect.poll(() => link.textContent()).toContain('1');
    await link.click();
    const mention = page.getByRole('article', { name: 'Mention by Ann Example' });
    expect(await mention.textContent()).toContain('replied to');
    expect(await mention.textContent()).toContain('Waiting');
    expect(await axeViolations(page)).toEqual([]);
    await mention.getByRole('button', { name: 'Approve: Ann Example' }).click();
    await page.getByText('Mention approved: readers see it.').waitFor();
    expect((await store.mentions.list({ offset: 0, limit: 10 })).rows.map((r) => r.mention.status)).toEqual(['approved']);

    await gotoPost(page, demo.stack.blogUrl);
    const thread$ = page.locator('riposte-thread');
    await thread$.getByRole('heading', { name: '1 Mention' }).waitFor();
    const shown = thread$.locator('[part="mention"]');
    expect(await shown.textContent()).toMatch(/Ann Example\s+replied/);
    expect(await shown.getByRole('link', { name: 'Re: Le Pen in Moscow' }).getAttribute('href')).toBe('https://ann.example/re-moscow');
    // Apart from the comments: not inside the comment list, and not counted in the heading.
    expect(await thread$.locator('[part="comments"] [part="mention"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
