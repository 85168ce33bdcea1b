import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/limits.ts';
import type { WireComment } from '../../../shared/wire.ts';
import type { AdminCommentPage } from '../../../shared/moderation.ts';
import { addAdmin, adminHeaders } from '../../helpers/admin-session.ts';
import { BLOG_ORIGIN, useTestApp } from '../../helpers/test-app.ts';

const author = { name: 'Francis', email: 'francis@example.org', website: 'https://francis.example.org' };
const page = 'https://blog.example/2017/03/le-pen/';

const t = useTestApp();

async function postOk(body: Record<string, unknown>): Promise<WireComment> {
  const res = await t.post({ page, author, ...body });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return ((await res.json()) as { comment: WireComment }).comment;
}

describe('POST /api/v1/comments', () => {
  it('stores a comment and answers 201 with it exactly as a later GET shows it', async () => {
    const comment = await postOk({ body: 'Given the *current* political leadership…' });
    expect(comment).toMatchObject({
      parentId: null,
      status: 'approved',
      author: { name: 'Francis', website: 'https://francis.example.org' },
      html: '<p>Given the <em>current</em> political leadership…</p>',
    });
    expect(comment.author.avatar).toMatch(/^[0-9a-f]{12}$/);
    expect(new Date(comment.createdAt).toISOString()).toBe(comment.createdAt);
    const { body } = await t.thread(page);
    expect(body.comments).toEqual([comment]);
  });

  it('keeps the email and a hash of the IP for the owner, and never shows either', async () => {
    await t.reopen(['--trust-proxy', 'true']);
    const res = await t.post({ page, author, body: 'hello' }, { 'x-forwarded-for': '203.0.113.7' });
    const posted = await res.text();
    const row = (await t.store.comments.listForThread((await t.store.threads.find('default', page.replace(/\/$/, '')))!.id))[0]!;
    expect(row.authorEmail).toBe('francis@example.org');
    expect(row.ipHash).toMatch(/^[0-9a-f]{32}$/);
    const read = JSON.stringify((await t.thread(page)).body);
    for (const text of [posted, read]) {
      expect(text).not.toContain('francis@example.org');
      expect(text).not.toContain('203.0.113.7');
      expect(text).not.toContain(row.ipHash!);
    }
  });

  it('does not let a poster set or change the page address and title of a thread', async () => {
    await postOk({ body: 'first', url: 'https://blog.example/post-42', title: 'The real title' });
    await postOk({ body: 'second', title: 'HACKED' });
    const res = await t.post({ page, author, body: 'third', url: 'https://evil.example/phish' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.url).toMatch(/website this site allows/);
    expect((await t.thread(page)).body.page).toMatchObject({ url: 'https://blog.example/post-42', title: 'The real title' });
  });

  it("lets the blog's own pages correct an earlier guess of the title and address, and shows it in the admin view", async () => {
    // A script (no Origin) posts first and guesses; later scripts cannot change it.
    await postOk({ body: 'first', url: 'https://blog.example/guess', title: 'A guess' });
    await postOk({ body: 'second', title: 'HACKED' });
    expect((await t.thread(page)).body.page).toMatchObject({ url: 'https://blog.example/guess', title: 'A guess' });
    // A reader's browser on the blog sends the page's own title and address: they win.
    const fromBlog = await t.post(
      { page, author, body: 'third', url: 'https://blog.example/real', title: 'The real title' },
      { origin: BLOG_ORIGIN },
    );
    expect(fromBlog.status).toBe(201);
    expect((await t.thread(page)).body.page).toMatchObject({ url: 'https://blog.example/real', title: 'The real title' });
    await postOk({ body: 'fourth', title: 'HACKED again' });
    expect((await t.thread(page)).body.page).toMatchObject({ title: 'The real title' });
    await addAdmin(t);
    const list = (await (await t.app.request('/api/v1/admin/comments', { headers: await adminHeaders(t) })).json()) as AdminCommentPage;
    expect(new Set(list.comments.map((c) => c.thread.title))).toEqual(new Set(['The real title']));
  });

  it('nests replies to any depth and lists them oldest first', async () => {
    const first = await postOk({ body: 'one' });
    const reply = await postOk({ body: 'two', parentId: first.id });
    const replyToReply = await postOk({ body: 'three', parentId: reply.id });
    const second = await postOk({ body: 'four' });
    const { body } = await t.thread(page);
    expect(body.comments.map((c) => [c.id, c.parentId])).toEqual([
      [first.id, null],
      [reply.id, first.id],
      [replyToReply.id, reply.id],
      [second.id, null],
    ]);
    expect(body.count).toBe(4);
  });

  it('files the same page under one key whatever the URL spelling', async () => {
    await postOk({ body: 'a', page: 'https://BLOG.example:443/2017/03/le-pen/#comment-1' });
    await postOk({ body: 'b', page: 'https://blog.example/2017/03/le-pen?utm_source=feed' });
    expect((await t.thread('https://blog.example/2017/03/le-pen')).body.count).toBe(2);
  });

  it('refuses names of invisible characters, and takes direction overrides and C1 controls out of names, titles and bodies', async () => {
    for (const name of ['\u200B', '\u200B\u200C\u2060\uFEFF', '\u202E', ' \u0301 ', '\u3164']) {
      const res = await t.post({ page, body: 'hi', author: { name } });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields['author.name']).toBe('Name is required.');
    }
    const invisibleBody = await t.post({ page, body: '\u200B\u2060', author });
    expect(invisibleBody.status).toBe(400);
    const comment = await postOk({
      body: 'file photo\u202Egpj.exe \u0085here\u2066',
      title: 'Ti\u200Btle\u202E',
      author: { name: 'Ad\u200Bmin\u202E\u0080 👩\u200D💻' },
    });
    expect(comment.author.name).toBe('Admin 👩\u200D💻');
    expect(comment.html).toBe('<p>file photogpj.exe here</p>');
    expect((await t.thread(page)).body.page).toMatchObject({ title: 'Title' });
  });

  it('keeps the page URL and title for the thread', async () => {
    await postOk({ body: 'a', page: 'post-42', url: 'https://blog.example/post-42', title: 'Post 42' });
    expect((await t.thread('post-42')).body.page).toEqual({ key: 'post-42', url: 'https://blog.example/post-42', title: 'Post 42' });
  });
});

