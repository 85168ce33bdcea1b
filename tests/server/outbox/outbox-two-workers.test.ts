/**
 * Two server instances on one PostgreSQL, each with its own outbox worker, working the same
 * outbox at once: every mail goes out exactly once (one Message-ID each, none twice), and both
 * workers take part (their claims pass over each other's rows rather than waiting on them).
 */
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { newPostgresDatabase } from '../../helpers/postgres.ts';
import { startSmtpServer } from '../../helpers/smtp-server.ts';
import { BLOG_ORIGIN, openTestApp } from '../../helpers/test-app.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

const OWNER = 'owner@blog.example';
const COMMENTS = 60;

describe('the outbox worked by two instances at once on PostgreSQL', () => {
  it('sends each mail exactly once, the work shared between the workers', async () => {
    const url = await newPostgresDatabase();
    const open = () => openTestApp(url, ['--rate-limit', '0'], smtp.env);
    const a = await open();
    onTestFinished(() => a.close());
    const b = await open();
    onTestFinished(() => b.close());
    // The owner confirmed their alert address: every new comment mails them.
    await a.store.mailAddresses.confirm(OWNER, a.now().toISOString());
    await a.store.sites.updateSettings('default', { alertsAll: [OWNER] });

    const sentBy = { a: 0, b: 0 };
    const countClaims = (name: 'a' | 'b', store: typeof a.store) => {
      const claim = store.outbox.claim.bind(store.outbox);
      store.outbox.claim = async (...args) => {
        const rows = await claim(...args);
        sentBy[name] += rows.length;
        return rows;
      };
    };
    countClaims('a', a.store);
    countClaims('b', b.store);

    // Posted on A; both workers are woken after each post, so they claim side by side.
    for (let i = 0; i < COMMENTS; i++) {
      const res = await a.post({ page: `${BLOG_ORIGIN}/busy/`, body: `Comment ${i}`, author: { name: `Reader ${i}` } });
      expect(res.status).toBe(201);
      b.outbox.wake();
    }
    for (let round = 0; round < 200; round++) {
      a.outbox.wake();
      b.outbox.wake();
      await Promise.all([a.outbox.settled(), b.outbox.settled()]);
      const pending = await a.store.outbox.list({ status: 'pending', offset: 0, limit: 1 });
      if (pending.total === 0 && (await a.store.outbox.unexpandedEvents(1)).length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const toOwner = smtp.messages.filter((m) => m.envelope.to.includes(OWNER));
    const ids = toOwner.map((m) => m.parsed.messageId);
    expect(toOwner).toHaveLength(COMMENTS);
    expect(new Set(ids).size).toBe(COMMENTS);
    const rows = await a.store.outbox.list({ channel: 'mail', offset: 0, limit: 200 });
    expect(rows.rows.map((r) => [r.status, r.attempts])).toEqual(Array(COMMENTS).fill(['sent', 1]));
    // Each claimed row was sent by the one that claimed it: claims add up to the mails, and both workers had some.
    expect(sentBy.a + sentBy.b).toBe(COMMENTS);
    expect(sentBy.a).toBeGreaterThan(0);
    expect(sentBy.b).toBeGreaterThan(0);
  });
});
