/**
 * The admin view in two tabs (Chromium): a comment held while the queue is open shows as
 * "1 new held comment: show", which lists it; approving it in one tab takes it off the other's queue.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/admin-session.ts';
import { card, logIn } from '../helpers/admin-page.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';

const demo = useDemoBrowser({ admin: true, timeout: 10_000 });

async function holdAndPost(body: string): Promise<void> {
  const res = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(demo.stack.blogUrl).origin },
    body: JSON.stringify({ page: demo.stack.blogUrl, body, author: { name: 'Cleo' } }),
  });
  expect(res.status).toBe(201);
}

describe('the admin view, live', () => {
  it('counts newly held comments, and follows moderation done in another tab', async () => {
    await demo.stack.server.store.sites.updateSettings('default', { moderation: 'all' });
    const first = demo.page;
    await logIn(first, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const second = await demo.context.newPage();
    await second.goto(`${demo.stack.server.url}/admin`);
    await second.getByRole('navigation', { name: 'Admin' }).waitFor();
    // Both tabs follow the changes.
    await expect.poll(() => demo.stack.server.live.size).toBe(2);

    await holdAndPost('Held while the queue is open');
    const show = first.getByRole('button', { name: '1 new held comment: show' });
    await show.click();
    await card(first, 'Held while the queue is open').waitFor();
    await second.getByRole('button', { name: '1 new held comment: show' }).click();

    await card(second, 'Held while the queue is open').getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => card(second, 'Held while the queue is open').count()).toBe(0);
    // The first tab's queue drops it too, without a click.
    await expect.poll(() => card(first, 'Held while the queue is open').count()).toBe(0);
    expect(demo.cspErrors).toEqual([]);
  });
});