describe('POST /api/v1/comments refuses bad input with a clear 400', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty body', { body: '   ' }, 'body'],
    ['a body over the limit', { body: 'x'.repeat(LIMITS.bodyMaxChars + 1) }, 'body'],
    ['a missing name', { body: 'hi', author: { email: 'a@b.org' } }, 'author.name'],
    ['an over-long name', { body: 'hi', author: { name: 'n'.repeat(LIMITS.nameMaxChars + 1) } }, 'author.name'],
    ['a bad email', { body: 'hi', author: { name: 'A', email: 'not-an-email' } }, 'author.email'],
    ['a javascript: website', { body: 'hi', author: { name: 'A', website: 'javascript:alert(1)' } }, 'author.website'],
    ['a website that is not a URL', { body: 'hi', author: { name: 'A', website: 'my site' } }, 'author.website'],
    ['a missing page', { body: 'hi', page: '' }, 'page'],
    ['a parent that is not a number', { body: 'hi', parentId: 'x' }, 'parentId'],
    ['a body that is not text', { body: 42 }, 'body'],
  ];
  for (const [what, body, field] of cases) {
    it(`for ${what}`, async () => {
      const res = await t.post({ page, author, ...body });
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
      expect(json.error.code).toBe('invalid_input');
      expect(json.error.fields[field]).toEqual(expect.any(String));
      expect(json.error.message.length).toBeGreaterThan(5);
    });
  }

  it("naming a field left out plainly, not in the validator's words", async () => {
    const res = await t.post({ page, author });
    const json = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(json.error.fields).toEqual({ body: 'body is required.' });
  });

  it('for a parent that does not exist', async () => {
    const res = await t.post({ page, author, body: 'hi', parentId: 999 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_parent');
  });

  it('for a parent that was deleted', async () => {
    const parent = await postOk({ body: 'soon deleted' });
    await t.store.comments.setStatus([parent.id], 'deleted');
    const res = await t.post({ page, author, body: 'hi', parentId: parent.id });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_parent');
  });

  it('for a parent on another page', async () => {
    const other = await postOk({ body: 'elsewhere', page: 'https://blog.example/other' });
    const res = await t.post({ page, author, body: 'hi', parentId: other.id });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_parent');
    expect((await t.thread(page)).body.comments).toEqual([]);
  });

  it('for malformed JSON, a non-object and a non-JSON content type', async () => {
    for (const res of [
      await t.post('{"page": '),
      await t.post('[1,2]'),
      await t.send('POST', '/api/v1/comments', { page, body: 'hi', author }, { 'content-type': 'text/plain' }),
    ]) {
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
  });

  it('with 413 for an oversized request', async () => {
    const res = await t.post({ page, author, body: 'x'.repeat(LIMITS.requestMaxBytes + 10) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('with 404 for an unknown site', async () => {
    const res = await t.post({ site: 'nope', page, author, body: 'hi' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_site');
  });

  it('never with a 5xx, whatever the JSON', async () => {
    const odd: unknown[] = [
      null,
      0,
      'x',
      true,
      {},
      { page: {}, body: [] },
      { page, body: 'hi', author: 'me' },
      { page, body: 'hi', parentId: -1 },
      { page, body: 'hi', parentId: 1e308 },
      { page, body: 'hi', site: '../etc' },
      { page: 'x'.repeat(5000), body: 'hi', author },
      { page, body: '\u0000', author },
    ];
    for (const body of odd) {
      const res = await t.post(JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
    }
  });
});

describe('persistence', () => {
  it('keeps comments across a restart on the same file', async () => {
    const first = await postOk({ body: 'before restart' });
    await postOk({ body: 'reply', parentId: first.id });
    const before = (await t.thread(page)).body;
    await t.reopen();
    expect((await t.thread(page)).body).toEqual(before);
  });
});
