import { afterEach, describe, expect, it } from 'vitest';
import { loadMailConfig } from '../../../server/mail/mail-config.ts';
import { MailError } from '../../../server/mail/mail-error.ts';
import { createMailer, type Mailer } from '../../../server/mail/mailer.ts';
import { newMessageId } from '../../../server/mail/message-id.ts';
import { mailStrings } from '../../../server/mail/mail-strings.ts';
import { renderNotificationMail } from '../../../server/mail/reader-mails.ts';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtp-server.ts';

const open: (Mailer | TestSmtpServer)[] = [];
afterEach(async () => {
  // Mailers first: the server waits for its connections to end.
  for (const item of open.splice(0).reverse()) await item.close();
});

async function smtpServer(options?: Parameters<typeof startSmtpServer>[0]) {
  const server = await startSmtpServer(options);
  open.push(server);
  return server;
}

function mailer(env: Record<string, string>, pool?: number) {
  const config = loadMailConfig(env)!;
  const created = createMailer(config, { pool });
  open.push(created);
  return { config, mailer: created };
}

async function sendError(promise: Promise<unknown>): Promise<MailError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof MailError)) throw new Error(`expected a MailError, got ${String(err)}`);
  return err;
}

describe('the mailer, against a real SMTP server', () => {
  it('sends with the caller’s Message-ID and headers, and answers the server’s response', async () => {
    const smtp = await smtpServer();
    const { config, mailer: m } = mailer(smtp.env);
    const messageId = newMessageId(config);
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@example\.com>$/);
    const sent = await m.send({
      to: 'ann@example.org',
      subject: 'Hello',
      text: 'plain',
      html: '<p>rich</p>',
      messageId,
      headers: { 'List-Unsubscribe': '<https://c.example.com/u?t=1>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    expect(sent).toEqual({ messageId, response: '250 2.0.0 Ok: queued as TEST1' });
    const mail = await smtp.nextMessage('ann@example.org');
    expect(mail.envelope).toEqual({ from: 'riposte@example.com', to: ['ann@example.org'] });
    expect(mail.parsed.messageId).toBe(messageId);
    expect(mail.parsed.from?.value).toEqual([{ name: 'Riposte tests', address: 'riposte@example.com' }]);
    expect(mail.parsed.text).toBe('plain');
    expect(mail.parsed.html).toBe('<p>rich</p>');
    expect(mail.raw).toContain('List-Unsubscribe: <https://c.example.com/u?t=1>\r\n');
    expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');

    // The outbox's retry: the same Message-ID again.
    await m.send({ to: 'ann@example.org', subject: 'Hello', text: 'plain', messageId });
    expect((await smtp.nextMessage('ann@example.org')).parsed.messageId).toBe(messageId);
  });

  it('logs in when the server asks, and says so in one line when the login is wrong', async () => {
    const smtp = await smtpServer({ auth: { user: 'riposte', password: 'p@ss word' } });
    const { config, mailer: m } = mailer(smtp.env);
    expect(config).toMatchObject({ user: 'riposte', password: 'p@ss word' });
    await m.send({ to: 'ann@example.org', subject: 'Hi', text: 'x', messageId: newMessageId(config) });
    expect((await smtp.nextMessage('ann@example.org')).parsed.subject).toBe('Hi');

    const wrong = mailer({ ...smtp.env, RIPOSTE_SMTP_URL: smtp.url.replace('p%40ss%20word', 'nope') }).mailer;
    const err = await sendError(wrong.send({ to: 'ann@example.org', subject: 'Hi', text: 'x', messageId: newMessageId(config) }));
    expect(err.message).toBe(
      `127.0.0.1:${smtp.port} refused the login (535 Invalid username or password); check the SMTP user and password.`,
    );
    expect(err).toMatchObject({ permanent: false, aboutServer: true });
  });

  it('reports a refused recipient as permanent, with the server’s words', async () => {
    const smtp = await smtpServer({ refuse: ['gone@example.org'] });
    const { config, mailer: m } = mailer(smtp.env);
    const err = await sendError(m.send({ to: 'gone@example.org', subject: 'Hi', text: 'x', messageId: newMessageId(config) }));
    expect(err.message).toBe(
      `127.0.0.1:${smtp.port} refused the recipient or the sender: 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown`,
    );
    expect(err).toMatchObject({ permanent: true, aboutServer: false });
    expect(smtp.messages).toEqual([]);
  });

  it('reports a server that is not there as worth retrying', async () => {
    const smtp = await smtpServer();
    const port = smtp.port;
    await smtp.close();
    const { config, mailer: m } = mailer({ ...smtp.env, RIPOSTE_SMTP_URL: `smtp://127.0.0.1:${port}` });
    const err = await sendError(m.send({ to: 'ann@example.org', subject: 'Hi', text: 'x', messageId: newMessageId(config) }));
    expect(err.message).toMatch(new RegExp(`^could not talk to 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED`));
    expect(err).toMatchObject({ permanent: false, aboutServer: true });
  });

  it('delivers a notification with a hostile name as one subject line, to its recipient only', async () => {
    const smtp = await smtpServer();
    const { config, mailer: m } = mailer(smtp.env, 2);
    const rendered = await renderNotificationMail({
      strings: mailStrings('en'),
      what: 'thread',
      siteName: 'Blog\r\nBcc: site@evil.example',
      page: { url: 'https://blog.example.com/p', title: 'Title\nCc: title@evil.example' },
      comment: { id: 7, authorName: 'Eve\r\nBcc: victim@evil.example\r\n\r\nbody', html: '<p>hi</p>', text: 'hi' },
      unsubscribeUrl: 'https://c.example.com/u?t=1',
      stopAllUrl: 'https://c.example.com/s?t=1',
    });
    await m.send({ to: 'reader@example.org', messageId: newMessageId(config), ...rendered });
    const mail = await smtp.nextMessage('reader@example.org');
    expect(mail.envelope.to).toEqual(['reader@example.org']);
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.parsed.cc).toBeUndefined();
    expect(mail.parsed.subject).toBe('New comment by Eve Bcc: victim@evil.example body on “Title Cc: title@evil.example”');
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.parsed.headers.get('list')).toEqual({
      unsubscribe: { url: 'https://c.example.com/u?t=1' },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    expect(mail.parsed.text).toContain('https://blog.example.com/p#comment-7');
  });
});
