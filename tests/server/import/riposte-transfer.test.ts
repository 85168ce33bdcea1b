import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { riposteExport, type ExportOptions } from '../../../server/export/riposte-export.ts';
import * as schema from '../../../server/store/schema.ts';
import type { Store } from '../../../server/store/index.ts';
import { EXPORTED, EXPORTED_TABLE_NAMES, NOT_EXPORTED } from '../../../server/store/transfer.ts';
import { importFixture, importText, populate, tableRows } from '../../helpers/import-fixtures.ts';
import { BLOG_ORIGIN, openTempApp, openTestApp, type TestApp } from '../../helpers/test-app.ts';

const setup = () => openTempApp();

/** The export as `riposte export --with-hash-key` writes it (a move that keeps avatars, likes and sender hashes). */
async function exportText(store: Store, options: ExportOptions = { hashKey: true }): Promise<string> {
  let text = '';
  for await (const piece of riposteExport(store, new Date('2026-01-01T00:00:00Z'), options)) text += piece;
  return text;
}

/** A new database with a bit of everything. */
const populated = async () => populate(await setup());

describe('riposte export and restore', () => {
  it('lists every table of the schema, exported or left out on purpose', () => {
    const tables = Object.entries(schema)
      .filter(([, value]) => is(value, SQLiteTable))
      .map(([key]) => key);
    const listed = [...EXPORTED_TABLE_NAMES.map((name) => EXPORTED[name].table), ...NOT_EXPORTED];
    expect(listed.sort()).toEqual(tables.sort());
  });

  it('writes one JSON document holding every site, user, thread, comment (all statuses), like and setting', async () => {
    const { store } = await populated();
    const text = await exportText(store);
    const parsed = JSON.parse(text) as Record<string, unknown[]> & { format: string; version: number };
    expect(parsed).toMatchObject({ format: 'riposte', version: 1, exportedAt: '2026-01-01T00:00:00.000Z' });
    expect(Object.keys(parsed)).toEqual([
      'format',
      'version',
      'exportedAt',
      'sites',
      'users',
      'threads',
      'comments',
      'likes',
      'votes',
      'settings',
      'bans',
      'audit',
      'mailAddresses',
      'mailStops',
      'subscriptions',
      'mentions',
    ]);
    expect(parsed.bans).toMatchObject([{ kind: 'email', value: 'troll@example.org', createdBy: 'owner@blog.example' }]);
    expect(parsed.audit).toMatchObject([{ actor: 'owner@blog.example', action: 'ban', detail: 'email troll@example.org' }]);
    expect(parsed.sites).toHaveLength(2);
    expect(parsed.users).toHaveLength(1);
    expect(parsed.comments).toHaveLength(33 + 5 + 1);
    expect(new Set(parsed.comments.map((c) => (c as { status: string }).status))).toEqual(new Set(['approved', 'pending', 'deleted']));
    expect(parsed.likes).toHaveLength(1);
    expect(parsed.votes).toMatchObject([{ value: 1 }]);
    expect(parsed.settings).toContainEqual({ key: 'hash_key', value: await store.settings.hashKey() });
    // A row per line: the file streams both ways and diffs well.
    expect(text.split('\n').length).toBeGreaterThan(33 + 5 + 1 + 7);
  });

  it('restores into an empty database identically: same export, same threads as readers see them', async () => {
    const source = await populated();
    const exported = await exportText(source.store);
    const target = await setup();
    const summary = await importText(target.store, 'riposte', exported, 'default', 4096);
    expect(summary.restored).toEqual({
      sites: 2,
      users: 1,
      threads: 10,
      comments: 39,
      likes: 1,
      votes: 1,
      settings: 1,
      bans: 1,
      audit: 1,
      mailAddresses: 0,
      mailStops: 0,
      subscriptions: 0,
      mentions: 0,
    });
    expect(await exportText(target.store)).toBe(exported);

    // Started on the restored file (as `riposte serve` would be), with the same hashing key: avatars, like state and the thread answers are unchanged.
    await target.close();
    const restored = await openTestApp(target.database.location);
    onTestFinished(() => restored.close());
    // The thread's version is the database's own change counter (a live stream's since), not content.
    const asRead = async (app: TestApp, ...args: Parameters<TestApp['thread']>) => ({
      ...(await app.thread(...args)).body,
      version: 'any',
    });
    for (const page of ['https://wpthemetestdata.wordpress.com/2012/01/03/template-comments/', `${BLOG_ORIGIN}/post`, '1149']) {
      expect(await asRead(restored, page)).toEqual(await asRead(source, page));
    }
    expect(await asRead(restored, 'some-id', 'other-blog')).toEqual(await asRead(source, 'some-id', 'other-blog'));
    const likeState = async (app: TestApp) =>
      (await app.app.request(`/api/v1/likes?page=${encodeURIComponent(`${BLOG_ORIGIN}/post`)}&liker=browser-1234567890`)).json();
    expect(await likeState(restored)).toEqual({ count: 1, liked: true });
  });

  it('leaves the hashing key out unless asked for; a restore without it says what changes', async () => {
    const source = await populated();
    const key = await source.store.settings.hashKey();
    const exported = await exportText(source.store, {});
    expect(exported).not.toContain(key);
    expect((JSON.parse(exported) as { settings: unknown[] }).settings).toEqual([]);
    const target = await setup();
    const summary = await importText(target.store, 'riposte', exported);
    expect(summary.restored).toMatchObject({ comments: 39, settings: 0 });
    expect(summary.warnings.join('\n')).toContain('the export holds no hashing key');
    expect(await target.store.settings.hashKey()).not.toBe(key);
  });

  it('restores only into an empty database, changing nothing otherwise', async () => {
    const source = await populated();
    const target = await setup();
    await importFixture(target.store, 'wordpress', 'isso__wordpress.xml');
    const before = await tableRows(target.store, 'comments');
    await expect(importText(target.store, 'riposte', await exportText(source.store))).rejects.toThrow(
      /restored into an empty database only/,
    );
    expect(await tableRows(target.store, 'comments')).toEqual(before);
  });

  it('gives clear errors for broken or foreign files, with the line, and writes nothing', async () => {
    const source = await populated();
    const lines = (await exportText(source.store)).split('\n');
    const target = await setup();
    const broken = [...lines.slice(0, 20), '{"id":', ...lines.slice(20)].join('\n');
    await expect(importText(target.store, 'riposte', broken)).rejects.toThrow(/^upload.xml line 21: not valid JSON/);
    const badRow = lines.map((line) => line.replace('"status":"pending"', '"status":"maybe"')).join('\n');
    await expect(importText(target.store, 'riposte', badRow)).rejects.toThrow(
      /comments row \d+ \(id \d+\): status: must be one of approved, pending, spam, deleted, not "maybe"\./,
    );
    await expect(importText(target.store, 'riposte', '{"format":"isso","version":1,"sites":[{}]}')).rejects.toThrow(/not a Riposte export/);
    await expect(importText(target.store, 'riposte', '{"format":"riposte","version":2,"sites":[{}]}')).rejects.toThrow(
      /version 2; this Riposte reads versions up to 1/,
    );
    await expect(importFixture(target.store, 'riposte', 'isso__wordpress.xml')).rejects.toThrow(/line 1: not valid JSON/);
    expect(await tableRows(target.store, 'threads')).toEqual([]);
    expect(await tableRows(target.store, 'comments')).toEqual([]);
  });
});
