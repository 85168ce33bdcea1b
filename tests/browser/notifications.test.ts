import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/admin-session.ts';
import { logIn } from '../helpers/admin-page.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { mailLink } from '../helpers/mail-app.ts';
import { startSmtpServer } from '../helpers/smtp-server.ts';
import { commentWith, fillGuestForm, isHighlighted, pageForm, gotoPost } from '../helpers/thread-page.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());
const demo = useDemoBrowser({ env: () => smtp.env, admin: true });
const PAGE_ID = 'marine-le-pen-moscow-2017';

/** Another reader answers through the API, as any other page would. */
async function replyAsBob(parentId: number, body: string): Promise<number> {
  const res = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ page: PAGE_ID, url: demo.stack.blogUrl, parentId, body, author: { name: 'Bob' } }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { comment: { id: number } }).comment.id;
}

/** Until the server's outbox has made every comment event into its deliveries and sent its mails. */
async function outboxIdle(): Promise<void> {
  const { outbox } = demo.stack.server.store;
  for (let i = 0; i < 400; i++) {
    const pending = (await outbox.list({ status: 'pending', channel: 'mail', offset: 0, limit: 1 })).total;
    if ((await outbox.unexpandedEvents(1)).length === 0 && pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the outbox did not settle');
}

describe('reply notifications in the browser', () => {
  it('double opt-in, the reply mail and one-click unsubscribe, each from the link in the received mail', async () => {
    const { page } = demo;
    await gotoPost(page, demo.stack.blogUrl);
    const form = pageForm(page);
    await fillGuestForm(form, 'Tell me when someone answers.', 'Nora', 'nora@example.org');
    const replies = form.getByRole('checkbox', { name: 'Notify me of replies to my comment' });
    expect(await replies.isChecked()).toBe(false);
    await replies.check();
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await form.getByText('If this address is new here, we sent you a mail').waitFor();
    const mine = commentWith(page, 'Tell me when someone answers.');
    const id = Number((await mine.getAttribute('id'))!.replace('comment-', ''));
    // The widget told the server the page's language (<html lang="en">): mails about the thread speak it.
    expect((await demo.stack.server.store.threads.find('default', PAGE_ID))?.lang).toBe('en');

    // The confirmation: opening the link shows a button; the button confirms.
    const confirmation = await smtp.nextMessage('nora@example.org', 30_000);
    await page.goto(mailLink(confirmation, 'Confirm (opens a page with a button)'));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Address confirmed' }).waitFor();

    const reply = await replyAsBob(id, 'Here is an answer, Nora.');
    const notification = await smtp.nextMessage('nora@example.org', 30_000);
    expect(notification.parsed.subject).toMatch(/^Bob replied to your comment on /);
    // The mail's link opens the page on the reply.
    await page.goto(mailLink(notification, 'Read the reply on the page'));
    await commentWith(page, 'Here is an answer, Nora.').waitFor();
    expect(await isHighlighted(page, reply)).toBe(true);

    await page.goto(mailLink(notification, 'Stop mails about this page'));
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { name: 'Unsubscribed' }).waitFor();
    await replyAsBob(id, 'Another answer nobody is told of.');
    await outboxIdle();
    expect(smtp.messages.filter((m) => m.envelope.to.includes('nora@example.org'))).toHaveLength(2);
  });

  it('"Log in with email": the code typed in, then the link opened in another tab, each sign the reader in', async () => {
    const { page } = demo;
    await gotoPost(page, demo.stack.blogUrl);
    const panel = pageForm(page).locator('riposte-sign-in');
    const ask = async () => {
      await panel.getByRole('button', { name: 'Log in with email' }).click();
      await panel.getByLabel('Email').fill('kim@example.org');
      await panel.getByLabel('Name').fill('Kim');
      await panel.getByRole('button', { name: 'Send me a sign-in mail' }).click();
      await panel.getByText('We sent a mail to kim@example.org').waitFor();
      return smtp.nextMessage('kim@example.org', 30_000);
    };
    const mail = await ask();
    const code = /^ {4}(\d{6})$/m.exec(mail.parsed.text ?? '')![1]!;
    await panel.getByLabel('Code from the mail').fill(code);
    await panel.getByRole('button', { name: 'Log In', exact: true }).click();
    await panel.getByText('(Email)').waitFor();
    expect(await panel.getByText('Commenting as').textContent()).toContain('Kim');

    // Signed in by mail, the address is proven: notifications start at once.
    const form = pageForm(page);
    await form.getByLabel('Comment', { exact: true }).fill('Signed in by mail.');
    await form.getByRole('checkbox', { name: 'Notify me of new comments on this post' }).check();
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await form.getByText('You will be notified by mail.').waitFor();

    // The signed-in line lists what the reader gets mail about; Stop ends it on the server.
    await panel.getByRole('button', { name: 'My subscriptions' }).click();
    const list = panel.getByRole('list', { name: 'My subscriptions' });
    const line = list.getByRole('listitem');
    expect(await line.textContent()).toMatch(/New comments on /);
    await line.getByRole('button', { name: /^Stop: New comments on / }).click();
    await panel.getByText('You get no mail about comments.').waitFor();
    // Read again from the server after a reload: it is gone there too.
    await page.reload();
    await panel.getByRole('button', { name: 'My subscriptions' }).click();
    await panel.getByText('You get no mail about comments.').waitFor();

    await panel.getByRole('button', { name: 'Log Out', exact: true }).click();
    const again = await ask();
    const other = await demo.context.newPage();
    await other.goto(mailLink(again, 'Sign in'));
    await pageForm(other).locator('riposte-sign-in').getByText('(Email)').waitFor();
    expect(other.url()).toBe(demo.stack.blogUrl);
  });

  it('the owner sets alert addresses and webhooks in Rules; a new alert address is asked to confirm', async () => {
    const { page } = demo;
    await logIn(page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Rules' }).click();
    await page.getByLabel(/^Mail me comments held for approval/).fill('owner@blog.example');
    await page.getByLabel(/^Webhook URLs/).fill('https://hooks.example.com/riposte');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Rules saved.', { exact: true }).waitFor();
    const settings = await demo.stack.server.store.sites.settings('default');
    expect(settings).toMatchObject({ alertsHeld: ['owner@blog.example'], webhooks: ['https://hooks.example.com/riposte'] });
    // The secret the first webhook brought is shown, to check signatures with.
    await page.getByText(settings.webhookSecret!).waitFor();
    const confirmation = await smtp.nextMessage('owner@blog.example', 30_000);
    expect(confirmation.parsed.text).toContain('added this address to the comment alerts');
  });
});
