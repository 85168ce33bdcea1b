import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { comment, commentWith, fillGuestForm, isHighlighted, nesting, pageForm, replyForm, gotoPost } from '../helpers/thread-page.ts';

const demo = useDemoBrowser();

async function openDemo(hash = '') {
  await gotoPost(demo.page, demo.stack.blogUrl + hash);
  await demo.page.getByRole('heading', { name: /Responses?$/ }).waitFor();
}

/** The heading's count, so a test does not depend on what earlier tests posted. */
async function responses(): Promise<number> {
  return Number((await demo.page.getByRole('heading', { name: /Responses?$/ }).textContent())!.split(' ')[0]);
}

const heading = (n: number) => demo.page.getByRole('heading', { name: `${n} Responses` });

describe('the demo blog', () => {
  it("shows the seed post's nine responses, nested as in the original, the author's marked", async () => {
    await openDemo();
    await expect(demo.page.getByRole('heading', { name: '9 Responses' }).isVisible()).resolves.toBe(true);
    // 2 answers 1, 3 answers 2, 5 answers 4, 6 answers 3, 7 answers 6, 8 and 9 answer 7.
    expect(await nesting(demo.page)).toEqual([
      [1, null],
      [2, 1],
      [3, 2],
      [6, 3],
      [7, 6],
      [8, 7],
      [9, 7],
      [4, null],
      [5, 4],
    ]);
    for (const id of [2, 5, 8]) await expect(comment(demo.page, id).getByText('Author', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(comment(demo.page, 1).getByText('Author', { exact: true }).count()).resolves.toBe(0);
    // Deeper than the indentation cap, a reply says whom it answers.
    await expect(comment(demo.page, 9).getByText('in reply to').isVisible()).resolves.toBe(true);
    const time = comment(demo.page, 1).locator('time');
    expect(await time.getAttribute('datetime')).toBe('2017-03-24T15:34:00.000Z');
    expect(await time.textContent()).toContain('2017');

    const feed = demo.page.getByRole('link', { name: 'Subscribe to comments with RSS' });
    expect(await feed.getAttribute('href')).toBe(`${demo.stack.server.url}/feeds/thread.atom?site=default&page=marine-le-pen-moscow-2017`);
    const allowed = [new URL(demo.stack.server.url).origin, new URL(demo.stack.blogUrl).origin];
    expect(demo.requested.filter((url) => !allowed.includes(new URL(url).origin) && !url.startsWith('data:'))).toEqual([]);
  });

  it('has every comment in the page itself, for readers without JavaScript and search engines', async () => {
    const page = await (await fetch(demo.stack.blogUrl)).text();
    expect(page).toContain('<h2 class="riposte-title">9 Responses</h2>');
    for (let id = 1; id <= 9; id++) expect(page).toContain(`id="comment-${id}"`);
    expect(page).toContain('The Putin government is not the only institution within Russia');
    // Once the widget has drawn the thread, the server's copy is gone: each comment is in the page once.
    await openDemo();
    await expect(demo.page.locator('riposte-thread #comment-7').count()).resolves.toBe(1);
  });

  it('posts a comment and a reply to a reply, shown at once and after reload', async () => {
    await openDemo();
    const before = await responses();
    const form = pageForm(demo.page);
    await fillGuestForm(form, 'A *new* comment from the browser test.', 'Tester', 'tester@example.org', 'https://tester.example.org');
    // Remembering is opt-in: the email would sit in the blog's own storage.
    const remember = form.getByRole('checkbox', { name: /Remember my name/ });
    expect(await remember.isChecked()).toBe(false);
    await remember.check();
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await expect(heading(before + 1).waitFor()).resolves.toBeUndefined();
    const mine = commentWith(demo.page, 'from the browser test');
    await expect(mine.locator('em', { hasText: 'new' }).isVisible()).resolves.toBe(true);
    expect(await mine.getByRole('link', { name: 'Tester' }).getAttribute('rel')).toBe('nofollow ugc noopener');

    // Reply to comment 3 (itself a reply to 2), by keyboard alone.
    await comment(demo.page, 3).getByRole('button', { name: 'Reply to Sarah' }).focus();
    await demo.page.keyboard.press('Enter');
    await demo.page.keyboard.type('Answering a reply, with the keyboard.');
    // Details were remembered from the first post, so only the button is left.
    await replyForm(demo.page).getByRole('button', { name: 'Post Reply' }).focus();
    await demo.page.keyboard.press('Enter');
    await heading(before + 2).waitFor();

    const drawn = await nesting(demo.page);
    const newIds = drawn
      .map(([id]) => id)
      .sort((a, b) => a - b)
      .slice(-2);
    expect(drawn).toContainEqual([newIds[1], 3]);
    expect(drawn).toContainEqual([newIds[0], null]);

    await demo.page.reload();
    await heading(before + 2).waitFor();
    expect(await nesting(demo.page)).toEqual(drawn);
    await expect(demo.page.getByText('Answering a reply, with the keyboard.').isVisible()).resolves.toBe(true);
  });

  it('shows inline errors for a form sent empty, and posts nothing', async () => {
    await openDemo();
    const form = pageForm(demo.page);
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await expect(form.getByText('Write something before posting.').isVisible()).resolves.toBe(true);
    expect(await form.getByLabel('Comment', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Comment', { exact: true }).fill('text');
    await form.getByLabel('Name', { exact: true }).fill('A');
    await form.getByLabel(/^Email/).fill('not-an-email');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await expect(form.getByText('Email does not look like an address', { exact: false }).isVisible()).resolves.toBe(true);
    expect(await demo.page.getByRole('heading', { name: /Responses$/ }).textContent()).toMatch(/^\d+ Responses$/);
    expect(demo.requested.filter((url) => url.includes('/api/v1/comments'))).toEqual([]);
  });

  it('opens a #comment-ID permalink scrolled to and highlighting that comment', async () => {
    await demo.page.setViewportSize({ width: 1000, height: 700 });
    await openDemo('#comment-7');
    const seven = comment(demo.page, 7);
    await expect.poll(() => isHighlighted(demo.page, 7)).toBe(true);
    await expect
      .poll(() =>
        seven.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.top < innerHeight;
        }),
      )
      .toBe(true);
    expect(await comment(demo.page, 6).evaluate((el) => el.classList.contains('highlighted'))).toBe(false);
  });

  it('lets one browser like the page and take it back, counted on the server', async () => {
    await openDemo();
    const like = demo.page.getByRole('button', { name: 'Like' });
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    await like.click();
    await demo.page.getByText('1 reader likes this.').waitFor();
    await demo.page.reload();
    await demo.page.getByText('1 reader likes this.').waitFor();
    expect(await demo.page.getByRole('button', { name: 'Like' }).getAttribute('aria-pressed')).toBe('true');
    // Storage that lost the liked flag (but kept this browser's id) is corrected by the server.
    await demo.page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('riposte:liked:')) localStorage.removeItem(key);
    });
    await demo.page.reload();
    await demo.page.getByText('1 reader likes this.').waitFor();
    await expect.poll(() => demo.page.getByRole('button', { name: 'Like' }).getAttribute('aria-pressed')).toBe('true');
    await demo.page.getByRole('button', { name: 'Like' }).click();
    await demo.page.getByText('Be the first to like this.').waitFor();
    // The widget says so at once; the server counts it once the request has landed.
    const likes = async () => (await (await fetch(`${demo.stack.server.url}/api/v1/threads?page=marine-le-pen-moscow-2017`)).json()).likes;
    await expect.poll(likes).toBe(0);
  });
});

