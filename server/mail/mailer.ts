/**
 * Sends mail through the configured SMTP server (nodemailer): one message at a time, each with
 * the Message-ID its caller chose (the outbox resends with the same one, so a receiver can tell
 * a retry from a new mail), and answers what the server said. Failures become a MailError with
 * one readable line and whether trying again could help.
 */
import nodemailer, { type NodemailerError } from 'nodemailer';
import type { MailConfig } from './mail-config.ts';
import { MailError } from './mail-error.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative, if any. */
  html?: string;
  /** `<unique@domain>`, the same on every attempt at the same message (see message-id.ts). */
  messageId: string;
  /** Extra headers such as List-Unsubscribe; values must be one line. */
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  /** The SMTP server's final answer, e.g. "250 2.0.0 Ok: queued as 4XyZ". */
  response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  /** Closes the connections (the pool's too). */
  close(): void;
}

export interface MailerOptions {
  /** Keep up to this many connections open and reuse them (for the outbox); 0: one connection per message. */
  pool?: number;
}

const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]+/g;

export function createMailer(config: MailConfig, options: MailerOptions = {}): Mailer {
  const server = {
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.user && config.password ? { auth: { user: config.user, pass: config.password } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    // Messages are strings Riposte made: nothing may name a file or URL for nodemailer to read.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transport = options.pool
    ? // Retries are the outbox's: a pool that resent on its own after a dropped connection could deliver twice.
      nodemailer.createTransport({ ...server, pool: true, maxConnections: options.pool, maxMessages: 500, maxRequeues: 0 })
    : nodemailer.createTransport(server);
  const where = `${config.host}:${config.port}`;
  return {
    async send(mail) {
      const oneLine = (value: string) => value.replace(LINE_BREAKS, ' ');
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: mail.to,
          subject: oneLine(mail.subject),
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          messageId: mail.messageId,
          headers: Object.fromEntries(Object.entries(mail.headers ?? {}).map(([name, value]) => [name, oneLine(value)])),
        });
        return { messageId: info.messageId, response: info.response };
      } catch (err) {
        throw mailError(err, where);
      }
    },
    close: () => transport.close(),
  };
}

/** One line a person can act on, from what nodemailer reports. */
function mailError(err: unknown, where: string): MailError {
  if (!(err instanceof Error)) return new MailError(`sending failed: ${String(err)}`, false, { cause: err });
  const { code, response, permanent } = err as NodemailerError;
  const answer = response ? response.replace(LINE_BREAKS, ' ') : '';
  const because = (text: string, isPermanent = false) => new MailError(text, isPermanent, { cause: err });
  const server = (text: string) => new MailError(text, false, { cause: err, aboutServer: true });
  switch (code) {
    case 'EAUTH':
      return server(`${where} refused the login${answer ? ` (${answer})` : ''}; check the SMTP user and password.`);
    case 'ENOAUTH':
      return server(`${where} wants a login; set the SMTP user and password.`);
    case 'EENVELOPE':
      return because(`${where} refused the recipient or the sender${answer ? `: ${answer}` : ''}`, permanent === true);
    case 'ETLS':
      return server(`TLS with ${where} failed (${err.message}); check RIPOSTE_SMTP_SECURE and the port.`);
    case 'ETIMEDOUT':
      return server(`${where} did not answer in time.`);
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
      return server(`could not talk to ${where} (${err.message}).`);
    default:
      return because(answer ? `${where} refused the message: ${answer}` : err.message, permanent === true);
  }
}
