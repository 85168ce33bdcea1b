/**
 * Keeping less, on a real database with the injected clock: past each site's retention, the
 * daily clean-up drops comments' IP hashes and the emails no subscription needs, runs once a
 * day across instances, and counts what it did in the Log.
 */
import { describe, expect, it } from 'vitest';
import { runDueRetention, runRetention, startRetention } from '../../../server/privacy/retention.ts';
import { openStore } from '../../../server/store/index.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { useAdminApp } from '../../helpers/admin-session.ts';

const page = 'https://blog.example/retention';
const t = useAdminApp(['--trust-proxy', 'true']);
const DAY = 86_400_000;

async function post(body: string, email: string, parentId?: number): Promise<number> {
  const res = await t.post({ page, body, author: { name: 'Reader', email }, parentId }, { 'x-forwarded-for': '203.0.113.7' });
  expect(res.status).toBe(201);
  return ((await res.json()) as PostedComment).comment.id;
}

const stored = async (id: number) => {
  const row = (await t.store.comments.get(id))!;
  return { email: row.authorEmail, ip: row.ipHash === null ? null : 'hash' };
};

describe('the retention clean-up', () => {
  it('drops IP hashes and unneeded emails past 30 days by default, once a day, and says so in the Log', async () => {
    const plain = await post('Nobody follows this.', 'plain@example.org');
    const followed = await post('Its author follows replies.', 'follows@example.org');
    const thread = (await t.store.threads.find('default', page))!;
    await t.store.subscriptions.add({
      threadId: thread.id,
      kind: 'replies',
      commentId: followed,
      address: 'follows@example.org',
      userId: null,
      createdAt: t.now().toISOString(),
    });
    const reply = await t.send('POST', `/api/v1/admin/comments/${plain}/reply`, { body: 'The owner answers.' }, t.admin);
    const ownerReply = ((await reply.json()) as { id: number }).id;
    expect(await stored(plain)).toEqual({ email: 'plain@example.org', ip: 'hash' });

    // The first run of a new database: nothing is old yet.
    expect(await runDueRetention(t)).toEqual({ ipHashes: 0, emails: 0 });
    t.clock.advance(29 * DAY);
    expect(await runDueRetention(t)).toEqual({ ipHashes: 0, emails: 0 });
    t.clock.advance(2 * DAY);
    expect(await runDueRetention(t)).toEqual({ ipHashes: 2, emails: 1 });
    expect(await stored(plain)).toEqual({ email: null, ip: null });
    expect(await stored(followed)).toEqual({ email: 'follows@example.org', ip: null });
    expect((await t.store.comments.get(ownerReply))!.authorEmail).toBe('owner@blog.example');
    // Already run today: another look (this instance's or another's) does nothing.
    expect(await runDueRetention(t)).toBeNull();

    // (The admin session has long expired on the moved clock: the Log is read from the store.)
    const log = await t.store.audit.list(20, 0);
    expect(log.filter((e) => e.action === 'retention').map((e) => [e.actor, e.detail])).toEqual([
      ['retention clean-up', 'site default: 2 IP hash(es) and 1 email(s) past keeping dropped'],
    ]);

    // Once the subscription ends, the email goes at the next day's run.
    await t.store.subscriptions.removeForThread('follows@example.org', thread.id);
    t.clock.advance(DAY);
    expect(await runDueRetention(t)).toEqual({ ipHashes: 0, emails: 1 });
    expect(await stored(followed)).toEqual({ email: null, ip: null });
  });

  it('stopping ends a clean-up under way after a full batch and gives the day back: the next look goes on', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await post(`Old comment ${i}.`, `old${i}@example.org`));
    expect(await runDueRetention(t)).toEqual({ ipHashes: 0, emails: 0 });
    t.clock.advance(31 * DAY);
    expect(await runDueRetention(t, { batch: 2, stopping: () => true })).toEqual({ ipHashes: 2, emails: 0 });
    expect((await t.store.privacy.cleanupDue())! <= t.now().toISOString()).toBe(true);
    expect(await runDueRetention(t)).toEqual({ ipHashes: 3, emails: 5 });
    for (const id of ids) expect(await stored(id)).toEqual({ email: null, ip: null });
    expect(await runDueRetention(t)).toBeNull();
    const log = await t.store.audit.list(20, 0);
    expect(log.filter((e) => e.action === 'retention').map((e) => e.detail)).toEqual([
      'site default: 3 IP hash(es) and 5 email(s) past keeping dropped',
      'site default: 2 IP hash(es) and 0 email(s) past keeping dropped',
    ]);
  });

  it('gets through a backlog however often the server stops at once, a batch a start', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await post(`Old comment ${i}.`, `old${i}@example.org`));
    t.clock.advance(31 * DAY);
    // Batches of 2: IP hashes 2, 2, then 1 and emails 2, then 2, then 1, which finishes the day.
    for (let start = 0; start < 4; start++) await startRetention(t, { batch: 2 })();
    expect(await stored(ids[4]!)).toEqual({ email: `old4@example.org`, ip: null });
    await startRetention(t, { batch: 2 })();
    for (const id of ids) expect(await stored(id)).toEqual({ email: null, ip: null });
    expect(await runDueRetention(t)).toBeNull();
  });

  it('gives the day back when the clean-up fails, so the next look tries again', async () => {
    const old = await post('Old enough to lose its IP hash and email.', 'old@example.org');
    t.clock.advance(31 * DAY);
    const failing = { ...t.store, sites: { ...t.store.sites, list: () => Promise.reject(new Error('the disk went away')) } };
    await expect(runDueRetention({ store: failing, now: t.now })).rejects.toThrow('the disk went away');
    expect(await runDueRetention(t)).toEqual({ ipHashes: 1, emails: 1 });
    expect(await stored(old)).toEqual({ email: null, ip: null });
  });

  it('keeps what a site says to keep (0 days), and follows its own numbers', async () => {
    const rules = await t.send('PATCH', '/api/v1/admin/sites/default', { settings: { keepIpHashDays: 0, keepEmailDays: 0 } }, t.admin);
    expect(rules.status).toBe(200);
    const kept = await post('Kept for ever.', 'kept@example.org');
    t.clock.advance(400 * DAY);
    expect(await runDueRetention(t)).toEqual({ ipHashes: 0, emails: 0 });
    expect(await stored(kept)).toEqual({ email: 'kept@example.org', ip: 'hash' });
    await t.store.sites.updateSettings('default', { keepIpHashDays: 7, keepEmailDays: 365 });
    t.clock.advance(DAY);
    expect(await runDueRetention(t)).toEqual({ ipHashes: 1, emails: 1 });
  });

  it('works through a large backlog in small transactions', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await post(`Old comment ${i}.`, `old${i}@example.org`));
    t.clock.advance(31 * DAY);
    expect(await runRetention(t, { batch: 2 })).toEqual({ ipHashes: 5, emails: 5, finished: true });
    for (const id of ids) expect(await stored(id)).toEqual({ email: null, ip: null });
  });

  it('runs once across instances that look at the same moment', async () => {
    const other = await openStore(t.dbFile);
    try {
      const results = await Promise.all([runDueRetention(t), runDueRetention({ store: other, now: t.now })]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
