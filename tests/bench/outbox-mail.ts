/**
 * Benchmark: the outbox of a real `riposte serve` mailing a local SMTP server (smtp-server in
 * this process, which notes when it accepted each message). Two figures: how many mails a
 * second the outbox delivers when one comment notifies every follower of a page, and the time
 * from the owner approving a held reply (the admin API's answer) to its notification being
 * accepted by SMTP. Everything is set up through the HTTP API and the mails' own links.
 * Run: npm run bench:outbox [-- --followers 200 --replies 20 --quick]  (prints figures; asserts nothing)
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { adminHeaders } from './lib/admin-login.ts';
import { benchArgs, numberOption, printHeader } from './lib/bench-args.ts';
import { serve, tempDir } from './lib/checkout.ts';
import { median, ms } from './lib/stats.ts';

const { values, checkout } = benchArgs(
  'Outbox mail benchmark',
  '  --followers N  readers following the page (200)\n  --replies N    held replies approved one at a time (20)',
  {
    followers: { type: 'string' },
    replies: { type: 'string' },
  },
);
const FOLLOWERS = numberOption(values.followers, values.quick ? 50 : 200, 'followers');
const REPLIES = numberOption(values.replies, values.quick ? 5 : 20, 'replies');
const BLOG = 'https://blog.example.com';
const PAGE = `${BLOG}/2026/11/busy-post/`;
/** Ann's page: nobody else follows it, so her mail waits behind no one's. */
const QUIET_PAGE = `${BLOG}/2026/11/quiet-post/`;

/** Every accepted message: to whom, when (Date.now()), and its text. */
const accepted: { to: string; at: number; text: string }[] = [];
const waiting: (() => void)[] = [];
const sink = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  disableReverseLookup: true,
  logger: false,
  async onData(stream, session, callback) {
    const parsed = await simpleParser(stream);
    const at = Date.now();
    for (const to of session.envelope.rcptTo) accepted.push({ to: to.address, at, text: parsed.text ?? '' });
    callback(null);
    for (const wake of waiting.splice(0)) wake();
  },
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const smtpPort = (sink.server.address() as { port: number }).port;

/** Until `count` messages to `to` were accepted; answers them. */
async function mailsTo(to: string, count: number) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const found = accepted.filter((m) => m.to === to);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`only ${found.length} of ${count} mails to ${to} arrived`);
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

const dir = tempDir();
const db = `${dir.path}/riposte.db`;
const server = await serve(checkout, {
  db,
  env: {
    RIPOSTE_ORIGINS: BLOG,
    RIPOSTE_RATE_LIMIT: '0',
    RIPOSTE_TRUST_PROXY: 'true',
    RIPOSTE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    RIPOSTE_SMTP_SECURE: 'none',
    RIPOSTE_MAIL_FROM: 'Blog <comments@blog.example.com>',
  },
});
printHeader(`Outbox mail: ${FOLLOWERS} followers, ${REPLIES} approved replies`, checkout);

const admin = await adminHeaders(checkout, server, db);
const adminCall = async (method: string, path: string, body: unknown) => {
  const res = await fetch(`${server.url}/api/v1/admin${path}`, {
    method,
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
};
await adminCall('PATCH', '/sites/default', { settings: { moderation: 'all' } });

/** A guest's comment from an address of its own (the per-sender limits count by address). */
async function post(i: number, body: Record<string, unknown>, page = PAGE): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BLOG, 'x-forwarded-for': `10.1.${i >> 8}.${i & 255}` },
    body: JSON.stringify({ page, url: page, title: 'A post', formMs: 60_000, ...body }),
  });
  if (res.status !== 201) throw new Error(`post: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { comment: { id: number } }).comment.id;
}

/** Confirms the address from the link in its confirmation mail, as its owner would (the page's button posts back). */
async function confirm(address: string): Promise<void> {
  const [mail] = await mailsTo(address, 1);
  const link = /^Confirm \(opens a page with a button\): (\S+)$/m.exec(mail!.text)?.[1];
  if (!link) throw new Error(`no confirmation link for ${address}`);
  const res = await fetch(link.replace(/^https?:\/\/[^/]+/, server.url), { method: 'POST' });
  if (!res.ok) throw new Error(`confirm ${address}: ${res.status}`);
}

// The followers: each asks for every new comment on the page, then confirms.
const followers = Array.from({ length: FOLLOWERS }, (_, i) => `follower${i}@example.org`);
for (const [i, email] of followers.entries())
  await post(i, { body: `Following ${i}.`, author: { name: `Follower ${i}`, email }, notify: { thread: true } });
for (const email of followers) await confirm(email);

// Throughput: one held comment approved notifies every follower.
const zed = await post(FOLLOWERS, { body: 'A comment everyone hears of.', author: { name: 'Zed' } });
const before = accepted.length;
const started = Date.now();
await adminCall('POST', '/comments/actions', { ids: [zed], action: 'approve' });
for (const email of followers) await mailsTo(email, 2);
const fanOut = accepted.slice(before).filter((m) => m.to.startsWith('follower'));
const seconds = (Math.max(...fanOut.map((m) => m.at)) - started) / 1000;
console.log(
  `  one comment to ${FOLLOWERS} followers: ${seconds.toFixed(2)} s from approving it to the last mail accepted, ${Math.round(FOLLOWERS / seconds)} mails/s`,
);

// Latency: a held reply to Ann, approved by the owner; until SMTP accepted Ann's notification.
const annId = await post(
  FOLLOWERS + 1,
  { body: 'Tell me of replies.', author: { name: 'Ann', email: 'ann@example.org' }, notify: { replies: true } },
  QUIET_PAGE,
);
await confirm('ann@example.org');
await adminCall('POST', '/comments/actions', { ids: [annId], action: 'approve' });
const latencies: number[] = [];
for (let i = 0; i < REPLIES; i++) {
  const reply = await post(FOLLOWERS + 2 + i, { body: `Reply ${i} to Ann.`, parentId: annId, author: { name: `Bob ${i}` } }, QUIET_PAGE);
  const seen = accepted.filter((m) => m.to === 'ann@example.org').length;
  const approving = Date.now();
  await adminCall('POST', '/comments/actions', { ids: [reply], action: 'approve' });
  const [mail] = (await mailsTo('ann@example.org', seen + 1)).slice(seen);
  latencies.push(mail!.at - approving);
}
latencies.sort((a, b) => a - b);
console.log(
  `  approving a held reply to its mail accepted by SMTP: median ${ms(median(latencies))}, max ${ms(latencies.at(-1)!)} over ${REPLIES} replies`,
);

await server.stop();
sink.close();
dir.remove();