describe('the widget and its host page', () => {
  it("lets the page hear only the documented events, never the form's contents", async () => {
    await openDemo();
    await demo.page.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      for (const type of ['riposte-loaded', 'riposte-posted', 'riposte-submit', 'riposte-reply', 'riposte-like', 'riposte-cancel']) {
        document.addEventListener(type, () => heard.push(type));
      }
    });
    await comment(demo.page, 1).getByRole('button', { name: 'Reply to Francis' }).click();
    await fillGuestForm(replyForm(demo.page), 'Only the documented events.', 'Eve', 'eve@example.org');
    await replyForm(demo.page).getByRole('button', { name: 'Post Reply' }).click();
    await demo.page.getByText('Only the documented events.').waitFor();
    await demo.page.getByRole('button', { name: 'Like' }).click();
    await expect.poll(() => demo.page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual(['riposte-posted']);
  });

  it('keeps a long code line scrolling inside its comment, never widening the page (phone width)', async () => {
    const body = `A long line:\n\n\`\`\`\n${'x'.repeat(300)}\n\`\`\``;
    const res = await fetch(`${demo.stack.server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: 'marine-le-pen-moscow-2017', parentId: 7, body, author: { name: 'Coder' } }),
    });
    expect(res.status).toBe(201);
    const { comment: posted } = (await res.json()) as { comment: { id: number } };
    await demo.page.setViewportSize({ width: 390, height: 800 });
    // Opened at it: off-screen responses are not laid out (content-visibility), so go there.
    await openDemo(`#comment-${posted.id}`);
    await commentWith(demo.page, 'A long line:').waitFor();
    await expect.poll(() => comment(demo.page, posted.id).evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    expect(await demo.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('tells a page on an origin the server does not allow why there are no comments', async () => {
    // Same demo page, but as http://localhost:PORT: another origin than the allowed 127.0.0.1.
    await demo.page.goto(demo.stack.blogUrl.replace('127.0.0.1', 'localhost'));
    await expect(demo.page.getByText('Comments are not enabled for this website').waitFor()).resolves.toBeUndefined();
    // With the server's words for the owner: what to allow, where.
    await expect(demo.page.getByText('Site owner: add http://localhost:').waitFor()).resolves.toBeUndefined();
  });
});

describe('hostile comments', () => {
  it('show as text and run nothing', async () => {
    await openDemo();
    let dialogs = 0;
    demo.page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const attack = [
      '<img src=x onerror="window.__pwned=1;alert(1)">',
      '<script>window.__pwned=2;alert(2)</script>',
      '[click me](javascript:alert(3))',
      '<svg onload=alert(4)>',
      '<a href="https://x.example" onmouseover="alert(5)">hover</a>',
    ].join('\n\n');
    const form = pageForm(demo.page);
    await fillGuestForm(form, attack, '<img src=y onerror=alert(6)>', '', '');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const hostile = commentWith(demo.page, 'window.__pwned=2');
    await hostile.waitFor();
    await demo.page.reload();
    await hostile.waitFor();
    await hostile.getByText('click me').click();
    await hostile.getByText('hover').hover();

    expect(dialogs).toBe(0);
    expect(await demo.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const injected = await hostile.evaluate(
      (el) => el.querySelectorAll('img, script, svg:not([aria-hidden]), [onerror], [onload], [onmouseover], a[href^="javascript"]').length,
    );
    expect(injected).toBe(0);
    await expect(hostile.getByText('<img src=y onerror=alert(6)>').isVisible()).resolves.toBe(true);
    await expect(hostile.getByText('<script>window.__pwned=2;alert(2)</script>').isVisible()).resolves.toBe(true);
  });
});
