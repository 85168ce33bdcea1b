/** Running imports in tests: the real exports under tests/fixtures/import, or text made from them. */
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importComments } from '../../server/import/import-comments.ts';
import type { ImportFormat, ImportSummary } from '../../server/import/import-summary.ts';
import type { Store } from '../../server/store/index.ts';
import type { ExportRow } from '../../server/store/transfer.ts';
import { expect } from 'vitest';
import { BLOG_ORIGIN, type TestApp } from './test-app.ts';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function importFixture(store: Store, format: ImportFormat, name: string, site = 'default'): Promise<ImportSummary> {
  return importComments(store, { now: new Date(), format, input: createReadStream(fixturePath(name)), site, sourceName: name });
}

/** Imports text given in pieces of `chunk` characters, as a stream would deliver it. */
export function importText(store: Store, format: ImportFormat, text: string, site = 'default', chunk = 1000): Promise<ImportSummary> {
  async function* pieces() {
    for (let i = 0; i < text.length; i += chunk) yield new TextEncoder().encode(text.slice(i, i + chunk));
  }
  return importComments(store, { now: new Date(), format, input: pieces(), site, sourceName: 'upload.xml' });
}

/** Every row of a table, as an export holds it. */
export async function tableRows(store: Store, table: string): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const entry of store.exportRows()) if (entry.table === table) rows.push(entry.row);
  return rows;
}

/** A comment's depth in its thread: 1 for a response to the page. */
export function depthOf(comments: ExportRow[], id: unknown): number {
  const byId = new Map(comments.map((c) => [c.id, c]));
  let depth = 0;
  for (let c = byId.get(id); c; c = c.parentId === null ? undefined : byId.get(c.parentId)) depth++;
  return depth;
}

/** Gives `app`'s database a bit of everything: imports, a guest's post, a like, a vote, a user, a second site, a setting, a ban, an audit entry. */
export async function populate<T extends TestApp>(app: T): Promise<T> {
  await importFixture(app.store, 'wordpress', 'wp-theme-test-data__themeunittestdata.wordpress.xml');
  await importFixture(app.store, 'disqus', 'isso__disqus.xml', 'other-blog');
  const posted = await app.post(
    { page: `${BLOG_ORIGIN}/post`, body: 'Posted *here*', author: { name: 'Ann', email: 'ann@example.org' } },
    { origin: BLOG_ORIGIN },
  );
  expect(posted.status).toBe(201);
  const liked = await app.send(
    'PUT',
    '/api/v1/likes',
    { page: `${BLOG_ORIGIN}/post`, liker: 'browser-1234567890', liked: true },
    { origin: BLOG_ORIGIN },
  );
  expect(liked.status).toBe(200);
  const comment = ((await posted.json()) as { comment: { id: number } }).comment.id;
  const voted = await app.send(
    'PUT',
    `/api/v1/comments/${comment}/vote`,
    { liker: 'browser-1234567890', value: 1 },
    { origin: BLOG_ORIGIN },
  );
  expect(voted.status).toBe(200);
  const at = app.now().toISOString();
  await app.store.users.upsert({ provider: 'github', subject: '42', name: 'Octo', email: null, website: null }, at);
  await app.store.sites.updateSettings('default', { showPingbacks: true });
  await app.store.bans.add('email', 'troll@example.org', false, 'owner@blog.example', at);
  await app.store.audit.add('owner@blog.example', 'ban', null, 'email troll@example.org', at);
  return app;
}
