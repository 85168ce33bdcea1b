import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/store/index.ts';
import { cleanEnv, RIPOSTE, testDir } from '../../helpers/riposte-cli.ts';
import { startSmtpServer } from '../../helpers/smtp-server.ts';
import { BLOG_ORIGIN } from '../../helpers/test-app.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

/** `riposte serve` as a real process, mailing through the test SMTP server; resolves with its address once it listens. */
async function serve(db: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const env = { ...cleanEnv(), ...smtp.env, RIPOSTE_OUTBOX_LEASE_SECONDS: '2' };
  const args = [RIPOSTE, 'serve', '--port', '0', '--db', db, '--origins', BLOG_ORIGIN, '--rate-limit', '0'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /comment server: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { child, url, exited };
}

async function post(url: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ page: `${BLOG_ORIGIN}/post/`, url: `${BLOG_ORIGIN}/post/`, ...body }),
  });
  expect(res.status, await res.text()).toBe(201);
}

/** Waits (a few seconds at most) until `done` holds. */
async function until(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!done()) throw new Error(`gave up waiting: ${what}`);
}

describe('the outbox across a kill -9', () => {
  it('sends the mails a killed process had taken but not finished, after restart, once each with their Message-ID', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    // Ann confirmed her address earlier; she follows the page's comments.
    const setUp = await openStore(db);
    await setUp.mailAddresses.confirm('ann@example.org', new Date().toISOString());
    // The blog publishes comments at once (new sites hold first comments, and held ones notify nobody).
    await setUp.sites.ensure('default', 'Default site', new Date().toISOString());
    await setUp.sites.updateSettings('default', { moderation: 'none' });
    await setUp.close();

    const first = await serve(db);
    await post(first.url, { body: 'I follow this page.', author: { name: 'Ann', email: 'ann@example.org' }, notify: { thread: true } });
    // The SMTP server reads the mail and never answers: the first is under way when the process
    // dies, the others are committed (their events, maybe their deliveries) and not yet sent.
    smtp.hold(true);
    for (const n of [1, 2, 3]) await post(first.url, { body: `Comment ${n}.`, author: { name: 'Bob' } });
    await until('a mail under way', () => smtp.held > 0);
    first.child.kill('SIGKILL');
    await first.exited;
    smtp.hold(false);

    const after = await openStore(db);
    const leftover = (await after.outbox.list({ channel: 'mail', offset: 0, limit: 10 })).rows;
    await after.close();
    expect(leftover.length).toBeGreaterThan(0);
    for (const row of leftover) expect([row.kind, row.status, row.attempts]).toEqual(['thread', 'pending', 0]);
    expect(leftover.some((r) => r.lockedUntil !== null)).toBe(true);
    expect(smtp.messages).toEqual([]);

    // Restarted: once the dead process's lease runs out, the mails go, with the Message-IDs they were given.
    const second = await serve(db);
    const received = [await smtp.nextMessage('ann@example.org', 30_000)];
    received.push(await smtp.nextMessage('ann@example.org', 30_000), await smtp.nextMessage('ann@example.org', 30_000));
    second.child.kill('SIGINT');
    await second.exited;

    const done = await openStore(db);
    const rows = (await done.outbox.list({ channel: 'mail', offset: 0, limit: 10 })).rows;
    await done.close();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
    // The mail that was under way went again with its Message-ID: a receiver can tell it is the same.
    expect(received.map((m) => m.parsed.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());
    for (const row of leftover) expect(rows.find((r) => r.id === row.id)?.messageId).toBe(row.messageId);
    expect(received.map((m) => m.parsed.subject).sort()).toEqual([
      'New comment by Bob on https://blog.example/post/',
      'New comment by Bob on https://blog.example/post/',
      'New comment by Bob on https://blog.example/post/',
    ]);
    // Nothing more was sent: every row is done, and the server accepted three mails in all.
    expect(smtp.messages).toHaveLength(3);
  });
});
