/**
 * Benchmark: how fast the mailer hands rendered notification mails to a local SMTP server
 * (smtp-server in a child process, so it does not share this process's event loop): 500 mails
 * over one reused connection, over a pool of 4, and 100 with a new connection each.
 * Run: npm run bench:mail  (prints figures; asserts nothing)
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { loadMailConfig } from '../../server/mail/mail-config.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { newMessageId } from '../../server/mail/message-id.ts';
import { mailStrings } from '../../server/mail/mail-strings.ts';
import { renderNotificationMail } from '../../server/mail/reader-mails.ts';
import { renderMarkdown } from '../../server/render/markdown.ts';

if (process.env.RIPOSTE_BENCH_SINK) {
  // The child: an SMTP server that reads each message to its end and accepts it.
  const sink = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback(null, 'Ok'));
    },
  });
  sink.listen(0, '127.0.0.1', () => {
    const address = sink.server.address();
    process.send?.(typeof address === 'object' && address ? address.port : 0);
  });
} else {
  const child = fork(new URL(import.meta.url).pathname, [], { env: { ...process.env, RIPOSTE_BENCH_SINK: '1' } });
  const port = await new Promise<number>((resolve) => child.once('message', (message) => resolve(Number(message))));
  const config = loadMailConfig({
    RIPOSTE_SMTP_URL: `smtp://127.0.0.1:${port}`,
    RIPOSTE_SMTP_SECURE: 'none',
    RIPOSTE_MAIL_FROM: 'Blog <c@example.com>',
  })!;
  const markdown =
    'Thanks for the post! I tried it on **my own blog** and it worked.\n\n> a quoted line\n\nMore at https://ann.example/notes/1';
  const mail = await renderNotificationMail({
    strings: mailStrings('en'),
    what: 'replies',
    siteName: 'Blog',
    page: { url: 'https://blog.example.com/2026/11/hello', title: 'Hello, world' },
    comment: { id: 42, authorName: 'Ann', html: renderMarkdown(markdown), text: markdown },
    unsubscribeUrl: 'https://c.example.com/mail/unsubscribe?t=0123456789abcdef',
    stopAllUrl: 'https://c.example.com/mail/stop?t=0123456789abcdef',
  });
  console.log(`One mail: ${Buffer.byteLength(mail.text) + Buffer.byteLength(mail.html)} bytes of text and HTML before MIME encoding.`);

  const run = async (label: string, count: number, pool: number | undefined, concurrent: boolean) => {
    const mailer = createMailer(config, { pool });
    const send = (i: number) => mailer.send({ to: `reader${i}@example.org`, messageId: newMessageId(config), ...mail });
    const started = performance.now();
    if (concurrent) await Promise.all(Array.from({ length: count }, (_, i) => send(i)));
    else for (let i = 0; i < count; i++) await send(i);
    const seconds = (performance.now() - started) / 1000;
    mailer.close();
    console.log(`${label}: ${count} mails in ${seconds.toFixed(2)} s, ${Math.round(count / seconds)} mails/s`);
  };
  await run('one connection, reused (pool of 1)', 500, 1, true);
  await run('pool of 4 connections', 500, 4, true);
  await run('a new connection per mail, one at a time', 100, undefined, false);
  child.kill();
}
