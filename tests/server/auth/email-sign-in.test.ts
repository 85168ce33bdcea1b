import { describe, expect, it } from 'vitest';
import type { PostedComment, WireSession, WireUser } from '../../../shared/wire.ts';
import { hashToken, randomToken } from '../../../server/tokens.ts';
import { mailLink, mailsTo, useMailApp } from '../../helpers/mail-app.ts';
import { BLOG_ORIGIN, openTempApp } from '../../helpers/test-app.ts';

const page = `${BLOG_ORIGIN}/2017/03/le-pen/`;
const { t, smtp } = await useMailApp();

/** Asks for the mail as the widget does: the tab keeps the verifier, sends its SHA-256. */
async function start(email: string, name = 'Ann', origin = BLOG_ORIGIN) {
  const verifier = randomToken();
  const res = await t.send('POST', '/auth/email/start', { email, name, return: page, challenge: hashToken(verifier) }, { origin });
  return { res, verifier };
}

async function started(email: string, name = 'Ann') {
  const { res, verifier } = await start(email, name);
  expect(res.status, await res.clone().text()).toBe(202);
  const { id, minutes } = (await res.json()) as { id: string; minutes: number };
  expect(minutes).toBe(15);
  await t.outbox.settled();
  const mail = await smtp.nextMessage(email.toLowerCase());
  const code = /^ {4}(\d{6})$/m.exec(mail.parsed.text ?? '')?.[1];
  if (!code) throw new Error(`no code in the mail: ${mail.parsed.text}`);
  return { id, verifier, code, mail };
}

const session = (body: Record<string, unknown>, origin = BLOG_ORIGIN) => t.send('POST', '/auth/email/session', body, { origin });
const errorOf = async (res: Response) => ({
  status: res.status,
  ...((await res.json()) as { error: { code: string; message: string } }).error,
});

describe('sign-in by mail', () => {
  it('mails a code and a link back to the page; the code opens a session that proves the address', async () => {
    const { id, verifier, code, mail } = await started('Ann@Example.org');
    expect(mail.parsed.subject).toBe('Your sign-in link for Default site');
    const link = mailLink(mail, 'Sign in');
    expect(link.startsWith(`${page}#riposte-email-sign-in=${id}.`)).toBe(true);
    // The code is not kept once the mail is sent.
    const { rows } = await t.store.outbox.list({ channel: 'mail', offset: 0, limit: 5 });
    expect(rows[0]!.payload).toEqual({ sent: true });

    const res = await session({ id, code, verifier });
    expect(res.status).toBe(200);
    const opened = (await res.json()) as WireSession;
    expect(opened.user).toMatchObject({ name: 'Ann', provider: 'email', providerName: 'Email' });
    const me = await t.app.request('/auth/me', { headers: { authorization: `Bearer ${opened.token}` } });
    expect(((await me.json()) as { user: WireUser }).user.name).toBe('Ann');
    expect(await t.store.mailAddresses.isConfirmed('ann@example.org')).toBe(true);
    // Used once.
    expect(await errorOf(await session({ id, code, verifier }))).toMatchObject({ status: 400, code: 'invalid_input' });

    // Such a reader is notified at once: the address is proven.
    const posted = await t.post(
      { page, body: 'Signed in by mail.', notify: { replies: true } },
      { authorization: `Bearer ${opened.token}` },
    );
    expect(((await posted.json()) as PostedComment).notify).toBe('active');
  });

  it('the link’s token works in the browser that asked, and nowhere else', async () => {
    const { id, verifier, mail } = await started('bob@example.org', 'Bob');
    const token = mailLink(mail, 'Sign in').split('.').at(-1)!;
    // Another browser (another verifier), or a page on another origin, opens nothing.
    expect(await errorOf(await session({ id, token, verifier: randomToken() }))).toMatchObject({ status: 400 });
    expect(await errorOf(await session({ id, token, verifier }, 'https://elsewhere.example'))).toMatchObject({ status: 403 });
    const res = await session({ id, token, verifier });
    expect(res.status).toBe(200);
    expect(((await res.json()) as WireSession).user.name).toBe('Bob');
  });

  it('wrong codes: five and the sign-in is used up; an expired one opens nothing', async () => {
    const { id, verifier, code } = await started('carl@example.org', 'Carl');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) {
      expect(await errorOf(await session({ id, code: wrong, verifier }))).toMatchObject({
        status: 400,
        message: expect.stringContaining('not the code'),
      });
    }
    expect(await errorOf(await session({ id, code: wrong, verifier }))).toMatchObject({
      message: expect.stringContaining('Too many wrong codes'),
    });
    expect((await session({ id, code, verifier })).status).toBe(400);

    const later = await started('carl@example.org', 'Carl');
    t.clock.advance(16 * 60_000);
    expect((await session({ id: later.id, code: later.code, verifier: later.verifier })).status).toBe(400);
  });

  it('is limited per address and per sender, and refuses a page from another site', async () => {
    for (let i = 0; i < 3; i++) await started('dan@example.org', 'Dan');
    expect(await errorOf((await start('dan@example.org')).res)).toMatchObject({ status: 429, code: 'rate_limited' });
    await t.outbox.settled();
    expect(mailsTo(smtp, 'dan@example.org')).toHaveLength(3);
    // The same sender (this test's one address) asking for many addresses: ten mails an hour (three went to Dan).
    for (let i = 0; i < 7; i++) expect((await start(`x${i}@example.org`)).res.status).toBe(202);
    expect((await start('x9@example.org')).res.status).toBe(429);

    expect(await errorOf((await start('eve@example.org', 'Eve', 'https://evil.example')).res)).toMatchObject({ status: 403 });
    const noName = await t.send(
      'POST',
      '/auth/email/start',
      { email: 'eve@example.org', name: ' ', return: page, challenge: hashToken(randomToken()) },
      { origin: BLOG_ORIGIN },
    );
    expect(await errorOf(noName)).toMatchObject({ status: 400, code: 'invalid_input' });
  });
});

describe('sign-in by mail without mail settings', () => {
  it('does not exist', async () => {
    const app = await openTempApp();
    const res = await app.send(
      'POST',
      '/auth/email/start',
      { email: 'ann@example.org', name: 'Ann', return: page, challenge: hashToken(randomToken()) },
      { origin: BLOG_ORIGIN },
    );
    expect(res.status).toBe(404);
  });
});
