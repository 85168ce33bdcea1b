import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { riposte, testDir } from '../helpers/riposte-cli.ts';
import { openTestApp } from '../helpers/test-app.ts';

const url = 'https://blog.example/post';

describe('riposte render', () => {
  it('writes the same fragment as GET /api/v1/threads/html, to standard output or a file', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    const app = await openTestApp(db);
    expect((await app.post({ page: url, url, body: 'Bonjour <b>', author: { name: 'Ann & Bo' } })).status).toBe(201);
    const served = await (await app.app.request(`/api/v1/threads/html?${new URLSearchParams({ page: url, lang: 'fr' })}`)).text();
    app.close();

    const printed = riposte(['render', url, '--lang', 'fr', '--db', db]);
    expect(printed.stderr).toBe('');
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(served);
    expect(printed.stdout).toContain('Ann &amp; Bo');

    const file = `${dir.path}/comments.html`;
    const written = riposte(['render', url, '--site=default', `--out=${file}`, '--db', db]);
    expect(written.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('<h2 class="riposte-title">1 Response</h2>');
  });

  it('says what is wrong in one line', () => {
    const db = `${testDir().path}/riposte.db`;
    const noPage = riposte(['render', '--db', db]);
    expect(noPage.status).toBe(2);
    expect(noPage.stderr).toMatch(/^riposte: PAGE: Page is required\. Usage: riposte render/);
    const badLang = riposte(['render', url, '--lang', 'no way', '--db', db]);
    expect(badLang.stderr).toContain('--lang: Lang must be a language tag');
    expect(riposte(['render', url, '--db', db]).stderr).toContain('there is no database at');
  });
});
