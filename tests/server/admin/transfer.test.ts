import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AdminCommentPage, WireAuditEntry } from '../../../shared/moderation.ts';
import type { ImportSummary } from '../../../shared/transfer.ts';
import { spoolUpload } from '../../../server/admin/upload-spool.ts';
import { useAdminApp } from '../../helpers/admin-session.ts';
import { fixturePath } from '../../helpers/import-fixtures.ts';

const THEME_TEST = 'wp-theme-test-data__themeunittestdata.wordpress.xml';
const t = useAdminApp();

/** Uploads a file as the admin view does: the bytes themselves as the body. */
function upload(query: string, body: BodyInit | null, headers: Record<string, string> = t.admin) {
  return t.app.request(`/api/v1/admin/import?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml', ...headers }, body });
}
const fixture = (name: string) => readFileSync(fixturePath(name));
const comments = async () =>
  ((await (await t.send('GET', '/api/v1/admin/comments?limit=200', undefined, t.admin)).json()) as AdminCommentPage).total;

describe('importing from the admin view: POST /api/v1/admin/import', () => {
  it('refuses without a session, without the CSRF token, or from another origin, and imports nothing', async () => {
    const body = fixture('isso__wordpress.xml');
    expect((await upload('format=wordpress', body, {})).status).toBe(401);
    const { 'riposte-csrf': _csrf, ...noToken } = t.admin;
    const refused = await upload('format=wordpress', body, noToken);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    expect((await upload('format=wordpress', body, { ...t.admin, origin: 'https://evil.example' })).status).toBe(403);
    expect(await comments()).toBe(0);
  });

  it("imports the WordPress theme unit test export (600 KB, past the API's 64 KB limit) and answers the summary", async () => {
    const res = await upload(`format=wordpress&site=blog&name=${encodeURIComponent('theme test.xml')}`, fixture(THEME_TEST));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const summary = (await res.json()) as ImportSummary;
    expect(summary).toMatchObject({
      format: 'wordpress',
      site: 'blog',
      siteCreated: true,
      threads: { created: 7, matched: 0 },
      comments: { imported: 33, byStatus: { approved: 29, pending: 4 }, byKind: { trackback: 2, pingback: 2 } },
      skipped: {},
    });
    expect(await comments()).toBe(33);
    // Again: nothing new, every comment skipped as already imported.
    const again = (await (await upload('format=wordpress&site=blog', fixture(THEME_TEST))).json()) as ImportSummary;
    expect(again.comments.imported).toBe(0);
    expect(again.skipped).toEqual({ 'already imported': 33 });

    const log = (await (await t.send('GET', '/api/v1/admin/audit', undefined, t.admin)).json()) as { entries: WireAuditEntry[] };
    expect(log.entries.filter((e) => e.action === 'import').map((e) => e.detail)).toEqual([
      'wordpress the uploaded file into blog: 0 comments imported, 0 threads created',
      'wordpress theme test.xml into blog: 33 comments imported, 7 threads created',
    ]);
  });

  it('answers a malformed file with 400, its line and column, and changes nothing', async () => {
    const res = await upload('format=wordpress&name=export.xml', fixture('wordpress-importer__malformed.xml'));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'invalid_input', message: 'export.xml line 90, column 10: not well-formed XML (unexpected close tag)' },
    });
    expect(await comments()).toBe(0);
    expect((await t.store.sites.list()).map((s) => s.id)).toEqual(['default']);
    // The spooled upload is gone.
    expect(readdirSync(t.uploadDir).filter((f) => f.includes('upload'))).toEqual([]);
  });

  it('refuses other formats, a Riposte restore (command line only), an empty body, a form, and a body over 512 MB', async () => {
    const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;
    const other = await upload('format=blogger', fixture('isso__wordpress.xml'));
    expect(other.status).toBe(400);
    expect(await message(other)).toBe('format must be wordpress or disqus.');
    const restore = await upload('format=riposte', '{}');
    expect(restore.status).toBe(400);
    expect(await message(restore)).toContain('riposte import riposte FILE');
    expect((await upload('format=disqus', '')).status).toBe(400);
    expect((await upload('format=disqus', null)).status).toBe(400);
    const form = new FormData();
    form.append('file', new Blob([fixture('isso__disqus.xml')]), 'disqus.xml');
    const multipart = await t.app.request('/api/v1/admin/import?format=disqus', { method: 'POST', headers: t.admin, body: form });
    expect(await message(multipart)).toContain('not as a form');
    const huge = await upload('format=disqus', 'x', { ...t.admin, 'content-length': String(513 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await message(huge)).toContain('at most 512 MB');
    expect(await comments()).toBe(0);
  });

  it('counts a body without a length as it arrives, and stops at the limit', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(1000));
        controller.close();
      },
    });
    await expect(spoolUpload(body, t.store.file, 5000)).rejects.toMatchObject({ status: 413 });
    expect(readdirSync(t.uploadDir).filter((f) => f.includes('upload'))).toEqual([]);
  });

  it('answers an upload cut off half-way as a 400, leaving no file behind', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(1000));
        controller.error(new TypeError('terminated'));
      },
    });
    await expect(spoolUpload(body, t.store.file)).rejects.toMatchObject({
      status: 400,
      message: 'The upload was cut off before the end; try again.',
    });
    expect(readdirSync(t.uploadDir).filter((f) => f.includes('upload'))).toEqual([]);
  });
});

describe('exporting from the admin view: GET /api/v1/admin/export', () => {
  it('needs the admin session, and streams the same export as `riposte export`, never cached', async () => {
    expect((await t.app.request('/api/v1/admin/export')).status).toBe(401);
    expect((await upload('format=disqus&site=old', fixture('isso__disqus.xml'))).status).toBe(200);
    const res = await t.app.request('/api/v1/admin/export', { headers: { cookie: t.admin.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="riposte-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await res.text();
    const file = JSON.parse(text) as {
      format: string;
      version: number;
      comments: { authorEmail: string | null }[];
      audit: { action: string }[];
    };
    expect(file.format).toBe('riposte');
    expect(file.comments.length).toBe(await comments());
    expect(file.comments.length).toBeGreaterThan(0);
    expect(file.audit.map((a) => a.action)).toContain('import');
    expect(text.split('\n')[0]).toMatch(/^\{"format":"riposte","version":1,"exportedAt":/);
  });
});
