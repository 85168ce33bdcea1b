/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port for tests: optional
 * login, recipients it refuses, every message kept with its envelope and parsed by
 * `mailparser`, and a way to wait for the next message to an address.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** What the client said in MAIL FROM and RCPT TO (the real recipients, whatever the headers say). */
  envelope: { from: string; to: string[] };
  parsed: ParsedMail;
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  /** smtp:// URL for RIPOSTE_SMTP_URL (with the login, when the server wants one). */
  url: string;
  /** Environment that points Riposte at this server (plain SMTP on loopback). */
  env: Record<string, string>;
  messages: ReceivedMail[];
  /**
   * While on, messages are read but never answered (the client waits for the server's "250"),
   * and they are not kept: a sender that dies meanwhile has had nothing accepted.
   */
  hold(on: boolean): void;
  /** Messages read while holding. */
  held: number;
  /** The first message to `address` that no earlier call returned, waiting for it if needed. */
  nextMessage(address: string, waitMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** Ask for this login (PLAIN or LOGIN, without TLS: loopback only). */
  auth?: { user: string; password: string };
  /** Recipients answered with 550 at RCPT TO. */
  refuse?: string[];
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const waiters: { address: string; resolve: (mail: ReceivedMail) => void }[] = [];
  let queued = 0;
  let holding = false;
  let held = 0;

  const deliver = (mail: ReceivedMail) => {
    messages.push(mail);
    const waiter = waiters.find((w) => mail.envelope.to.includes(w.address));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      taken.add(mail);
      waiter.resolve(mail);
    }
  };

  const server = new SMTPServer({
    secure: false,
    // Plain SMTP on loopback: the client must not be offered STARTTLS with a certificate it cannot check.
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    // No PTR lookup of the client: it would ask the machine's DNS server, off this machine.
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.password) {
        return callback(null, { user: auth.username });
      }
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) {
        return callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }),
        );
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (holding) {
          held++;
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        simpleParser(raw).then(
          (parsed) => {
            deliver({ envelope, parsed, raw });
            callback(null, `2.0.0 Ok: queued as TEST${++queued}`);
          },
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const login = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.password)}@` : '';
  const url = `smtp://${login}127.0.0.1:${port}`;

  return {
    port,
    url,
    env: { RIPOSTE_SMTP_URL: url, RIPOSTE_SMTP_SECURE: 'none', RIPOSTE_MAIL_FROM: 'Riposte tests <riposte@example.com>' },
    messages,
    hold(on) {
      holding = on;
    },
    get held() {
      return held;
    },
    nextMessage(address, waitMs = 10_000) {
      const waiting = messages.find((m) => !taken.has(m) && m.envelope.to.includes(address));
      if (waiting) {
        taken.add(waiting);
        return Promise.resolve(waiting);
      }
      return new Promise((resolve, reject) => {
        const waiter = {
          address,
          resolve: (mail: ReceivedMail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          const seen = messages.map((m) => m.envelope.to.join(',')).join('; ') || 'none';
          reject(new Error(`no mail to ${address} within ${waitMs} ms (mail seen for: ${seen})`));
        }, waitMs);
        waiters.push(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
