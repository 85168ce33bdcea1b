/**
 * A site made by this version holds a first-time commenter's comment (moderation=first) and keeps
 * emails and IP hashes 30 days; a site made earlier keeps what it had (none, and everything).
 */
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../../../shared/site-settings.ts';
import { openTempApp } from '../../helpers/test-app.ts';

describe('a new site', () => {
  it("holds a first-time commenter's comment for approval; an older site's stored rules stay as they were", async () => {
    const t = await openTempApp();
    await t.store.sites.ensure('blog2', 'Second blog', t.now().toISOString());
    const settings = await t.store.sites.settings('blog2');
    expect([settings.moderation, settings.keepEmailDays, settings.keepIpHashDays]).toEqual(['first', 30, 30]);
    const res = await t.post({ site: 'blog2', page: 'p', body: 'Hello, first time here', author: { name: 'Newcomer' } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { comment: { status: string } }).comment.status).toBe('pending');

    // A row written before this version stores no settings: it reads as it always did.
    const older = siteSettings({});
    expect([older.moderation, older.keepEmailDays, older.keepIpHashDays]).toEqual(['none', 0, 0]);
  });
});
